using MassTransit;

namespace Homeward.Contracts.JobMatching;

/// <summary>A worker was hired.</summary>
/// <param name="CrossRegion">True when the job is outside the city (a partner city or elsewhere).</param>
/// <param name="EmployerDivision">Division code of the workplace, when it is in the country's division scheme.</param>
/// <param name="PartnerId">The partner city, for placements through labour cooperation.</param>
[MessageUrn("homeward:job-matching:worker-placed:v1")]
[EntityName("homeward.job-matching.worker-placed.v1")]
public sealed record WorkerPlaced(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PlacementId,
    Guid WorkerId,
    Guid EmployerId,
    Guid? VacancyId,
    Guid? RecommendationId,
    bool CrossRegion,
    string? EmployerDivision,
    string? PartnerId,
    string? TradeCode,
    decimal MonthlyWage,
    DateOnly StartDate) : IIntegrationEvent;
