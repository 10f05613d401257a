using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Homeward.BuildingBlocks.Web.Security;

/// <summary>
/// Discovers the Identity service's signing keys as soon as the process has started, so that its first caller does
/// not wait for the OpenID configuration and key set to be fetched (0.1 s of the first request in a fresh process,
/// docs/benchmarks.md section 17). It begins once the process listens, because the Identity service discovers its own
/// keys through its own endpoint. The Identity service may still be starting, so a failed attempt is tried again with
/// growing pauses; requests meanwhile fetch the keys themselves, as they would without this, and a failure here never
/// stops the process.
/// </summary>
internal sealed partial class SigningKeyDiscovery(
    IOptionsMonitor<JwtBearerOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<SigningKeyDiscovery> logger) : BackgroundService
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(30);
    private const int AttemptsBeforeWarning = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        var pause = FirstPause;
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                if (options.Get(JwtBearerDefaults.AuthenticationScheme).ConfigurationManager is { } keys)
                {
                    await keys.GetConfigurationAsync(stoppingToken);
                }

                return;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                if (attempt == AttemptsBeforeWarning)
                {
                    LogNotYetDiscovered(logger, exception, attempt);
                }
            }

            await Task.Delay(pause, clock, stoppingToken);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The signing keys could not be discovered in {Attempts} attempts since the start; trying on, and requests fetch them themselves")]
    private static partial void LogNotYetDiscovered(ILogger logger, Exception exception, int attempts);
}
