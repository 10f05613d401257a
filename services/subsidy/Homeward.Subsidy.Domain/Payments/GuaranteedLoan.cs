using Homeward.SharedKernel;
using Homeward.Subsidy.Domain.Businesses;

namespace Homeward.Subsidy.Domain.Payments;

/// <summary>Loan caps by kind of business; configurable.</summary>
public sealed record LoanCaps(decimal IndividualBusiness, decimal SmallFirm)
{
    public decimal For(BusinessKind kind) => kind == BusinessKind.IndividualBusiness ? IndividualBusiness : SmallFirm;
}

/// <summary>
/// A startup loan a bank granted against the guarantee fund, with the share of its interest the subsidy pays, and the
/// jobs the business reports for it (the figure the city reports as jobs driven by guaranteed loans).
/// </summary>
public sealed class GuaranteedLoan : IHasRowVersion
{
    public const int MaxTermMonths = 36;

    private GuaranteedLoan()
    {
    }

    public Guid Id { get; private set; }

    public Guid BusinessId { get; private set; }

    public Guid FounderWorkerId { get; private set; }

    public string Division { get; private set; } = string.Empty;

    public string Bank { get; private set; } = string.Empty;

    public decimal Amount { get; private set; }

    public int TermMonths { get; private set; }

    /// <summary>The share of the interest the subsidy pays, 0 to 1.</summary>
    public decimal InterestSubsidyShare { get; private set; }

    public DateOnly GrantedOn { get; private set; }

    public int JobsReported { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public uint RowVersion { get; private set; }

    public static GuaranteedLoan Grant(
        Guid id, Business business, string bank, decimal amount, int termMonths, decimal interestSubsidyShare, DateOnly grantedOn, int jobsReported,
        LoanCaps caps, DateTimeOffset now)
    {
        var cap = caps.For(business.Kind);
        if (amount <= 0 || amount > cap)
        {
            throw new DomainException("loan-over-cap", $"A guaranteed loan to a {business.Kind} is more than 0 and at most {cap:0.00}.");
        }

        if (termMonths is < 1 or > MaxTermMonths)
        {
            throw new DomainException("loan-term-invalid", $"A guaranteed loan runs 1 to {MaxTermMonths} months.");
        }

        if (interestSubsidyShare is < 0 or > 1)
        {
            throw new DomainException("interest-subsidy-invalid", "The interest subsidy is a share between 0 and 1.");
        }

        return new GuaranteedLoan
        {
            Id = id,
            BusinessId = business.Id,
            FounderWorkerId = business.FounderWorkerId,
            Division = business.Division,
            Bank = bank,
            Amount = amount,
            TermMonths = termMonths,
            InterestSubsidyShare = interestSubsidyShare,
            GrantedOn = grantedOn,
            JobsReported = Math.Max(jobsReported, 0),
            RecordedAt = now,
        };
    }

    public void ReportJobs(int jobs)
    {
        if (jobs < 0)
        {
            throw new DomainException("business-jobs-negative", "A business reports no fewer than zero jobs.");
        }

        JobsReported = jobs;
    }
}

/// <summary>A period a business's taxes are relieved. All relief of a business lies within three years of its first day.</summary>
public sealed class TaxReliefPeriod
{
    public const int MaxYears = 3;

    private TaxReliefPeriod()
    {
    }

    public Guid Id { get; private set; }

    public Guid BusinessId { get; private set; }

    public string Division { get; private set; } = string.Empty;

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>A new period, which must not overlap the business's others and keeps all within three years.</summary>
    public static TaxReliefPeriod Grant(Guid id, Business business, DateOnly from, DateOnly to, IReadOnlyList<TaxReliefPeriod> existing, DateTimeOffset now)
    {
        if (to < from)
        {
            throw new DomainException("tax-relief-period-invalid", "A relief period ends on or after the day it starts.");
        }

        if (existing.Any(p => p.From <= to && from <= p.To))
        {
            throw new DomainException("tax-relief-overlap", "The period overlaps one already granted to the business.");
        }

        var first = existing.Select(p => p.From).Append(from).Min();
        var last = existing.Select(p => p.To).Append(to).Max();
        if (last >= first.AddYears(MaxYears))
        {
            throw new DomainException("tax-relief-too-long", $"Tax relief of a business lies within {MaxYears} years of its first day ({first:yyyy-MM-dd}).");
        }

        return new TaxReliefPeriod { Id = id, BusinessId = business.Id, Division = business.Division, From = from, To = to, RecordedAt = now };
    }
}
