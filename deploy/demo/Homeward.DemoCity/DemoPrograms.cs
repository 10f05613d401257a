using System.Globalization;
using Homeward.SharedKernel.Divisions;
using Homeward.SharedKernel.Organizations;

namespace Homeward.DemoCity;

/// <summary>A matchmaking fair held with a partner city, where its enterprises bring their vacancies.</summary>
public sealed record DemoFair(int Number, string PartnerCity, DateOnly Date);

/// <summary>
/// A business a returning worker started: it is paid the startup subsidy (base plus a sum per job it created), is
/// granted a guaranteed loan and reports the jobs the loan drove; some have tax relief.
/// </summary>
public sealed record DemoBusiness(
    int Number,
    DemoWorker Founder,
    string Name,
    string CreditCode,
    string Kind,
    string Sector,
    DateOnly RegisteredOn,
    int JobsCreated,
    decimal Loan,
    int JobsDrivenByLoan,
    bool TaxRelief)
{
    public decimal StartupSubsidy => DemoPopulation.StartupSubsidyBase + (DemoPopulation.StartupSubsidyPerJob * JobsCreated);
}

/// <summary>
/// A training session of one trade, held and completed before today. Trainees who already hold a certificate pass
/// the assessment and are certified again; the others complete the course without passing, so the registry's share of
/// workers without a certificate stays the speech's.
/// </summary>
public sealed record DemoSession(int Number, string TradeCode, string County, DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<DemoWorker> Trainees);

public sealed partial class DemoPopulation
{
    public const string ECommerce = "e-commerce";

    /// <summary>The startup subsidy: a base and a sum per job created; two to seven jobs make about ¥19,000 on average.</summary>
    public const decimal StartupSubsidyBase = 10_000m;

    public const decimal StartupSubsidyPerJob = 2_000m;

    private static readonly string[] BusinessSectors = ["A", "C", "F", "G", "H", "I", "O"];

    public IReadOnlyList<DemoFair> Fairs { get; private set; } = [];

    public IReadOnlyList<DemoBusiness> Businesses { get; private set; } = [];

    public IReadOnlyList<DemoSession> Sessions { get; private set; } = [];

    /// <summary>The fair where a partner city's vacancy was brought, and where the workers recommended it got their offer.</summary>
    public DemoFair FairOf(DemoVacancy vacancy)
    {
        var fairs = Fairs.Where(f => f.PartnerCity == vacancy.Employer.PartnerCity).ToList();
        return fairs[vacancy.Number % fairs.Count];
    }

    /// <summary>The speech's 30 fairs, scaled, in turn with each partner city that has enterprises here, one a week back from today.</summary>
    private List<DemoFair> PlanFairs(int workers, DateOnly today)
    {
        var cities = Employers.Select(e => e.PartnerCity).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var count = Math.Max(cities.Count, SpeechFigures.Scaled(SpeechFigures.FairsHeld, workers));
        return [.. Enumerable.Range(0, count).Select(i => new DemoFair(i + 1, cities[i % cities.Count], today.AddDays(-7 * (i + 1))))];
    }

    /// <summary>
    /// The businesses of the founders, with the speech's loans (¥850M, 32,000 jobs) and tax relief (350) shared out
    /// among them; loans above the individual cap go to micro enterprises and cooperatives.
    /// </summary>
    private List<DemoBusiness> FoundBusinesses(int workers, DateOnly today)
    {
        var founders = Workers.Where(w => w.StartsBusiness).ToList();
        var loans = SpeechFigures.Scaled(SpeechFigures.GuaranteedLoans, workers);
        var jobs = SpeechFigures.Scaled(SpeechFigures.JobsDrivenByLoans, workers);
        var relieved = SpeechFigures.Scaled(SpeechFigures.TaxReliefBusinesses, workers);
        var organisationBase = _random.Next(100_000, 900_000) * 1000;
        var businesses = new List<DemoBusiness>(founders.Count);
        foreach (var (founder, index) in founders.Select((founder, index) => (founder, index)))
        {
            var number = index + 1;
            var kind = number % 3 == 0 ? "cooperative" : "microEnterprise";
            var body = string.Create(CultureInfo.InvariantCulture, $"{(kind == "cooperative" ? "93" : "91")}{founder.Village[..6]}{organisationBase + number:D9}");
            var loan = ShareOf(loans, founders.Count, index);
            businesses.Add(new DemoBusiness(
                number,
                founder,
                $"{founder.Name}{(kind == "cooperative" ? "种养专业合作社" : "商贸有限公司")}{number}号",
                body + UnifiedSocialCreditCode.ComputeCheckCharacter(body),
                kind,
                BusinessSectors[_random.Next(BusinessSectors.Length)],
                today.AddDays(-_random.Next(60, 700)),
                _random.Next(2, 8),
                loan,
                (int)ShareOf(jobs, founders.Count, index),
                index < relieved));
        }

        return businesses;
    }

    /// <summary>
    /// The speech's sessions and person-times, scaled: the e-commerce sessions take the e-commerce trainees, first the
    /// workers who will be hired into e-commerce, then certified workers; the other sessions go round the trades.
    /// </summary>
    private List<DemoSession> PlanSessions(int workers, string[] trades, DivisionCode[] villages, DateOnly today)
    {
        var sessions = SpeechFigures.Scaled(SpeechFigures.TrainingSessions, workers);
        var eCommerceSessions = Math.Min(sessions, SpeechFigures.Scaled(SpeechFigures.ECommerceSessions, workers));
        var enrollments = SpeechFigures.Scaled(SpeechFigures.TrainingEnrollments, workers);
        var eCommerceTrainees = Math.Min(enrollments, SpeechFigures.Scaled(SpeechFigures.ECommerceTrainees, workers));
        var intoECommerce = SpeechFigures.Scaled(SpeechFigures.ECommerceWorkersAfterTraining, workers);

        var hiredIntoECommerce = Workers.Where(w => w.Placed && w.RecommendedTo!.TradeCode == ECommerce).Take(intoECommerce).ToList();
        var certified = Workers.Where(w => w.Certified && !hiredIntoECommerce.Contains(w)).ToList();
        _random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(certified));
        var eCommerceGroup = hiredIntoECommerce.Concat(certified).Take(eCommerceTrainees).ToList();
        var otherGroup = certified.Skip(eCommerceTrainees - hiredIntoECommerce.Count).Take(enrollments - eCommerceGroup.Count).ToList();
        var otherTrades = trades.Where(t => t != ECommerce).ToArray();

        var planned = new List<DemoSession>(sessions);
        for (var i = 0; i < sessions; i++)
        {
            var isECommerce = i < eCommerceSessions;
            var (group, first, count) = isECommerce ? (eCommerceGroup, i, eCommerceSessions) : (otherGroup, i - eCommerceSessions, sessions - eCommerceSessions);
            var trainees = group.Where((_, index) => index % count == first).ToList();
            var endsOn = today.AddDays(-1 - (i % 300));
            planned.Add(new DemoSession(
                i + 1,
                isECommerce ? ECommerce : otherTrades[first % otherTrades.Length],
                villages[_random.Next(villages.Length)].Value[..6] + "000000",
                endsOn.AddDays(-9),
                endsOn,
                trainees));
        }

        return [.. planned.Where(s => s.Trainees.Count > 0)];
    }

    /// <summary>The index-th of <paramref name="parts"/> near-equal whole-yuan parts that add up to <paramref name="total"/> exactly.</summary>
    private static decimal ShareOf(decimal total, int parts, int index)
    {
        var each = Math.Floor(total / parts);
        return index == parts - 1 ? total - (each * (parts - 1)) : each;
    }
}
