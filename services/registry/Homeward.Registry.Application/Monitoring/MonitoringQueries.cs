using FluentValidation;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Registry.Domain.Monitoring;
using Homeward.Registry.Domain.Workers;
using Homeward.SharedKernel.Divisions;

namespace Homeward.Registry.Application.Monitoring;

/// <summary>
/// Queries the monitoring use cases share. Discrepancies are scoped by the worker's village now, not the one they
/// were opened in, so that a worker who moved takes their open questions to the new office.
/// </summary>
internal static class MonitoringQueries
{
    public const string DivisionMessage = "The division is a 12-digit statistical code or a 6-digit county code.";

    public static IRuleBuilderOptions<T, string?> MustBeADivision<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(code => code is null || DivisionCode.TryParse(code, out _)).WithMessage(DivisionMessage);

    /// <summary>Workers of the caller's division, narrowed to <paramref name="division"/> when given (outside the caller's: none).</summary>
    public static IQueryable<Worker> VisibleWorkers(this IRegistryDbContext db, ICurrentUser user, string? division)
    {
        var workers = db.Workers.WithinDivisionOf(user, w => w.HouseholdDivisionCode);
        if (division is null)
        {
            return workers;
        }

        var (first, last) = DivisionCode.Parse(division).SubtreeRange;
        return workers.Where(w => string.Compare(w.HouseholdDivisionCode, first) >= 0 && string.Compare(w.HouseholdDivisionCode, last) <= 0);
    }

    public static IQueryable<DiscrepancyRow> VisibleDiscrepancies(this IRegistryDbContext db, ICurrentUser user, string? division) =>
        db.Discrepancies.Join(
            db.VisibleWorkers(user, division),
            d => d.WorkerId,
            w => w.Id,
            (d, w) => new DiscrepancyRow { Discrepancy = d, WorkerName = w.Name, WorkerDivision = w.HouseholdDivisionCode });

    public static IQueryable<DiscrepancyView> ToViews(this IQueryable<DiscrepancyRow> rows, IRegistryDbContext db) =>
        rows.Select(r => new DiscrepancyView(
            r.Discrepancy.Id,
            r.Discrepancy.WorkerId,
            r.WorkerName,
            r.WorkerDivision,
            r.Discrepancy.Field,
            r.Discrepancy.RecordedValue,
            r.Discrepancy.ObservedValue,
            r.Discrepancy.Source,
            r.Discrepancy.OpenedAt,
            r.Discrepancy.Status,
            r.Discrepancy.ResolvedAt,
            r.Discrepancy.ResolvedBy,
            r.Discrepancy.ResolutionReason,
            db.Observations.Count(o => o.WorkerId == r.Discrepancy.WorkerId && o.DiscrepancyId == r.Discrepancy.Id),
            r.Discrepancy.RowVersion));

    internal sealed class DiscrepancyRow
    {
        public required Discrepancy Discrepancy { get; init; }

        public required string WorkerName { get; init; }

        public required string WorkerDivision { get; init; }
    }
}
