using System.Diagnostics;
using Homeward.Registry.Application.Imports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Homeward.Registry.Infrastructure.Imports;

/// <summary>
/// Rehearses an import of <see cref="LedgerImportOptions.RehearsalRows"/> made-up people when the service starts
/// (<see cref="ImportRehearsal"/>) and, as a health check, keeps the service from reporting ready until that is done.
/// A rehearsal that fails or runs past its time limit is logged and only costs the first real import its speed.
/// </summary>
public sealed partial class ImportRehearsalAtStart(
    IServiceScopeFactory scopes,
    IOptions<LedgerImportOptions> options,
    ILogger<ImportRehearsalAtStart> logger) : BackgroundService, IHealthCheck
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(2);

    private volatile bool _done;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_done
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("Rehearsing an import, so that the first real one runs on optimized code."));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var rows = options.Value.RehearsalRows;
        try
        {
            if (rows == 0)
            {
                return;
            }

            using var limited = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            limited.CancelAfter(TimeLimit);
            var started = Stopwatch.GetTimestamp();
            await using var scope = scopes.CreateAsyncScope();
            var job = await scope.ServiceProvider.GetRequiredService<ImportRehearsal>().RunAsync(rows, limited.Token);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            if (job.Rejected > 0)
            {
                LogRowsRejected(logger, job.Rejected, rows, job.Errors[0].Field, job.Errors[0].Message);
            }
            else
            {
                LogRehearsed(logger, rows, seconds);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The service is stopping.
        }
        catch (Exception exception)
        {
            LogFailed(logger, exception);
        }
        finally
        {
            _done = true;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rehearsed an import of {Rows} made-up rows in {Seconds:F1} s, all rolled back")]
    private static partial void LogRehearsed(ILogger logger, int rows, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The import rehearsal's ledger no longer passes validation ({Rejected} of {Rows} rows rejected, first: {Field}: {Message}); the rehearsal compiled only part of an import")]
    private static partial void LogRowsRejected(ILogger logger, int rejected, int rows, string field, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The import rehearsal failed; the first import after this start compiles its code as it goes")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
