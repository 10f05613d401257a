using Homeward.Registry.Domain.Workers;
using Homeward.SharedKernel.Trades;

namespace Homeward.Registry.Api.Workers;

/// <param name="Division">Division code (6 or 12 digits) of where the worker lives now.</param>
public sealed record ResidenceDto(string? Division, string? Address)
{
    public Residence ToDomain() => new(Division ?? string.Empty, Address);

    public static ResidenceDto? From(Residence? residence) => residence is null ? null : new(residence.Division, residence.Address);
}

/// <param name="TradeCode">A trade code of GET /api/training/v1/trades, e.g. "welder".</param>
public sealed record SkillDto(string? TradeCode, SkillLevel Level)
{
    public Skill ToDomain() => new(TradeCode ?? string.Empty, Level);

    /// <summary>A null entry of the list becomes a skill without a trade, which validation reports at its index.</summary>
    public static Skill ToDomain(SkillDto? skill) => (skill ?? new SkillDto(null, SkillLevel.None)).ToDomain();

    public static SkillDto From(Skill skill) => new(skill.TradeCode, skill.Level);
}

/// <param name="Verified">Read-only in responses: true for certificates confirmed by their issuer or issued on the platform.</param>
public sealed record CertificateDto(string? Number, CertificateKind Kind, string? TradeCode, SkillLevel? Level, string? Issuer, DateOnly IssuedOn, bool? Verified = null)
{
    /// <summary>Certificates entered through the API are self-reported until verified.</summary>
    public Certificate ToDomain() => new(Number?.Trim() ?? string.Empty, Kind, TradeCode, Level, Issuer?.Trim() ?? string.Empty, IssuedOn, false);

    public static Certificate ToDomain(CertificateDto? certificate) =>
        (certificate ?? new CertificateDto(null, CertificateKind.Other, null, null, null, default)).ToDomain();

    public static CertificateDto From(Certificate certificate) =>
        new(certificate.Number, certificate.Kind, certificate.TradeCode, certificate.Level, certificate.Issuer, certificate.IssuedOn, certificate.Verified);
}

/// <param name="Region">6-digit code of the province, city or county where the worker worked, e.g. 110000 for Beijing.</param>
/// <param name="Industry">GB/T 4754 section letter, e.g. "C" (manufacturing), "E" (construction).</param>
public sealed record PriorWorkDto(string? Region, string? Industry, decimal Years)
{
    public PriorWork ToDomain() => new(Region ?? string.Empty, Industry ?? string.Empty, Years);

    public static PriorWork ToDomain(PriorWorkDto? work) => (work ?? new PriorWorkDto(null, null, 0)).ToDomain();

    public static PriorWorkDto From(PriorWork work) => new(work.Region, work.Industry, work.Years);
}

public sealed record ReturnDto(DateOnly ReturnedOn, ReturnReason Reason)
{
    public ReturnHome ToDomain() => new(ReturnedOn, Reason);

    public static ReturnDto? From(ReturnHome? returned) => returned is null ? null : new(returned.ReturnedOn, returned.Reason);
}

/// <param name="From">First month (1–12) in which the worker is not available.</param>
/// <param name="To">Last such month; may be smaller than From to wrap over the new year.</param>
public sealed record MonthRangeDto(int From, int To)
{
    /// <summary>A null entry becomes months 0–0, which validation reports at its index.</summary>
    public static MonthRange ToDomain(MonthRangeDto? range) => range is null ? new MonthRange(0, 0) : new MonthRange(range.From, range.To);
}

/// <param name="MinimumMonthlyWage">Yuan per month.</param>
/// <param name="BusyMonths">Periods of the year the worker cannot work, e.g. planting and harvest.</param>
/// <param name="MustStayNearFamily">The worker cannot take a job far from home (children, elderly to care for).</param>
public sealed record JobIntentionDto(
    IReadOnlyList<string?>? Trades,
    WorkLocation Where,
    decimal? MinimumMonthlyWage,
    DateOnly? AvailableFrom,
    IReadOnlyList<MonthRangeDto?>? BusyMonths,
    bool MustStayNearFamily)
{
    public JobIntention ToDomain() => new(
        TradeCodes.ToDomain(Trades), Where, MinimumMonthlyWage, AvailableFrom, [.. (BusyMonths ?? []).Select(MonthRangeDto.ToDomain)], MustStayNearFamily);

    public static JobIntentionDto? From(JobIntention? intention) => intention is null
        ? null
        : new(intention.Trades, intention.Where, intention.MinimumMonthlyWage, intention.AvailableFrom,
            [.. intention.BusyMonths.Select(m => new MonthRangeDto(m.From, m.To))], intention.MustStayNearFamily);
}

public sealed record EntrepreneurshipDto(bool Interested, string? Industry, string? Description, bool NeedsFunding)
{
    public EntrepreneurshipIntention ToDomain() => new(Interested, Industry, Description, NeedsFunding);

    public static EntrepreneurshipDto? From(EntrepreneurshipIntention? intention) =>
        intention is null ? null : new(intention.Interested, intention.Industry, intention.Description, intention.NeedsFunding);
}

/// <param name="LowIncome">Low-income household (低收入户).</param>
/// <param name="Monitored">Household monitored against falling back into poverty (防返贫监测户).</param>
public sealed record FamilyDto(int HouseholdSize, int DependentChildren, int DependentElderly, bool LowIncome, bool Monitored)
{
    public FamilySituation ToDomain() => new(HouseholdSize, DependentChildren, DependentElderly, LowIncome, Monitored);

    public static FamilyDto? From(FamilySituation? family) =>
        family is null ? null : new(family.HouseholdSize, family.DependentChildren, family.DependentElderly, family.LowIncome, family.Monitored);
}

public static class TradeCodes
{
    /// <summary>A null entry becomes an empty code, which validation reports at its index.</summary>
    public static IReadOnlyList<string> ToDomain(IReadOnlyList<string?>? codes) => [.. (codes ?? []).Select(code => code ?? string.Empty)];
}
