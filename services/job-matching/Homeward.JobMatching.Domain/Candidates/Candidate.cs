using Homeward.JobMatching.Domain.Common;
using Homeward.JobMatching.Domain.Matching;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Identity;

namespace Homeward.JobMatching.Domain.Candidates;

/// <summary>
/// What matching knows of a registered worker, projected from the registry's events. It holds no national ID number
/// and no phone number. Events arrive in any order and more than once: each group of facts (name and household
/// village, profile facts, employment status) remembers the time of the event it came from, so an older event that
/// arrives late never overwrites newer facts, and a profile update that overtakes the registration is kept until
/// the registration fills in the rest.
/// </summary>
public sealed class Candidate : IHasRowVersion
{
    private Candidate()
    {
    }

    public Guid WorkerId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string HouseholdDivisionCode { get; private set; } = string.Empty;

    /// <summary>Time of the registry event that the name and household village come from.</summary>
    public DateTimeOffset ProfileAsOf { get; private set; }

    /// <summary>Derived from the national ID at registration; unknown until the registration event has arrived.</summary>
    public Gender? Gender { get; private set; }

    public DateOnly? BirthDate { get; private set; }

    /// <summary>When the worker was registered; null while only later events have arrived.</summary>
    public DateTimeOffset? RegisteredAt { get; private set; }

    public EducationLevel? Education { get; private set; }

    public IReadOnlyList<CandidateSkill> Skills { get; private set; } = [];

    public IReadOnlyList<CandidateCertificate> Certificates { get; private set; } = [];

    public CandidateIntention? Intention { get; private set; }

    public string? ResidenceDivision { get; private set; }

    /// <summary>The trades the worker has a skill in or wants to work in, kept apart so an index can find candidates by trade.</summary>
    public string[] TradeCodes { get; private set; } = [];

    /// <summary>How far the worker will go for a job, kept apart so the database can filter on it.</summary>
    public WorkLocation Reach { get; private set; } = WorkLocation.Anywhere;

    /// <summary>The skill requirements the worker meets (<see cref="MatchKeys.SkillsMet"/>), kept apart so the database can rank candidates.</summary>
    public string[] SkillKeys { get; private set; } = [];

    /// <summary>The certificate requirements the worker meets (<see cref="MatchKeys.CertificatesMet"/>), kept apart so the database can rank candidates.</summary>
    public string[] CertificateKeys { get; private set; } = [];

    /// <summary>The trades the worker wants to work in (none when no intention is recorded), kept apart so the database can rank candidates.</summary>
    public string[] WantedTrades { get; private set; } = [];

    /// <summary>The lowest monthly wage the worker will take, if they said, kept apart so the database can rank candidates.</summary>
    public decimal? MinimumWage { get; private set; }

    /// <summary>Time of the registry event that the profile facts come from; MinValue while none has arrived.</summary>
    public DateTimeOffset FactsAsOf { get; private set; }

    public CandidateStatus? Status { get; private set; }

    /// <summary>Time of the registry event that the status comes from.</summary>
    public DateTimeOffset StatusAsOf { get; private set; }

    public uint RowVersion { get; private set; }

    public bool IsRegistered => RegisteredAt is not null;

    public static Candidate Registered(
        Guid workerId,
        string name,
        Gender gender,
        DateOnly birthDate,
        string householdDivisionCode,
        DateTimeOffset occurredAt)
    {
        var candidate = Unknown(workerId);
        candidate.ApplyRegistration(name, gender, birthDate, householdDivisionCode, occurredAt);
        return candidate;
    }

    /// <summary>A worker only later events have told about so far; the registration completes it.</summary>
    public static Candidate Unknown(Guid workerId) => new()
    {
        WorkerId = workerId,
        ProfileAsOf = DateTimeOffset.MinValue,
        FactsAsOf = DateTimeOffset.MinValue,
        StatusAsOf = DateTimeOffset.MinValue,
    };

    public void ApplyRegistration(string name, Gender gender, DateOnly birthDate, string householdDivisionCode, DateTimeOffset occurredAt)
    {
        Gender = gender;
        BirthDate = birthDate;
        RegisteredAt = occurredAt;
        ApplyProfile(name, householdDivisionCode, occurredAt);
    }

    /// <summary>Applies name and household village unless newer ones are already known.</summary>
    public void ApplyProfile(string name, string householdDivisionCode, DateTimeOffset asOf)
    {
        if (asOf < ProfileAsOf)
        {
            return;
        }

        Name = name;
        HouseholdDivisionCode = householdDivisionCode;
        ProfileAsOf = asOf;
    }

    /// <summary>Applies education, skills, certificates, intention and residence unless newer ones are already known.</summary>
    public void ApplyFacts(CandidateFacts facts, DateTimeOffset asOf)
    {
        if (asOf < FactsAsOf)
        {
            return;
        }

        Education = facts.Education;
        Skills = facts.Skills;
        Certificates = facts.Certificates;
        Intention = facts.Intention;
        ResidenceDivision = facts.ResidenceDivision;
        Reach = ReachOf(facts.Intention);
        TradeCodes = [.. facts.Skills.Select(s => s.TradeCode).Concat(facts.Intention?.Trades ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        SkillKeys = MatchKeys.SkillsMet(facts.Skills);
        CertificateKeys = MatchKeys.CertificatesMet(facts.Certificates);
        WantedTrades = [.. (facts.Intention?.Trades ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        MinimumWage = facts.Intention?.MinimumMonthlyWage;
        FactsAsOf = asOf;
    }

    /// <summary>The home county (always, for one who must stay near family), the city, or also the partner cities; anywhere without an intention.</summary>
    public static WorkLocation ReachOf(CandidateIntention? intention) => intention switch
    {
        null => WorkLocation.Anywhere,
        { MustStayNearFamily: true } => WorkLocation.HomeCounty,
        _ => intention.Where,
    };

    /// <summary>Applies an employment status unless a newer one is already known.</summary>
    public void ApplyStatus(CandidateStatus status, DateTimeOffset asOf)
    {
        if (asOf < StatusAsOf)
        {
            return;
        }

        Status = status;
        StatusAsOf = asOf;
    }
}
