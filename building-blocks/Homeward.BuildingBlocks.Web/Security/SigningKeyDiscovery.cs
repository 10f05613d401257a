using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Homeward.BuildingBlocks.Web.Security;

/// <summary>
/// Discovers the Identity service's signing keys while the process starts, so that the first caller after a start
/// does not wait for the OpenID configuration and key set to be fetched (0.2 s of the first request in a fresh
/// process, docs/benchmarks.md section 17). The Identity service may still be starting itself, so a failed attempt is
/// tried again with growing pauses; requests meanwhile fetch the keys themselves, as they would without this.
/// </summary>
internal sealed partial class SigningKeyDiscovery(
    IOptionsMonitor<JwtBearerOptions> options,
    TimeProvider clock,
    ILogger<SigningKeyDiscovery> logger) : BackgroundService
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(30);
    private const int AttemptsBeforeWarning = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Get(JwtBearerDefaults.AuthenticationScheme).ConfigurationManager is not { } keys)
        {
            return;
        }

        var pause = FirstPause;
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await keys.GetConfigurationAsync(stoppingToken);
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
