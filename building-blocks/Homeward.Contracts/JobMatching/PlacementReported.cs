using MassTransit;

namespace Homeward.Contracts.JobMatching;

/// <summary>
/// A partner city reported on one of our workers placed with one of its enterprises. A departure is also announced
/// as <see cref="PlacementEnded"/>; this event is the partner's own word, for the worker's record.
/// </summary>
/// <param name="Kind">confirmed, departed or wageChanged.</param>
/// <param name="Date">The day it happened: start confirmed, last day of work, or the day a new wage applies from.</param>
/// <param name="StartDate">The placement's start date.</param>
/// <param name="MonthlyWage">The wage now (CNY a month); for a wage change the new one.</param>
/// <param name="Reason">Of a departure: contractEnded, resigned, dismissed, couldNotAdapt, rightsViolated, other.</param>
[MessageUrn("homeward:job-matching:placement-reported:v1")]
[EntityName("homeward.job-matching.placement-reported.v1")]
public sealed record PlacementReported(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid ReportId,
    Guid PlacementId,
    Guid WorkerId,
    string PartnerId,
    string Kind,
    DateOnly Date,
    DateOnly StartDate,
    decimal MonthlyWage,
    string? Reason) : IIntegrationEvent;
