using Homeward.JobMatching.Domain.Common;
using Homeward.SharedKernel.Trades;

namespace Homeward.JobMatching.Domain.Candidates;

public sealed record CandidateSkill(string TradeCode, SkillLevel Level);

/// <summary>A certificate the worker holds, without its number: matching needs its trade and level, not the document.</summary>
/// <param name="Kind">skillLevel, specialOperation, professionalQualification or other, as the registry names it.</param>
/// <param name="Verified">Confirmed by its issuer or issued on the platform; otherwise self-reported.</param>
public sealed record CandidateCertificate(string Kind, string? TradeCode, SkillLevel? Level, bool Verified);

/// <summary>Where the worker will take a job, from the narrowest to the widest.</summary>
public enum WorkLocation
{
    HomeCounty = 0,
    City = 1,
    PartnerCities = 2,
    Anywhere = 3,
}

/// <param name="BusyMonths">Months (1–12) in which the worker cannot work, e.g. the farming season.</param>
/// <param name="MustStayNearFamily">The worker has to stay near the family: only jobs in the home county, or with accommodation for none.</param>
public sealed record CandidateIntention(
    IReadOnlyList<string> Trades,
    WorkLocation Where,
    decimal? MinimumMonthlyWage,
    DateOnly? AvailableFrom,
    IReadOnlyList<int> BusyMonths,
    bool MustStayNearFamily);

public enum CandidateStatus
{
    SeekingWork = 0,
    EmployedLocally = 1,
    EmployedElsewhere = 2,
    SelfEmployed = 3,
    InTraining = 4,
    NotInLabourForce = 5,
}

/// <summary>What matching uses of a worker's profile, as one event carries it.</summary>
public sealed record CandidateFacts(
    EducationLevel? Education,
    IReadOnlyList<CandidateSkill> Skills,
    IReadOnlyList<CandidateCertificate> Certificates,
    CandidateIntention? Intention,
    string? ResidenceDivision);
