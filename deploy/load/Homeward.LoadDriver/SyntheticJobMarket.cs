using System.Globalization;
using Homeward.Contracts.Registry;
using Homeward.SharedKernel.Divisions;
using Homeward.SharedKernel.Organizations;
using Homeward.SharedKernel.Trades;

namespace Homeward.LoadDriver;

/// <summary>A made-up enterprise: where it is (a village or township of the city, or a partner city) and what it does.</summary>
public sealed record SyntheticEmployer(
    Guid Id,
    string Name,
    string CreditCode,
    string Division,
    string? PartnerCity,
    string Industry,
    string Size,
    string ContactName,
    string ContactPhone);

/// <summary>A made-up open vacancy of <see cref="SyntheticEmployer"/>, in the domain's terms (enum names as the columns store them).</summary>
public sealed record SyntheticVacancy(
    Guid Id,
    SyntheticEmployer Employer,
    string Title,
    string TradeCode,
    SkillLevel RequiredLevel,
    IReadOnlyList<(string TradeCode, SkillLevel? Level)> RequiredCertificates,
    string? MinimumEducation,
    int Headcount,
    int Filled,
    decimal WageMin,
    decimal WageMax,
    bool Accommodation,
    DateOnly ValidThrough);

/// <summary>
/// The city's job market as the matching benchmarks see it, from the reference data: trades of the trade catalogue
/// (the ones the city trains most for are three times as common), villages and townships of the division directory,
/// the partner cities of the service's configuration. Workers follow the registry seeder's proportions (30% seeking
/// work, 45% junior high or less, most without a certificate, 70% with a job intention of whom 30% must stay near
/// their family); vacancies ask for a level and sometimes a certificate, and pay ¥3,000–¥11,000 a month.
/// Not thread-safe.
/// </summary>
public sealed class SyntheticJobMarket
{
    /// <summary>The partner cities of JobMatching's appsettings.json.</summary>
    public static readonly string[] PartnerCities = ["beijing", "tianjin", "shanghai"];

    private static readonly string[] CommonTrades =
        ["welder", "electrician", "housekeeping", "e-commerce", "bricklayer", "chinese-cook", "logistics", "forklift-driver", "specialty-crops", "elderly-care"];

    private static readonly string[] Statuses = ["seekingWork", "employedLocally", "employedElsewhere", "selfEmployed", "inTraining", "notInLabourForce"];
    private static readonly double[] StatusShares = [30, 30, 15, 8, 7, 10];
    private static readonly string[] Educations = ["none", "primary", "juniorHigh", "seniorHigh", "secondaryVocational", "juniorCollege", "bachelor"];
    private static readonly double[] EducationShares = [3, 12, 30, 25, 15, 10, 5];
    private static readonly string[] MinimumEducations = ["Primary", "JuniorHigh", "SeniorHigh", "SecondaryVocational", "JuniorCollege"];
    private static readonly double[] MinimumEducationShares = [10, 45, 25, 15, 5];
    private static readonly string[] Levels = ["junior", "intermediate", "senior", "technician"];
    private static readonly SkillLevel[] RequiredLevels = [SkillLevel.None, SkillLevel.Junior, SkillLevel.Intermediate, SkillLevel.Senior, SkillLevel.Technician];
    private static readonly double[] RequiredLevelShares = [20, 30, 30, 15, 5];
    private static readonly string[] Places = ["homeCounty", "city", "partnerCities", "anywhere"];
    private static readonly string[] Sizes = ["Micro", "Small", "Medium", "Large"];
    private static readonly double[] SizeShares = [40, 35, 18, 7];
    private static readonly string[] IndustrySections = ["A", "C", "E", "F", "G", "H", "O", "Q"];
    private static readonly string[] EmployerWords = ["兴旺", "宏达", "鑫源", "华丰", "恒通", "金穗", "瑞祥", "东方", "益民", "汇丰", "长青", "福润"];
    private static readonly string[] EmployerKinds = ["制造", "建筑工程", "农业科技", "物流", "家政服务", "餐饮管理", "电子商务", "机械", "养老服务"];
    private const string CreditCodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private readonly Random _random;
    private readonly string[] _villages;
    private readonly string[] _workplaces;
    private readonly string[] _counties;
    private readonly string[] _trades;
    private readonly double[] _tradeShares;
    private readonly Dictionary<string, string> _tradeNames;

    public SyntheticJobMarket(Random random)
    {
        _random = random;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var divisions = DivisionDirectory.Current.All.Where(d => d.IsActiveOn(today)).ToList();
        _villages = [.. divisions.Where(d => d.Level == DivisionLevel.Village).Select(d => d.Code.Value)];
        // Enterprises sit in townships (industrial parks, market towns) as well as in villages.
        _workplaces = [.. divisions.Where(d => d.Level is DivisionLevel.Village or DivisionLevel.Township).Select(d => d.Code.Value)];
        _counties = [.. divisions.Where(d => d.Level == DivisionLevel.County).Select(d => d.Code.Value)];
        var trades = TradeCatalog.Current.All.Where(t => t.RetiredOn is null || t.RetiredOn > today).ToList();
        _trades = [.. trades.Select(t => t.Code)];
        _tradeShares = [.. trades.Select(t => CommonTrades.Contains(t.Code) ? 3.0 : 1.0)];
        _tradeNames = trades.ToDictionary(t => t.Code, t => t.Name, StringComparer.Ordinal);
        if (_villages.Length == 0 || _counties.Length == 0 || _trades.Length == 0)
        {
            throw new InvalidOperationException("The reference data has no active village, county or trade.");
        }
    }

    /// <summary>A worker's profile as the registry's WorkerRegistered carries it.</summary>
    public WorkerFacts NextFacts()
    {
        var skills = Enumerable.Range(0, _random.Next(3))
            .Select(_ => Trade())
            .Distinct()
            .Select(trade => new WorkerSkill(trade, Levels[_random.Next(Levels.Length)]))
            .ToList();
        var certificates = skills.Count > 0 && _random.NextDouble() < 0.4
            ? new List<WorkerCertificate>
            {
                new(
                    string.Create(CultureInfo.InvariantCulture, $"S{_random.Next(2015, 2026)}{_random.Next(100_000_000):D8}"),
                    "skillLevel",
                    skills[0].TradeCode,
                    skills[0].Level,
                    _random.NextDouble() < 0.5),
            }
            : [];
        var intention = _random.NextDouble() < 0.7
            ? new WorkerIntention(
                [.. Enumerable.Range(0, 1 + _random.Next(2)).Select(_ => Trade()).Distinct()],
                Places[_random.Next(Places.Length)],
                _random.NextDouble() < 0.8 ? 3000 + (_random.Next(40) * 100) : null,
                _random.NextDouble() < 0.2 ? DateOnly.FromDateTime(DateTime.UtcNow).AddDays(_random.Next(1, 90)) : null,
                // One in ten is tied to the fields at sowing and harvest.
                _random.NextDouble() < 0.1 ? [5, 6, 9, 10] : [],
                _random.NextDouble() < 0.3)
            : null;
        return new WorkerFacts(
            _random.NextDouble() < 0.9 ? Pick(Educations, EducationShares) : null,
            skills,
            certificates,
            intention,
            [],
            _random.NextDouble() < 0.5 ? _villages[_random.Next(_villages.Length)] : null,
            Pick(Statuses, StatusShares));
    }

    public SyntheticEmployer NextEmployer(Guid id)
    {
        var partnerCity = _random.NextDouble() < 0.15 ? PartnerCities[_random.Next(PartnerCities.Length)] : null;
        // A partner-city enterprise is looked after by the county office that recorded it.
        var division = partnerCity is null ? _workplaces[_random.Next(_workplaces.Length)] : _counties[_random.Next(_counties.Length)];
        var name = string.Concat(
            partnerCity is null ? "示范市" : partnerCity switch { "beijing" => "北京", "tianjin" => "天津", _ => "上海" },
            EmployerWords[_random.Next(EmployerWords.Length)],
            EmployerKinds[_random.Next(EmployerKinds.Length)],
            "有限公司");
        return new SyntheticEmployer(
            id,
            name,
            CreditCode(division[..6]),
            division,
            partnerCity,
            IndustrySections[_random.Next(IndustrySections.Length)],
            Pick(Sizes, SizeShares),
            "王经理",
            string.Create(CultureInfo.InvariantCulture, $"13{_random.Next(10)}{_random.Next(100_000_000):D8}"));
    }

    public SyntheticVacancy NextVacancy(Guid id, SyntheticEmployer employer, DateOnly today)
    {
        var trade = Trade();
        var level = Pick(RequiredLevels, RequiredLevelShares);
        IReadOnlyList<(string, SkillLevel?)> certificates = _random.NextDouble() < 0.3
            ? [(trade, level == SkillLevel.None ? null : level)]
            : [];
        var headcount = _random.NextDouble() < 0.6 ? 1 + _random.Next(5) : 5 + _random.Next(96);
        var wageMin = 3000m + (_random.Next(50) * 100);
        var wageMax = wageMin + 500 + (_random.Next(30) * 100);
        var title = _random.NextDouble() < 0.5 ? $"招聘{_tradeNames[trade]}" : $"{_tradeNames[trade]}（{(level == SkillLevel.None ? "学徒" : "熟练")}）";
        return new SyntheticVacancy(
            id,
            employer,
            title,
            trade,
            level,
            certificates,
            _random.NextDouble() < 0.4 ? null : Pick(MinimumEducations, MinimumEducationShares),
            headcount,
            _random.Next(headcount),
            wageMin,
            wageMax,
            _random.NextDouble() < 0.5,
            today.AddDays(7 + _random.Next(180)));
    }

    private string Trade() => Pick(_trades, _tradeShares);

    /// <summary>A valid unified social credit code of a company (9 1) registered in the county; unique with overwhelming probability.</summary>
    private string CreditCode(string county)
    {
        var first17 = string.Create(17, (county, _random), static (span, state) =>
        {
            span[0] = '9';
            span[1] = '1';
            state.county.AsSpan().CopyTo(span[2..]);
            for (var i = 8; i < 17; i++)
            {
                span[i] = CreditCodeAlphabet[state._random.Next(CreditCodeAlphabet.Length)];
            }
        });
        return first17 + UnifiedSocialCreditCode.ComputeCheckCharacter(first17);
    }

    private T Pick<T>(T[] values, double[] shares)
    {
        var pick = _random.NextDouble() * shares.Sum();
        for (var i = 0; i < values.Length; i++)
        {
            if ((pick -= shares[i]) < 0)
            {
                return values[i];
            }
        }

        return values[^1];
    }
}
