using Homeward.JobMatching.Application.FollowUp;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Homeward.JobMatching.Infrastructure.FollowUp;

/// <summary>
/// At the configured interval of the service's clock, puts the check-ins that came due into the offices' work queues
/// and escalates the rights cases past their deadline. Every instance may run it: both steps are idempotent.
/// </summary>
internal sealed partial class FollowUpScheduler(
    IServiceScopeFactory scopes,
    IOptions<FollowUpOptions> options,
    TimeProvider clock,
    ILogger<FollowUpScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sender = scope.ServiceProvider.GetRequiredService<ISender>();
                var scheduled = await sender.Send(new ScheduleFollowUps(), stoppingToken);
                var escalated = await sender.Send(new EscalateRightsCases(), stoppingToken);
                if (scheduled + escalated > 0)
                {
                    LogDone(logger, scheduled, escalated);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The next tick tries again (a unique violation means another instance scheduled the same check-in).
                LogFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Scheduled} follow-up check-ins scheduled, {Escalated} rights cases escalated")]
    private static partial void LogDone(ILogger logger, int scheduled, int escalated);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduling follow-ups or escalating rights cases failed; will try again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
