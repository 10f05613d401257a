using Homeward.SharedKernel.Trades;

namespace Homeward.Registry.Domain.Workers;

/// <summary>A skill in a trade of the trade reference data, at a level.</summary>
public sealed record Skill(string TradeCode, SkillLevel Level);

public enum CertificateKind
{
    /// <summary>职业技能等级证书 / 职业资格证书.</summary>
    SkillLevel = 0,

    /// <summary>特种作业操作证 (electrician, welder at height, …).</summary>
    SpecialOperation = 1,
    ProfessionalQualification = 2,
    Other = 3,
}

/// <summary>
/// A certificate the worker holds. <see cref="Verified"/> certificates were confirmed by their issuer or issued on
/// the platform; self-reported ones wait for a verification.
/// </summary>
public sealed record Certificate(
    string Number,
    CertificateKind Kind,
    string? TradeCode,
    SkillLevel? Level,
    string Issuer,
    DateOnly IssuedOn,
    bool Verified);

/// <param name="Region">6-digit GB/T 2260 code of the city or province where the worker worked.</param>
/// <param name="Industry">GB/T 4754 section letter.</param>
public sealed record PriorWork(string Region, string Industry, decimal Years);

/// <summary>Where the worker will take a job, from the narrowest to the widest.</summary>
public enum WorkLocation
{
    HomeCounty = 0,
    City = 1,
    PartnerCities = 2,
    Anywhere = 3,
}

/// <summary>Months (1–12, inclusive, may wrap over the new year) in which the worker is not available, e.g. harvest.</summary>
public sealed record MonthRange(int From, int To)
{
    public bool Contains(int month) => From <= To ? month >= From && month <= To : month >= From || month <= To;
}

public sealed record JobIntention(
    IReadOnlyList<string> Trades,
    WorkLocation Where,
    decimal? MinimumMonthlyWage,
    DateOnly? AvailableFrom,
    IReadOnlyList<MonthRange> BusyMonths,
    bool MustStayNearFamily);

public sealed record EntrepreneurshipIntention(bool Interested, string? Industry, string? Description, bool NeedsFunding);

/// <param name="LowIncome">Low-income household (低收入户).</param>
/// <param name="Monitored">Household under monitoring against falling back into poverty (防返贫监测户).</param>
public sealed record FamilySituation(int HouseholdSize, int DependentChildren, int DependentElderly, bool LowIncome, bool Monitored);

public enum ReturnReason
{
    FamilyCare = 0,
    JobLoss = 1,
    LocalOpportunity = 2,
    Entrepreneurship = 3,
    Health = 4,
    PolicySupport = 5,
    Other = 6,
}

public sealed record ReturnHome(DateOnly ReturnedOn, ReturnReason Reason);

/// <param name="Division">Division code (6 or 12 digits) of where the worker lives now; anywhere in the country.</param>
public sealed record Residence(string Division, string? Address);

/// <summary>
/// Everything about a worker that can change after registration, besides name, phone and household village.
/// Empty lists and nulls mean "not known yet".
/// </summary>
public sealed record WorkerProfile(
    Residence? Residence,
    EducationLevel? Education,
    IReadOnlyList<Skill> Skills,
    IReadOnlyList<Certificate> Certificates,
    IReadOnlyList<PriorWork> PriorWork,
    ReturnHome? Return,
    JobIntention? JobIntention,
    EntrepreneurshipIntention? Entrepreneurship,
    IReadOnlyList<string> TrainingNeeds,
    FamilySituation? Family)
{
    public static WorkerProfile Empty { get; } = new(null, null, [], [], [], null, null, null, [], null);
}
