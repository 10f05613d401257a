using Homeward.JobMatching.Domain.Recommendations;

namespace Homeward.JobMatching.Application.Recommendations;

public sealed record RecommendationView(
    Guid Id,
    Guid WorkerId,
    Guid VacancyId,
    string WorkerDivision,
    RecommendationChannel Channel,
    string RecommendedBy,
    DateTimeOffset RecommendedAt,
    string? Note,
    bool IsOpen,
    RecommendationOutcome? Outcome,
    DateTimeOffset? OutcomeAt,
    IReadOnlyList<OutcomeEntry> Outcomes,
    uint RowVersion)
{
    public static RecommendationView From(Recommendation r) => new(
        r.Id, r.WorkerId, r.VacancyId, r.WorkerDivision, r.Channel, r.RecommendedBy, r.RecommendedAt, r.Note, r.IsOpen, r.Outcome, r.OutcomeAt, r.Outcomes, r.RowVersion);
}
