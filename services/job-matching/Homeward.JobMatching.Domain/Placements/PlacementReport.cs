namespace Homeward.JobMatching.Domain.Placements;

/// <summary>What a partner city's enterprise reports about one of our workers it employs.</summary>
public enum PlacementReportKind
{
    /// <summary>The worker started work as placed.</summary>
    Confirmed = 0,

    /// <summary>The worker left; the placement ends.</summary>
    Departed = 1,

    /// <summary>The worker's monthly wage changed.</summary>
    WageChanged = 2,
}

/// <summary>A partner city's report about a placement with one of its enterprises, kept as it came.</summary>
public sealed class PlacementReport
{
    private PlacementReport()
    {
    }

    public Guid Id { get; private set; }

    public Guid PlacementId { get; private set; }

    public string PartnerCity { get; private set; } = string.Empty;

    public PlacementReportKind Kind { get; private set; }

    /// <summary>The day it happened: start confirmed, last day of work, or the day the new wage applies from.</summary>
    public DateOnly Date { get; private set; }

    public decimal? MonthlyWage { get; private set; }

    public PlacementEndReason? Reason { get; private set; }

    public string? Note { get; private set; }

    public string ReportedBy { get; private set; } = string.Empty;

    public DateTimeOffset ReportedAt { get; private set; }

    public static PlacementReport Record(
        Guid id,
        Placement placement,
        PlacementReportKind kind,
        DateOnly date,
        decimal? monthlyWage,
        PlacementEndReason? reason,
        string? note,
        string reportedBy,
        DateTimeOffset now) => new()
        {
            Id = id,
            PlacementId = placement.Id,
            PartnerCity = placement.PartnerCity!,
            Kind = kind,
            Date = date,
            MonthlyWage = monthlyWage,
            Reason = reason,
            Note = note,
            ReportedBy = reportedBy,
            ReportedAt = now,
        };
}
