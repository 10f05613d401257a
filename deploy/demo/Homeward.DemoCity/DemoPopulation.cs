using System.Globalization;
using Homeward.SharedKernel.Divisions;
using Homeward.SharedKernel.Identity;
using Homeward.SharedKernel.Organizations;
using Homeward.SharedKernel.Trades;

namespace Homeward.DemoCity;

public sealed record DemoSkill(string TradeCode, string Level);

/// <summary>A returning worker of the demo city, with what will happen to them: recommended a job, placed, where.</summary>
public sealed record DemoWorker(
    string NationalId,
    string Name,
    string Phone,
    string Village,
    string Education,
    DemoSkill Skill,
    bool Certified,
    string Where,
    int MinimumWage,
    DateOnly ReturnedOn,
    string ReturnReason,
    DemoVacancy? RecommendedTo,
    bool Placed,
    bool StartsBusiness)
{
    /// <summary>
    /// The demo needs the record's id after the import: to recommend, to found a business, or to enroll in a course
    /// (trainees are drawn from the certified and the recommended).
    /// </summary>
    public bool NeedsRecordId => Certified || RecommendedTo is not null || StartsBusiness;

    /// <summary>The certificate a certified worker holds, as the registration form and the ledger's certificates column carry it.</summary>
    public string CertificateNumber => $"SF{NationalId[6..14]}{NationalId[^4..]}";

    /// <summary>What an export shows of the worker: national ID and phone masked, name and village in full.</summary>
    public string ExportKey => $"{NationalId[..6]}********{NationalId[14..]}|{Name}|{Phone[..3]}****{Phone[7..]}|{Village}";
}

/// <summary>An employer of the demo city: local (in a village of the city) or in a partner city.</summary>
public sealed record DemoEmployer(int Number, string Name, string CreditCode, string? Village, string? PartnerCity, string Industry);

/// <summary>A vacancy and the places it has; placements are planned so that none is ever over-filled.</summary>
public sealed record DemoVacancy(int Number, DemoEmployer Employer, string TradeCode, int Headcount, int WageMin, int WageMax)
{
    public bool IsLocal => Employer.PartnerCity is null;
}

/// <summary>
/// The people, employers and vacancies of a demo city of a given size, drawn with the speech's proportions from a
/// seeded random source, so that the same seed and size give the same city.
/// </summary>
public sealed partial class DemoPopulation
{
    private static readonly string[] Surnames =
        ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "韩", "冯", "邓"];

    private static readonly string[] GivenNames =
        ["伟", "玮", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建国", "建华", "春梅", "海燕", "志强", "国庆"];

    /// <summary>Highest education, cumulative: 45% junior high or less, as the speech reports.</summary>
    private static readonly (string Level, double Share)[] Education =
        [("none", 0.03), ("primary", 0.12), ("juniorHigh", 0.30), ("seniorHigh", 0.25), ("secondaryVocational", 0.15), ("juniorCollege", 0.10), ("bachelor", 0.05)];

    private static readonly (string Level, double Share)[] SkillLevels =
        [("none", 0.15), ("junior", 0.35), ("intermediate", 0.35), ("senior", 0.12), ("technician", 0.03)];

    private static readonly (string Where, double Share)[] WhereTheyWork =
        [("homeCounty", 0.35), ("city", 0.30), ("partnerCities", 0.15), ("anywhere", 0.20)];

    private static readonly string[] ReturnReasons = ["familyCare", "jobLoss", "localOpportunity", "entrepreneurship", "health", "policySupport", "other"];

    private static readonly (string City, double Share)[] PartnerCities = [("beijing", 0.45), ("tianjin", 0.35), ("shanghai", 0.20)];

    private static readonly string[] Industries = ["C", "C", "C", "E", "F", "G", "H", "I", "O"];

    private const int LocalHeadcount = 20;
    private const int PartnerHeadcount = 50;

    private readonly Random _random;

    public DemoPopulation(int workers, int seed, DateOnly today)
    {
        if (workers < 50)
        {
            throw new ArgumentOutOfRangeException(nameof(workers), "A demo city has at least 50 workers.");
        }

        _random = new Random(seed);
        var villages = DivisionDirectory.Current.All.Where(d => d.Level == DivisionLevel.Village && d.IsActiveOn(today)).Select(d => d.Code).ToArray();
        var trades = TradeCatalog.Current.All.Where(t => t.IsActiveOn(today)).Select(t => t.Code).ToArray();

        var recommended = (int)Math.Round(workers * SpeechFigures.RecommendedShare);
        var placed = (int)Math.Round(recommended * SpeechFigures.EmploymentRateAmongRecommended);
        var placedLocally = (int)Math.Round(placed * SpeechFigures.LocalShareOfPlacements);
        var certified = (int)Math.Round(workers * (1 - SpeechFigures.WithoutCertificateShare));

        // Who is recommended, placed and certified is drawn independently of one another, by shuffled positions.
        var byFate = Shuffled(workers);
        var byCertificate = Shuffled(workers).Take(certified).ToHashSet();
        var founders = byFate.Skip(recommended).Take(SpeechFigures.Scaled(SpeechFigures.BusinessesPaid, workers)).ToHashSet();
        var ids = new NationalIdSequence(_random);
        var fates = new (bool Recommended, bool Placed, bool Local)[workers];
        for (var rank = 0; rank < recommended; rank++)
        {
            fates[byFate[rank]] = (true, rank < placed, rank < placedLocally);
        }

        var people = new List<(int Index, string Name, string NationalId, string Phone, DivisionCode Village, string Education, DemoSkill Skill, string Where, DateOnly ReturnedOn)>(workers);
        for (var index = 0; index < workers; index++)
        {
            var village = villages[_random.Next(villages.Length)];
            var fate = fates[index];
            // A worker placed in a partner city is one who wanted to work there.
            var where = fate is { Placed: true, Local: false } ? (_random.NextDouble() < 0.4 ? "partnerCities" : "anywhere")
                : fate is { Placed: true, Local: true } ? (_random.NextDouble() < 0.55 ? "homeCounty" : "city")
                : Pick(WhereTheyWork);
            var level = Pick(SkillLevels);
            var skill = new DemoSkill(trades[Skewed(trades.Length)], byCertificate.Contains(index) && level == "none" ? "junior" : level);
            people.Add((index, Surnames[_random.Next(Surnames.Length)] + GivenNames[_random.Next(GivenNames.Length)], ids.Next(village),
                string.Create(CultureInfo.InvariantCulture, $"1{_random.Next(3, 10)}{_random.Next(1_000_000_000):D9}"), village,
                Pick(Education), skill, where, today.AddDays(-_random.Next(30, 1100))));
        }

        Employers = CreateEmployers(workers, villages);
        var localEmployers = Employers.Where(e => e.PartnerCity is null).ToArray();
        var partnerEmployers = Employers.Where(e => e.PartnerCity is not null).ToArray();

        // Vacancies per trade and locality, with room for every planned placement and a little to spare. Everyone is
        // recommended before anyone is placed, so a vacancy that fills up has taken all its recommendations by then.
        var vacancies = new List<DemoVacancy>();
        var lines = new Dictionary<(string Trade, bool Local), Line>();
        foreach (var group in people.Where(p => fates[p.Index].Recommended).GroupBy(p => (p.Skill.TradeCode, Local: LocalityOf(fates[p.Index]))))
        {
            var needed = group.Count(p => fates[p.Index].Placed);
            var headcount = group.Key.Local ? LocalHeadcount : PartnerHeadcount;
            var employers = group.Key.Local ? localEmployers : partnerEmployers;
            var line = new Line();
            for (var i = Math.Max(1, (int)Math.Ceiling(needed * 1.15 / headcount)); i > 0; i--)
            {
                var wageMin = group.Key.Local ? _random.Next(35, 52) * 100 : _random.Next(46, 62) * 100;
                var vacancy = new DemoVacancy(vacancies.Count + 1, employers[vacancies.Count % employers.Length], group.Key.TradeCode, headcount, wageMin, wageMin + (_random.Next(8, 20) * 100));
                vacancies.Add(vacancy);
                line.Vacancies.Add(vacancy);
            }

            lines[group.Key] = line;
        }

        Vacancies = vacancies;
        Workers = people.Select(p =>
        {
            var fate = fates[p.Index];
            var vacancy = fate.Recommended ? lines[(p.Skill.TradeCode, LocalityOf(fate))].Take(fate.Placed) : null;
            return new DemoWorker(p.NationalId, p.Name, p.Phone, p.Village.Value, p.Education, p.Skill, byCertificate.Contains(p.Index), p.Where,
                _random.Next(28, 56) * 100, p.ReturnedOn, ReturnReasons[_random.Next(ReturnReasons.Length)], vacancy, fate.Placed, founders.Contains(p.Index));
        }).ToList();

        Fairs = PlanFairs(workers, today);
        Businesses = FoundBusinesses(workers, today);
        Sessions = PlanSessions(workers, trades, villages, today);
    }

    public IReadOnlyList<DemoWorker> Workers { get; }

    public IReadOnlyList<DemoEmployer> Employers { get; }

    public IReadOnlyList<DemoVacancy> Vacancies { get; }

    /// <summary>A wage within the vacancy's range, in whole hundreds of yuan.</summary>
    public int WageFor(DemoVacancy vacancy) => _random.Next(vacancy.WageMin / 100, (vacancy.WageMax / 100) + 1) * 100;

    private List<DemoEmployer> CreateEmployers(int workers, DivisionCode[] villages)
    {
        var local = Math.Max(3, workers / 400);
        var partner = Math.Max(2, (int)Math.Round(workers * SpeechFigures.PartnerEnterprisesPerWorker));
        var employers = new List<DemoEmployer>(local + partner);
        var organisationBase = _random.Next(100_000, 900_000) * 1000;
        for (var number = 1; number <= local + partner; number++)
        {
            var isLocal = number <= local;
            var village = villages[_random.Next(villages.Length)];
            var region = isLocal ? village.Value[..6] : "110105";
            var body = string.Create(CultureInfo.InvariantCulture, $"91{region}{organisationBase + number:D9}");
            var city = isLocal ? null : Pick(PartnerCities);
            var name = isLocal
                ? $"示范市{Surnames[number % Surnames.Length]}氏{(number % 3 == 0 ? "农业合作社" : "制造有限公司")}{number}号"
                : $"{(city == "beijing" ? "北京" : city == "tianjin" ? "天津" : "上海")}协作企业{number}号有限公司";
            employers.Add(new DemoEmployer(number, name, body + UnifiedSocialCreditCode.ComputeCheckCharacter(body),
                isLocal ? village.Value : null, city, Industries[_random.Next(Industries.Length)]));
        }

        return employers;
    }

    /// <summary>Workers recommended but not placed are recommended local vacancies.</summary>
    private static bool LocalityOf((bool Recommended, bool Placed, bool Local) fate) => fate.Local || !fate.Placed;

    private int[] Shuffled(int count)
    {
        var order = Enumerable.Range(0, count).ToArray();
        _random.Shuffle(order);
        return order;
    }

    /// <summary>An index favouring the first entries, so that a few trades are common and the rest rarer, as in any city.</summary>
    private int Skewed(int count) => (int)(Math.Pow(_random.NextDouble(), 1.8) * count);

    private string Pick((string Value, double Share)[] distribution)
    {
        var draw = _random.NextDouble() * distribution.Sum(d => d.Share);
        foreach (var (value, share) in distribution)
        {
            draw -= share;
            if (draw < 0)
            {
                return value;
            }
        }

        return distribution[^1].Value;
    }

    /// <summary>The vacancies of one trade and locality, filled in turn.</summary>
    private sealed class Line
    {
        private int _current;
        private int _takenOfCurrent;

        public List<DemoVacancy> Vacancies { get; } = [];

        /// <summary>The vacancy to recommend; for a placement, one place of it is taken.</summary>
        public DemoVacancy Take(bool place)
        {
            var vacancy = Vacancies[_current];
            if (place && ++_takenOfCurrent == vacancy.Headcount)
            {
                _current++;
                _takenOfCurrent = 0;
            }

            return vacancy;
        }
    }

    /// <summary>National ID numbers of people born in the village's county, distinct within a city.</summary>
    private sealed class NationalIdSequence(Random random)
    {
        private static readonly DateOnly FirstBirthDate = new(1966, 1, 1);
        private static readonly int BirthDates = new DateOnly(2004, 12, 31).DayNumber - FirstBirthDate.DayNumber + 1;
        private readonly Dictionary<string, HashSet<long>> _taken = [];

        public string Next(DivisionCode village)
        {
            var county = village.Value[..6];
            var taken = _taken.TryGetValue(county, out var set) ? set : _taken[county] = [];
            long draw;
            do
            {
                draw = random.NextInt64((long)BirthDates * 1000);
            }
            while (!taken.Add(draw));

            var first17 = string.Create(CultureInfo.InvariantCulture, $"{county}{FirstBirthDate.AddDays((int)(draw / 1000)):yyyyMMdd}{draw % 1000:D3}");
            return first17 + NationalId.ComputeCheckCharacter(first17);
        }
    }
}
