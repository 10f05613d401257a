using Homeward.JobMatching.Domain.Candidates;
using Homeward.JobMatching.Domain.Matching;

namespace Homeward.JobMatching.Application.Matching;

/// <summary>The best matches first; <see cref="Note"/> says why the list is empty when a hard filter rules everything out.</summary>
public sealed record MatchList<T>(IReadOnlyList<T> Items, string? Note);

public sealed record VacancyMatch(
    Guid VacancyId,
    string Title,
    Guid EmployerId,
    string EmployerName,
    string TradeCode,
    string Division,
    string? PartnerCity,
    decimal WageMin,
    decimal WageMax,
    bool Accommodation,
    DateOnly ValidThrough,
    int Remaining,
    double Score,
    IReadOnlyList<ScoreComponent> Breakdown,
    IReadOnlyList<string> Unmet);

public sealed record CandidateMatch(
    Guid WorkerId,
    string Name,
    string HouseholdDivision,
    CandidateStatus? Status,
    double Score,
    IReadOnlyList<ScoreComponent> Breakdown,
    IReadOnlyList<string> Unmet);
