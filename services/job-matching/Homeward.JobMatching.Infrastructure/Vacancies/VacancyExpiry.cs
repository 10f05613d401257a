using Homeward.JobMatching.Application.Common;
using Homeward.JobMatching.Application.Vacancies;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Homeward.JobMatching.Infrastructure.Vacancies;

/// <summary>
/// Expires open vacancies past their valid-through day, at the configured interval, so that nobody has to. Every
/// instance of the service may run it: the statement is idempotent and touches only rows that still need it.
/// </summary>
internal sealed partial class VacancyExpiry(
    IServiceScopeFactory scopes,
    IOptions<JobMatchingOptions> options,
    TimeProvider clock,
    ILogger<VacancyExpiry> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpiryInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var expired = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ExpireVacancies(), stoppingToken);
                if (expired > 0)
                {
                    LogExpired(logger, expired);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The next tick tries again; a database that is briefly away must not stop expiry for good.
                LogFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} vacancies past their valid-through day expired")]
    private static partial void LogExpired(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Expiring vacancies failed; will try again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
