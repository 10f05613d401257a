using Homeward.SharedKernel;
using Homeward.SharedKernel.Organizations;

namespace Homeward.Subsidy.Domain.Businesses;

public enum BusinessKind
{
    IndividualBusiness,
    MicroEnterprise,
    Cooperative,
}

/// <summary>
/// A business a returning worker started. It lies in the founder's household division, which scopes who sees it; its
/// credit code is validated (GB 32100) and unique.
/// </summary>
public sealed class Business : IHasRowVersion
{
    public const int NameMaxLength = 100;

    private Business()
    {
    }

    public Guid Id { get; private set; }

    public Guid FounderWorkerId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string CreditCode { get; private set; } = string.Empty;

    public BusinessKind Kind { get; private set; }

    /// <summary>GB/T 4754 section letter.</summary>
    public string Sector { get; private set; } = string.Empty;

    public DateOnly RegisteredOn { get; private set; }

    public int JobsCreated { get; private set; }

    public string Division { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>How many tax relief periods the business was granted.</summary>
    public int TaxReliefGrants { get; private set; }

    public uint RowVersion { get; private set; }

    public static Business Register(
        Guid id, Guid founderWorkerId, string name, UnifiedSocialCreditCode creditCode, BusinessKind kind, string sector,
        DateOnly registeredOn, int jobsCreated, string division, DateTimeOffset now)
    {
        if (registeredOn > CityCalendar.DayOf(now))
        {
            throw new DomainException("business-registered-in-future", "A business cannot be registered on a day still to come.");
        }

        if (jobsCreated < 0)
        {
            throw new DomainException("business-jobs-negative", "A business creates no fewer than zero jobs.");
        }

        return new Business
        {
            Id = id,
            FounderWorkerId = founderWorkerId,
            Name = name,
            CreditCode = creditCode.Value,
            Kind = kind,
            Sector = sector,
            RegisteredOn = registeredOn,
            JobsCreated = jobsCreated,
            Division = division,
            CreatedAt = now,
        };
    }

    /// <summary>Whole months from registration to <paramref name="today"/>.</summary>
    public int AgeInMonthsOn(DateOnly today)
    {
        var months = ((today.Year - RegisteredOn.Year) * 12) + today.Month - RegisteredOn.Month;
        return today.Day < RegisteredOn.Day ? Math.Max(months - 1, 0) : Math.Max(months, 0);
    }

    public void CountTaxReliefGrant() => TaxReliefGrants++;

    /// <summary>The jobs the business reports now, e.g. when a loan asks for them.</summary>
    public void ReportJobs(int jobs)
    {
        if (jobs < 0)
        {
            throw new DomainException("business-jobs-negative", "A business creates no fewer than zero jobs.");
        }

        JobsCreated = jobs;
    }
}
