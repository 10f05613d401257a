using Homeward.JobMatching.Domain.Common;
using Homeward.JobMatching.Domain.Employers;
using Homeward.JobMatching.Domain.Matching;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Trades;

namespace Homeward.JobMatching.Domain.Vacancies;

public enum VacancyStatus
{
    Open = 0,
    Filled = 1,
    Closed = 2,
    Expired = 3,
}

/// <summary>A certificate a vacancy asks for: one in the trade, at the level or higher when a level is given.</summary>
public sealed record RequiredCertificate(string TradeCode, SkillLevel? Level);

/// <summary>
/// Jobs an employer offers: <see cref="Headcount"/> people for one trade. Hires count up <see cref="Filled"/>, which
/// never exceeds the headcount; the hire that fills the last place makes the vacancy filled. Staff close and reopen
/// it; it expires by itself after <see cref="ValidThrough"/>. Filled, closed and expired vacancies take no hires.
/// </summary>
public sealed class Vacancy : IHasRowVersion
{
    private Vacancy()
    {
    }

    public Guid Id { get; private set; }

    public Guid EmployerId { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string TradeCode { get; private set; } = string.Empty;

    public SkillLevel RequiredLevel { get; private set; }

    public IReadOnlyList<RequiredCertificate> RequiredCertificates { get; private set; } = [];

    public EducationLevel? MinimumEducation { get; private set; }

    public int Headcount { get; private set; }

    public int Filled { get; private set; }

    public decimal WageMin { get; private set; }

    public decimal WageMax { get; private set; }

    /// <summary>The 12-digit division of a local workplace, or of the office that looks after a partner-city employer.</summary>
    public string Division { get; private set; } = string.Empty;

    /// <summary>The partner city the work is in, or null when it is in the city.</summary>
    public string? PartnerCity { get; private set; }

    public bool Accommodation { get; private set; }

    public DateOnly ValidThrough { get; private set; }

    public VacancyStatus Status { get; private set; }

    public DateTimeOffset PostedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint RowVersion { get; private set; }

    /// <summary>The partner city's own id of a vacancy it synchronises; unique within the partner city, null for others.</summary>
    public string? ExternalId { get; private set; }

    /// <summary>The GB/T 4754 section of the employer when the vacancy was posted: what partners filter their feed by.</summary>
    public string? Sector { get; private set; }

    /// <summary>When the partner city withdrew the vacancy; its feed then shows a tombstone. Null while not withdrawn.</summary>
    public DateTimeOffset? WithdrawnAt { get; private set; }

    /// <summary>The required level as its number (<see cref="SkillLevel"/>), kept apart so the database ranks without comparing text.</summary>
    public short RequiredLevelNumber { get; private set; }

    /// <summary>The minimum education as its number (<see cref="EducationLevel"/>), kept apart so the database ranks without comparing text.</summary>
    public short? MinimumEducationNumber { get; private set; }

    /// <summary>The highest wage in whole yuan, rounded up (<see cref="MatchKeys.WholeYuanAtLeast"/>), kept apart so the database ranks without numeric arithmetic.</summary>
    public int WageMaxYuan { get; private set; }

    /// <summary>The keys of the required certificates (<see cref="MatchKeys.Required"/>), kept apart so the database ranks without reading their JSON.</summary>
    public string[] RequiredCertificateKeys { get; private set; } = [];

    public int Remaining => Headcount - Filled;

    public bool IsCrossRegion => PartnerCity is not null;

    public static Vacancy Post(Guid id, Employer employer, VacancyTerms terms, string division, DateOnly today, DateTimeOffset now)
    {
        if (terms.ValidThrough < today)
        {
            throw new DomainException("vacancy-valid-through-past", "A new vacancy is valid through today or a later day.");
        }

        var vacancy = new Vacancy
        {
            Id = id,
            EmployerId = employer.Id,
            PartnerCity = employer.PartnerCity,
            Sector = employer.Industry,
            Division = division,
            Status = VacancyStatus.Open,
            PostedAt = now,
        };
        vacancy.ApplyTerms(terms, now);
        return vacancy;
    }

    /// <summary>A vacancy a partner city synchronises under its own id, at its enterprise, looked after by the enterprise's office.</summary>
    public static Vacancy PostForPartner(Guid id, Employer enterprise, string externalId, VacancyTerms terms, DateOnly today, DateTimeOffset now)
    {
        if (enterprise.IsLocal)
        {
            throw new DomainException("enterprise-not-of-partner", "A partner city synchronises vacancies of its own enterprises only.");
        }

        var vacancy = Post(id, enterprise, terms, enterprise.Division, today, now);
        vacancy.ExternalId = externalId;
        return vacancy;
    }

    /// <summary>Whether the vacancy already offers exactly these terms at this employer and is not withdrawn: a sync that would change nothing.</summary>
    public bool Offers(Guid employerId, VacancyTerms terms) =>
        WithdrawnAt is null
        && EmployerId == employerId
        && Title == terms.Title.Trim()
        && TradeCode == terms.TradeCode
        && RequiredLevel == terms.RequiredLevel
        && RequiredCertificates.SequenceEqual(terms.RequiredCertificates)
        && MinimumEducation == terms.MinimumEducation
        && Headcount == terms.Headcount
        && WageMin == terms.WageMin
        && WageMax == terms.WageMax
        && Accommodation == terms.Accommodation
        && ValidThrough == terms.ValidThrough;

    /// <summary>
    /// The partner city sends the vacancy again: new terms, and a withdrawn vacancy comes back (open while it has
    /// places and time). The enterprise stays: a vacancy of another enterprise is another vacancy.
    /// </summary>
    public void SyncFromPartner(Guid employerId, VacancyTerms terms, DateOnly today, DateTimeOffset now)
    {
        if (employerId != EmployerId)
        {
            throw new DomainException("vacancy-enterprise-fixed", "A synchronised vacancy stays at its enterprise; give another external id for another enterprise's vacancy.");
        }

        ChangeTerms(terms, now);
        if (WithdrawnAt is not null)
        {
            WithdrawnAt = null;
            Status = Filled >= Headcount ? VacancyStatus.Filled : ValidThrough < today ? VacancyStatus.Expired : VacancyStatus.Open;
        }
    }

    /// <summary>The partner city takes the vacancy back: it closes and its feed shows a tombstone. Withdrawing twice changes nothing.</summary>
    public bool Withdraw(DateTimeOffset now)
    {
        if (WithdrawnAt is not null)
        {
            return false;
        }

        WithdrawnAt = now;
        Status = VacancyStatus.Closed;
        UpdatedAt = now;
        return true;
    }

    /// <summary>Changes what is offered. The headcount never drops below those already hired.</summary>
    public void ChangeTerms(VacancyTerms terms, DateTimeOffset now)
    {
        if (terms.Headcount < Filled)
        {
            throw new DomainException(
                "vacancy-headcount-below-filled",
                $"The headcount cannot be lower than the {Filled} already hired.");
        }

        ApplyTerms(terms, now);
        if (Status == VacancyStatus.Open && Filled == Headcount)
        {
            Status = VacancyStatus.Filled;
        }
        else if (Status == VacancyStatus.Filled && Filled < Headcount)
        {
            Status = VacancyStatus.Open;
        }
    }

    /// <summary>Staff close an open or filled vacancy, or reopen a closed or expired one that still has places and time.</summary>
    public void ChangeStatus(VacancyStatus to, DateOnly today, DateTimeOffset now)
    {
        switch (to)
        {
            case VacancyStatus.Closed when Status is VacancyStatus.Open or VacancyStatus.Filled:
                break;
            case VacancyStatus.Open when Status is VacancyStatus.Closed or VacancyStatus.Expired:
                if (WithdrawnAt is not null)
                {
                    throw new DomainException("vacancy-withdrawn", "The partner city withdrew the vacancy; only the partner city brings it back.");
                }

                if (ValidThrough < today)
                {
                    throw new DomainException("vacancy-valid-through-past", "Extend the valid-through date before reopening the vacancy.");
                }

                if (Filled >= Headcount)
                {
                    throw new DomainException("vacancy-full", "Raise the headcount before reopening the vacancy: every place is filled.");
                }

                break;
            default:
                throw new DomainException(
                    "vacancy-transition-not-allowed",
                    $"A vacancy that is {Status} cannot become {to}: staff close an open or filled vacancy and reopen a closed or expired one; it becomes filled and expired by itself.");
        }

        Status = to;
        UpdatedAt = now;
    }

    /// <summary>One more hire; the last place makes the vacancy filled.</summary>
    public void Hire(DateOnly today, DateTimeOffset now)
    {
        EnsureTakesHire(today);
        Filled++;
        if (Filled == Headcount)
        {
            Status = VacancyStatus.Filled;
        }

        UpdatedAt = now;
    }

    /// <summary>Refuses a hire the vacancy cannot take (vacancy-not-open, vacancy-full), without changing it.</summary>
    public void EnsureTakesHire(DateOnly today)
    {
        if (Status != VacancyStatus.Open || ValidThrough < today)
        {
            throw new DomainException("vacancy-not-open", $"The vacancy is {Status.ToString().ToLowerInvariant()} and takes no hires.");
        }

        if (Filled >= Headcount)
        {
            throw new DomainException("vacancy-full", "Every place of the vacancy is filled.");
        }
    }

    private void ApplyTerms(VacancyTerms terms, DateTimeOffset now)
    {
        if (terms.Headcount < 1)
        {
            throw new DomainException("vacancy-headcount-invalid", "A vacancy offers at least one place.");
        }

        if (terms.WageMin > terms.WageMax)
        {
            throw new DomainException("vacancy-wage-range-invalid", "The minimum wage cannot exceed the maximum wage.");
        }

        Title = terms.Title.Trim();
        TradeCode = terms.TradeCode;
        RequiredLevel = terms.RequiredLevel;
        RequiredCertificates = terms.RequiredCertificates;
        MinimumEducation = terms.MinimumEducation;
        Headcount = terms.Headcount;
        WageMin = terms.WageMin;
        WageMax = terms.WageMax;
        Accommodation = terms.Accommodation;
        ValidThrough = terms.ValidThrough;
        RequiredLevelNumber = (short)terms.RequiredLevel;
        MinimumEducationNumber = (short?)terms.MinimumEducation;
        WageMaxYuan = MatchKeys.WholeYuanAtLeast(terms.WageMax);
        RequiredCertificateKeys = MatchKeys.Required(terms.RequiredCertificates);
        UpdatedAt = now;
    }
}

/// <summary>What a vacancy offers and asks for; wages are monthly CNY.</summary>
public sealed record VacancyTerms(
    string Title,
    string TradeCode,
    SkillLevel RequiredLevel,
    IReadOnlyList<RequiredCertificate> RequiredCertificates,
    EducationLevel? MinimumEducation,
    int Headcount,
    decimal WageMin,
    decimal WageMax,
    bool Accommodation,
    DateOnly ValidThrough);
