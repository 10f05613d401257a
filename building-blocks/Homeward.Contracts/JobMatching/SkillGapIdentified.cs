using MassTransit;

namespace Homeward.Contracts.JobMatching;

/// <summary>
/// Open vacancies ask for more people with a skill than there are candidates seeking work who have it: demand for
/// training. One event per trade, level and certificate requirement with a gap, for a division (the city, or part of it).
/// </summary>
/// <param name="Level">SkillLevel name in camelCase the vacancies require in the trade (none when they require no level).</param>
/// <param name="Certificates">The certificates the vacancies require, each "tradeCode" or "tradeCode:level"; empty when none.</param>
/// <param name="Division">12-digit code of the division the figures cover.</param>
/// <param name="UnfilledHeadcount">Places not yet filled in the open vacancies with this requirement.</param>
/// <param name="QualifiedCandidates">Candidates of the division seeking work who meet the requirement.</param>
/// <param name="Gap">Unfilled places the qualified candidates cannot fill, at least 1.</param>
[MessageUrn("homeward:job-matching:skill-gap-identified:v1")]
[EntityName("homeward.job-matching.skill-gap-identified.v1")]
public sealed record SkillGapIdentified(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string TradeCode,
    string Level,
    IReadOnlyList<string> Certificates,
    string Division,
    int UnfilledHeadcount,
    int QualifiedCandidates,
    int Gap) : IIntegrationEvent;
