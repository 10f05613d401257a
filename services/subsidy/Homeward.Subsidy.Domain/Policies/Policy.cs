using Homeward.SharedKernel;
using Homeward.SharedKernel.Finance;
using Homeward.Subsidy.Domain.Rules;

namespace Homeward.Subsidy.Domain.Policies;

public enum PolicyKind
{
    StartupSubsidy,
    GuaranteedLoan,
    TaxRelief,
    HiringSubsidy,
    TravelSubsidy,
}

/// <summary>
/// The amount a granted application is worth: <see cref="Base"/> plus <see cref="PerJobCreated"/> for each job the
/// applicant's business created, never above <see cref="Maximum"/>. For a guaranteed loan it is the largest loan.
/// </summary>
public sealed record AmountRule(decimal Base, decimal PerJobCreated, decimal Maximum)
{
    public decimal For(int jobsCreated) => Math.Min(Base + (PerJobCreated * Math.Max(jobsCreated, 0)), Maximum);
}

/// <summary>A document an application needs; one the platform can verify itself is filled in, never asked for.</summary>
/// <param name="Code">identity, returnHome, businessLicense, trainingCertificate (platform-verifiable) or any other code for an upload.</param>
public sealed record DocumentRequirement(string Code, string Title, bool PlatformVerifiable);

/// <summary>Days each review stage may take, counted from when the application reached it.</summary>
public sealed record StageDeadlines(int PreReviewDays, int ApprovalDays);

/// <summary>Everything a version of a policy fixes: who qualifies, for how much, with what, with what money and time.</summary>
public sealed record PolicyTerms(
    Rule Eligibility,
    AmountRule Amount,
    IReadOnlyList<DocumentRequirement> Documents,
    decimal AnnualBudget,
    StageDeadlines Deadlines,
    DateOnly ValidFrom,
    DateOnly? ValidTo);

/// <summary>One version of a policy's terms. Versions are never changed; a decision names the version it used.</summary>
public sealed class PolicyVersion
{
    private PolicyVersion()
    {
    }

    public Guid PolicyId { get; private set; }

    public int Number { get; private set; }

    public PolicyTerms Terms { get; private set; } = null!;

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public bool IsValidOn(DateOnly day) => Terms.ValidFrom <= day && (Terms.ValidTo is null || day <= Terms.ValidTo);

    internal static PolicyVersion Create(Guid policyId, int number, PolicyTerms terms, DateTimeOffset now, string actor) => new()
    {
        PolicyId = policyId,
        Number = number,
        Terms = terms,
        CreatedAt = now,
        CreatedBy = actor,
    };
}

/// <summary>
/// A subsidy policy of the catalog. Its terms are versioned: revising them adds a version and makes it current, the
/// older ones stay as they were so every decision can be explained by the version it names.
/// </summary>
public sealed class Policy : IHasRowVersion
{
    public const int CodeMaxLength = 60;
    public const int NameMaxLength = 100;
    private readonly List<PolicyVersion> _versions = [];

    private Policy()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Stable code rules refer to, e.g. in <c>benefitsReceived contains "startup-subsidy"</c>.</summary>
    public string Code { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public PolicyKind Kind { get; private set; }

    public int CurrentVersion { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint RowVersion { get; private set; }

    public IReadOnlyList<PolicyVersion> Versions => _versions;

    public PolicyVersion Current => _versions.Single(v => v.Number == CurrentVersion);

    public static Policy Define(Guid id, string code, string name, PolicyKind kind, PolicyTerms terms, DateTimeOffset now, string actor)
    {
        var policy = new Policy { Id = id, Code = code, Name = name, Kind = kind, CreatedAt = now };
        policy.Revise(name, terms, now, actor);
        return policy;
    }

    /// <summary>Adds a version with new terms and makes it current.</summary>
    public PolicyVersion Revise(string name, PolicyTerms terms, DateTimeOffset now, string actor)
    {
        EnsureSound(terms);
        Name = name;
        CurrentVersion++;
        var version = PolicyVersion.Create(Id, CurrentVersion, terms, now, actor);
        _versions.Add(version);
        UpdatedAt = now;
        return version;
    }

    private static void EnsureSound(PolicyTerms terms)
    {
        if (RuleChecker.Problems(terms.Eligibility) is { Count: > 0 } problems)
        {
            throw new DomainException("policy-rule-invalid", string.Join(" ", problems));
        }

        if (terms.ValidTo is { } until && until < terms.ValidFrom)
        {
            throw new DomainException("policy-validity-invalid", "A policy's validity ends on or after the day it starts.");
        }

        if (!Money.IsValidAmount(terms.AnnualBudget) || !Money.IsValidAmount(terms.Amount.Base)
            || !Money.IsValidAmount(terms.Amount.PerJobCreated) || !Money.IsValidAmount(terms.Amount.Maximum))
        {
            throw new DomainException("policy-amount-invalid", "Amounts and budgets are yuan with at most two decimals, never negative.");
        }

        if (terms.Deadlines.PreReviewDays < 1 || terms.Deadlines.ApprovalDays < 1)
        {
            throw new DomainException("policy-deadline-invalid", "Every review stage has a deadline of at least one day.");
        }

        if (terms.Documents.Select(d => d.Code).Distinct(StringComparer.Ordinal).Count() != terms.Documents.Count)
        {
            throw new DomainException("policy-documents-duplicate", "Each required document is listed once.");
        }

        if (terms.Documents.FirstOrDefault(d => d.PlatformVerifiable && !PlatformDocuments.All.Contains(d.Code)) is { } unknown)
        {
            throw new DomainException(
                "policy-document-not-verifiable",
                $"The platform cannot verify '{unknown.Code}' itself; it verifies {string.Join(", ", PlatformDocuments.All)}.");
        }
    }
}
