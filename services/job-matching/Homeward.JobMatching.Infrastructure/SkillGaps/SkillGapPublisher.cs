using Homeward.JobMatching.Application.Common;
using Homeward.JobMatching.Application.SkillGaps;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Homeward.JobMatching.Infrastructure.SkillGaps;

/// <summary>Looks at the configured interval whether today's skill gaps are announced, and announces them when not.</summary>
internal sealed partial class SkillGapPublisher(
    IServiceScopeFactory scopes,
    IOptions<JobMatchingOptions> options,
    TimeProvider clock,
    ILogger<SkillGapPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.PublishSkillGapsDaily)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.SkillGapCheckInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var announced = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new PublishDailySkillGaps(), stoppingToken);
                if (announced > 0)
                {
                    LogAnnounced(logger, announced);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The next tick tries again: the day's announcement is recorded only with its events.
                LogFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} skill gaps of the city announced for today")]
    private static partial void LogAnnounced(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Announcing today's skill gaps failed; will try again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
