using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Homeward.SharedKernel.Divisions;

namespace Homeward.DemoCity;

/// <summary>The city's programmes: labour cooperation with the partner cities, training, and the subsidy policies.</summary>
public sealed partial class DemoCitySeeder
{
    private static readonly Dictionary<string, string> PartnerCityNames = new(StringComparer.Ordinal)
    {
        ["beijing"] = "北京市",
        ["tianjin"] = "天津市",
        ["shanghai"] = "上海市",
    };

    private static readonly string[] ProviderNames = ["示范市职业技术学校", "示范市技能实训基地", "示范市电子商务学院"];

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task RegisterPartnerCitiesAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var cities = city.Employers.Select(e => e.PartnerCity).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        Log($"registering {cities.Count} partner cities and their labour-cooperation agreements");
        foreach (var partner in cities)
        {
            await platform.PostAsync("/api/job-matching/v1/partner-cities", new { id = partner, name = PartnerCityNames[partner] }, cancellationToken);
            var sectors = city.Employers.Where(e => e.PartnerCity == partner).Select(e => e.Industry).Distinct().Order(StringComparer.Ordinal).ToList();
            var workers = city.Workers.Count(w => w.RecommendedTo?.Employer.PartnerCity == partner);
            await platform.PostAsync($"/api/job-matching/v1/partner-cities/{partner}/agreements", new
            {
                title = $"示范市—{PartnerCityNames[partner]}劳务协作协议",
                validFrom = Day(new DateOnly(today.Year - 1, 1, 1)),
                validTo = Day(new DateOnly(today.Year + 1, 12, 31)),
                sectors,
                quotas = sectors.Select(sector => new { sector, workers = Math.Max(1, workers / sectors.Count) }),
                contacts = new[] { new { name = "劳务协作办公室", role = "联络员", phone = "13800001111" } },
            }, cancellationToken);
        }
    }

    /// <summary>The fairs with the partner cities: each enterprise brings the vacancies the demo assigned to the fair.</summary>
    private async Task<IReadOnlyDictionary<DemoFair, Guid>> HoldFairsAsync(
        IReadOnlyDictionary<DemoEmployer, Guid> employers, IReadOnlyDictionary<DemoVacancy, Guid> vacancies, CancellationToken cancellationToken)
    {
        var brought = city.Vacancies.Where(v => !v.IsLocal).GroupBy(city.FairOf).ToDictionary(g => g.Key, g => g.ToList());
        Log($"holding {city.Fairs.Count} fairs with {brought.Values.Sum(v => v.Select(x => x.Employer).Distinct().Count()):N0} enterprise stands");
        var ids = new ConcurrentDictionary<DemoFair, Guid>();
        await ForEachAsync(city.Fairs, async fair =>
        {
            var current = await platform.PostAsync("/api/job-matching/v1/job-fairs", new
            {
                title = $"{PartnerCityNames[fair.PartnerCity]}专场劳务对接会（第{fair.Number}场）",
                date = Day(fair.Date),
                place = "示范市人力资源市场",
                kind = "crossRegion",
                partnerCity = fair.PartnerCity,
            }, cancellationToken);
            var fairId = current.GetProperty("id").GetGuid();
            foreach (var stand in brought.GetValueOrDefault(fair, []).GroupBy(v => v.Employer))
            {
                current = await platform.ChangeAsync($"/api/job-matching/v1/job-fairs/{fairId}/participants", current, new
                {
                    employerId = employers[stand.Key],
                    vacancyIds = stand.Select(v => vacancies[v]),
                }, cancellationToken);
            }

            ids[fair] = fairId;
        }, cancellationToken);
        return ids;
    }

    /// <summary>
    /// Providers and a published course per trade taught, then each session as a provider runs it: opened, trainees
    /// enrolled as one roster, started, a theory and a practical lesson with everyone present, the score sheet recorded, completed.
    /// </summary>
    private async Task TrainAsync(IReadOnlyDictionary<DemoWorker, Guid> workers, DateOnly today, CancellationToken cancellationToken)
    {
        const string Training = "/api/training/v1";
        var cityDivision = CityDivision(today);
        var providers = new List<Guid>();
        foreach (var name in ProviderNames)
        {
            providers.Add((await platform.PostAsync($"{Training}/providers", new { name, division = cityDivision }, cancellationToken)).GetProperty("id").GetGuid());
        }

        var trades = city.Sessions.Select(s => s.TradeCode).Distinct().Order(StringComparer.Ordinal).ToList();
        Log($"training: {trades.Count} courses, {city.Sessions.Count:N0} sessions, {city.Sessions.Sum(s => s.Trainees.Count):N0} enrollments");
        var courses = new ConcurrentDictionary<string, Guid>(StringComparer.Ordinal);
        await ForEachAsync(trades, async trade =>
        {
            var course = await platform.PostAsync($"{Training}/courses", new
            {
                providerId = trade == DemoPopulation.ECommerce ? providers[2] : providers[trade.Length % 2],
                tradeCode = trade,
                level = "junior",
                title = $"{trade}（五级）实操培训",
                theoryHours = 8,
                practicalHours = 12,
                syllabus = new[] { "安全与规范", "实操训练", "考核" },
            }, cancellationToken);
            await platform.ChangeAsync($"{Training}/courses/{course.GetProperty("id").GetGuid()}/publish", course, null, cancellationToken);
            courses[trade] = course.GetProperty("id").GetGuid();
        }, cancellationToken);

        await ForEachAsync(city.Sessions, async session =>
        {
            var current = await platform.PostAsync($"{Training}/sessions", new
            {
                courseId = courses[session.TradeCode],
                division = session.County,
                startsOn = Day(session.StartsOn),
                endsOn = Day(session.EndsOn),
                capacity = session.Trainees.Count,
                instructors = new[] { "实训教师" },
            }, cancellationToken);
            var path = $"{Training}/sessions/{current.GetProperty("id").GetGuid()}";
            await platform.ChangeAsync($"{path}/status", current, new { status = "open" }, cancellationToken);
            var roster = session.Trainees.Select(t => workers[t]).ToList();
            foreach (var part in roster.Chunk(PlatformClient.BatchLimit))
            {
                await platform.PostBatchAsync($"{path}/enrollments/batch", part, pending => new { workerIds = pending }, cancellationToken);
            }

            await platform.ChangeAsync($"{path}/status", await platform.GetAsync(path, cancellationToken), new { status = "inProgress" }, cancellationToken);
            await platform.PostAsync($"{path}/lessons", new { heldOn = Day(session.StartsOn), kind = "theory", hours = 8m, topic = "安全与规范", presentWorkerIds = roster }, cancellationToken);
            await platform.PostAsync($"{path}/lessons", new { heldOn = Day(session.EndsOn), kind = "practical", hours = 12m, topic = "实操训练", presentWorkerIds = roster }, cancellationToken);
            foreach (var part in session.Trainees.Chunk(PlatformClient.BatchLimit))
            {
                // Only those who already hold a certificate pass: the others complete the course without one.
                await platform.PostBatchAsync(
                    $"{path}/assessments/batch",
                    part,
                    trainees => new { scores = trainees.Select(trainee => new { workerId = workers[trainee], theoryScore = 80, practicalScore = trainee.Certified ? 85 : 50 }) },
                    cancellationToken);
            }

            await platform.ChangeAsync($"{path}/status", await platform.GetAsync(path, cancellationToken), new { status = "completed" }, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// The five kinds of policy, then for each business its founder's office registers it, files the startup subsidy
    /// application, which a reviewer forwards and an approver grants (four eyes: three different people), and the
    /// subsidy is paid; its guaranteed loan is granted with the jobs it drove, and some businesses get tax relief.
    /// </summary>
    private async Task SubsidizeAsync(IReadOnlyDictionary<DemoWorker, Guid> workers, DateOnly today, CancellationToken cancellationToken)
    {
        const string Subsidy = "/api/subsidy/v1";
        var policies = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var subsidies = city.Businesses.Sum(b => b.StartupSubsidy);
        foreach (var (kind, name, rule, amount, budget) in Policies(subsidies, city.Businesses.Sum(b => b.Loan)))
        {
            var policy = await platform.PostAsync($"{Subsidy}/policies", new
            {
                code = System.Text.RegularExpressions.Regex.Replace(kind, "[A-Z]", m => "-" + m.Value.ToLowerInvariant()),
                name,
                kind,
                eligibility = JsonDocument.Parse(rule).RootElement,
                amount,
                documents = new[] { new { code = "identity", title = "身份证明", platformVerifiable = true }, new { code = "businessLicense", title = "营业执照", platformVerifiable = true } },
                annualBudget = budget,
                deadlines = new { preReviewDays = 5, approvalDays = 10 },
                validFrom = Day(new DateOnly(today.Year - 3, 1, 1)),
                validTo = (string?)null,
            }, cancellationToken);
            policies[kind] = policy.GetProperty("id").GetGuid();
        }

        var (reviewer, approver) = await FourEyesAsync(today, cancellationToken);
        using (reviewer)
        using (approver)
        {
            Log($"starting {city.Businesses.Count:N0} businesses: ¥{subsidies:N0} of startup subsidies, ¥{city.Businesses.Sum(b => b.Loan):N0} of guaranteed loans, {city.Businesses.Count(b => b.TaxRelief):N0} with tax relief");
            await ForEachAsync(city.Businesses, async business =>
            {
                var businessId = (await PostForCandidateAsync($"{Subsidy}/businesses", new
                {
                    founderWorkerId = workers[business.Founder],
                    name = business.Name,
                    creditCode = business.CreditCode,
                    kind = business.Kind,
                    sector = business.Sector,
                    registeredOn = Day(business.RegisteredOn),
                    jobsCreated = business.JobsCreated,
                }, cancellationToken)).GetProperty("id").GetGuid();

                var application = await platform.PostAsync($"{Subsidy}/applications", new { policyId = policies["startupSubsidy"], workerId = workers[business.Founder], businessId }, cancellationToken);
                var path = $"{Subsidy}/applications/{application.GetProperty("id").GetGuid()}";
                application = await platform.ChangeAsync($"{path}/submission", application, null, cancellationToken);
                application = await reviewer.ChangeAsync($"{path}/pre-review", application, new { decision = "forward" }, cancellationToken);
                await approver.ChangeAsync($"{path}/approval", application, new { decision = "approve" }, cancellationToken);
                var disbursement = await platform.PostOnceAsync($"{Subsidy}/disbursements", new
                {
                    applicationId = application.GetProperty("id").GetGuid(),
                    bankName = "示范市农村商业银行",
                    bankAccount = string.Create(CultureInfo.InvariantCulture, $"6230{business.Number:D12}"),
                }, cancellationToken);
                await platform.ChangeAsync($"{Subsidy}/disbursements/{disbursement.GetProperty("id").GetGuid()}/outcome", disbursement, new { outcome = "paid", paidOn = Day(today) }, cancellationToken);

                await platform.PostAsync($"{Subsidy}/loans", new
                {
                    businessId,
                    bank = "示范市农村商业银行",
                    amount = business.Loan,
                    termMonths = 36,
                    interestSubsidyShare = 1m,
                    grantedOn = Day(business.RegisteredOn.AddDays(30)),
                    jobsReported = business.JobsDrivenByLoan,
                }, cancellationToken);
                if (business.TaxRelief)
                {
                    await platform.PostAsync($"{Subsidy}/businesses/{businessId}/tax-relief", new { from = Day(business.RegisteredOn), to = Day(business.RegisteredOn.AddYears(3).AddDays(-1)) }, cancellationToken);
                }
            }, cancellationToken);
        }
    }

    /// <summary>The five kinds of policy of issue 7: eligibility as data, amount rule, and a budget that covers the demo's grants.</summary>
    private static IEnumerable<(string Kind, string Name, string Rule, object Amount, decimal Budget)> Policies(decimal subsidies, decimal loans)
    {
        const string Founder = """{"all":[{"fact":"hasBusiness","op":"eq","value":true},{"fact":"businessAgeMonths","op":"le","value":36}]}""";
        yield return ("startupSubsidy", "返乡创业一次性补贴", Founder,
            new { @base = DemoPopulation.StartupSubsidyBase, perJobCreated = DemoPopulation.StartupSubsidyPerJob, maximum = 30_000m }, Math.Ceiling(subsidies * 1.2m / 10_000m) * 10_000m);
        yield return ("guaranteedLoan", "返乡创业担保贷款及贴息", Founder,
            new { @base = 300_000m, perJobCreated = 50_000m, maximum = 4_000_000m }, Math.Ceiling(loans * 1.2m / 10_000m) * 10_000m);
        yield return ("taxRelief", "小微企业税收减免（三年）",
            """{"all":[{"fact":"hasBusiness","op":"eq","value":true},{"fact":"businessKind","op":"in","value":["individualBusiness","microEnterprise"]}]}""",
            new { @base = 0m, perJobCreated = 0m, maximum = 0m }, 0m);
        yield return ("hiringSubsidy", "吸纳返乡人员就业补贴", """{"all":[{"fact":"hasBusiness","op":"eq","value":true},{"fact":"businessEmployees","op":"ge","value":3}]}""",
            new { @base = 0m, perJobCreated = 1_000m, maximum = 20_000m }, 2_000_000m);
        yield return ("travelSubsidy", "跨区域就业交通补贴", """{"fact":"employmentStatus","op":"eq","value":"employedElsewhere"}""",
            new { @base = 500m, perJobCreated = 0m, maximum = 500m }, 1_000_000m);
    }

    /// <summary>
    /// A reviewer and an approver for the city, created through the identity API and signed in: an application is
    /// decided by people other than the case worker who filed it, and the approver is not the pre-reviewer.
    /// </summary>
    private async Task<(PlatformClient Reviewer, PlatformClient Approver)> FourEyesAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        async Task<PlatformClient> StaffAsync(string role, string displayName)
        {
            var userName = $"demo-{role}-{suffix}";
            var password = $"Demo-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}-Pw";
            await platform.PostAsync("/api/identity/v1/staff", new { userName, displayName, password, roles = new[] { role }, division = CityDivision(today) }, cancellationToken);
            return await platform.SignInAsync(userName, password, ["subsidy.read", "subsidy.write"], cancellationToken);
        }

        Log("creating the subsidy reviewer and approver (four eyes)");
        return (await StaffAsync("reviewer", "示范市创业补贴初审员"), await StaffAsync("approver", "示范市创业补贴审批员"));
    }

    private static string CityDivision(DateOnly today) =>
        DivisionDirectory.Current.All.First(d => d.Level == DivisionLevel.City && d.IsActiveOn(today)).Code.Value;
}
