using System.Text.Json;
using Homeward.Contracts.Registry;
using Homeward.Registry.Domain.Workers;

namespace Homeward.Registry.Application.Workers;

/// <summary>The worker's facts as events carry them: enum names in camelCase, nothing personal.</summary>
public static class WorkerFactsMapper
{
    public static WorkerFacts From(Worker worker) => new(
        worker.Education is { } education ? Name(education) : null,
        [.. worker.Skills.Select(s => new WorkerSkill(s.TradeCode, Name(s.Level)))],
        [.. worker.Certificates.Select(c => new WorkerCertificate(c.Number, Name(c.Kind), c.TradeCode, c.Level is { } level ? Name(level) : null, c.Verified))],
        worker.JobIntention is { } intention
            ? new WorkerIntention(
                intention.Trades,
                Name(intention.Where),
                intention.MinimumMonthlyWage,
                intention.AvailableFrom,
                [.. Enumerable.Range(1, 12).Where(month => intention.BusyMonths.Any(range => range.Contains(month)))],
                intention.MustStayNearFamily)
            : null,
        worker.TrainingNeeds,
        worker.Residence?.Division,
        Name(worker.Status),
        worker.ReturnedOn);

    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
