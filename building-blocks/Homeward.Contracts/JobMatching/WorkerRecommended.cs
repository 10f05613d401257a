using MassTransit;

namespace Homeward.Contracts.JobMatching;

/// <summary>A vacancy was recommended to a worker (by staff, the system, or at a job fair).</summary>
[MessageUrn("homeward:job-matching:worker-recommended:v1")]
[EntityName("homeward.job-matching.worker-recommended.v1")]
public sealed record WorkerRecommended(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid RecommendationId,
    Guid WorkerId,
    Guid VacancyId,
    DateTimeOffset RecommendedAt) : IIntegrationEvent;
