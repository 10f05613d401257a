using System.Threading.Channels;
using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.Registry.Application.Imports;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Homeward.Registry.Infrastructure.Imports;

/// <summary>
/// Runs queued imports in the background, one at a time per instance. It wakes when any instance announces a job
/// (LISTEN on <see cref="ImportJobQueue.Channel"/>) and also looks every few seconds, so a job queued while no
/// instance listened is still picked up.
/// </summary>
internal sealed partial class ImportJobRunner(
    IServiceScopeFactory scopes,
    ServiceDatabase database,
    ILogger<ImportJobRunner> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(2);

    private readonly Channel<bool> _wakeUp = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listening = ListenAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!await RunNextAsync(stoppingToken))
            {
                await WaitAsync(PollInterval, stoppingToken);
            }
        }

        await listening;
    }

    private async Task<bool> RunNextAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RunNextImport(), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception exception)
        {
            // The job says why it failed; a failure before a job was claimed (the database away) waits for the next look.
            LogImportFailed(logger, exception);
            return false;
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.DataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => _wakeUp.Writer.TryWrite(true);
                await using (var listen = new NpgsqlCommand($"LISTEN {ImportJobQueue.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogListenFailed(logger, exception, ReconnectDelay.TotalSeconds);
                await WaitAsync(ReconnectDelay, stoppingToken);
            }
        }
    }

    private async Task WaitAsync(TimeSpan timeout, CancellationToken stoppingToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await _wakeUp.Reader.ReadAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException)
        {
            // Time to look anyway, or to stop: the loop checks which.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An import failed; the job records the failure")]
    private static partial void LogImportFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for queued imports failed; trying again in {DelaySeconds} s")]
    private static partial void LogListenFailed(ILogger logger, Exception exception, double delaySeconds);
}
