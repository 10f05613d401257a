using Homeward.Contracts.Registry;
using Homeward.Registry.Domain.Workers;
using Homeward.SharedKernel;

namespace Homeward.Registry.Application.Workers;

/// <summary>The worker's facts as events carry them: enum names in camelCase, nothing personal.</summary>
public static class WorkerFactsMapper
{
    public static WorkerFacts From(Worker worker) => new(
        worker.Education is { } education ? EnumNames.Of(education) : null,
        [.. worker.Skills.Select(s => new WorkerSkill(s.TradeCode, EnumNames.Of(s.Level)))],
        [.. worker.Certificates.Select(c => new WorkerCertificate(c.Number, EnumNames.Of(c.Kind), c.TradeCode, c.Level is { } level ? EnumNames.Of(level) : null, c.Verified))],
        worker.JobIntention is { } intention
            ? new WorkerIntention(
                intention.Trades,
                EnumNames.Of(intention.Where),
                intention.MinimumMonthlyWage,
                intention.AvailableFrom,
                BusyMonths(intention.BusyMonths),
                intention.MustStayNearFamily)
            : null,
        worker.TrainingNeeds,
        worker.Residence?.Division,
        EnumNames.Of(worker.Status),
        worker.ReturnedOn);

    /// <summary>The months, 1 to 12, that fall in any of the ranges.</summary>
    private static List<int> BusyMonths(IReadOnlyList<MonthRange> ranges)
    {
        var months = new List<int>(12);
        for (var month = 1; month <= 12; month++)
        {
            foreach (var range in ranges)
            {
                if (range.Contains(month))
                {
                    months.Add(month);
                    break;
                }
            }
        }

        return months;
    }
}
