using System.Diagnostics;
using Homeward.Registry.Application.Imports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Homeward.Registry.Infrastructure.Imports;

/// <summary>
/// Rehearses an import of <see cref="LedgerImportOptions.RehearsalRows"/> made-up people as the service starts
/// (<see cref="ImportRehearsal"/>), after its migrations and before it listens for requests, as the migrations
/// themselves are applied: the service reports live and ready only once its import code is compiled. A rehearsal that
/// fails or runs past its time limit is logged and only costs the first real import its speed. A process already
/// stopping, as the migration job does once it has migrated, skips it.
/// </summary>
public sealed partial class ImportRehearsalAtStart(
    IServiceScopeFactory scopes,
    IOptions<LedgerImportOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<ImportRehearsalAtStart> logger) : IHostedService
{
    /// <summary>Well inside the two minutes the deployment's start-up probe gives the process to answer.</summary>
    private static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(1);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var rows = options.Value.RehearsalRows;
        if (rows == 0 || lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return;
        }

        using var limited = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        limited.CancelAfter(TimeLimit);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var job = await scope.ServiceProvider.GetRequiredService<ImportRehearsal>().RunAsync(rows, limited.Token);
            if (job.Rejected > 0)
            {
                LogRowsRejected(logger, job.Rejected, rows, job.Errors[0].Field, job.Errors[0].Message);
            }
            else
            {
                LogRehearsed(logger, rows, Stopwatch.GetElapsedTime(started).TotalSeconds);
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && !lifetime.ApplicationStopping.IsCancellationRequested)
        {
            LogFailed(logger, exception);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Rehearsed an import of {Rows} made-up rows in {Seconds:F1} s, all rolled back")]
    private static partial void LogRehearsed(ILogger logger, int rows, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The import rehearsal's ledger no longer passes validation ({Rejected} of {Rows} rows rejected, first: {Field}: {Message}); the rehearsal compiled only part of an import")]
    private static partial void LogRowsRejected(ILogger logger, int rejected, int rows, string field, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The import rehearsal failed; the first import after this start compiles its code as it goes")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
