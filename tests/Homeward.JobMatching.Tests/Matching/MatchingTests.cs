using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Tests.Candidates;
using Homeward.SharedKernel;
using Homeward.Testing;

namespace Homeward.JobMatching.Tests.Matching;

public sealed class MatchingTests(JobMatchingService jobMatching) : IClassFixture<JobMatchingService>
{
    [Fact]
    public async Task A_worker_lacking_the_certificate_sees_it_named_and_every_hit_explains_its_score()
    {
        var workerId = await Workers.RegisterAsync(jobMatching, Workers.Welder(certified: false));
        var vacancy = await jobMatching.Client.CreateVacancyAsync("419921101201");

        var hit = await HitAsync(workerId, vacancy.GetProperty("id").GetGuid());

        var unmet = hit.GetProperty("unmet").EnumerateArray().Select(u => u.GetString()).ToList();
        Assert.Contains("needs a welder certificate, level intermediate", unmet);
        var breakdown = hit.GetProperty("breakdown").EnumerateArray().ToList();
        Assert.Equal(["trade", "certificates", "education", "distance", "wage", "intention"], breakdown.Select(b => b.GetProperty("factor").GetString()));
        Assert.Equal(0, breakdown.Single(b => b.GetProperty("factor").GetString() == "certificates").GetProperty("fit").GetDouble());
        Assert.Equal(hit.GetProperty("score").GetDouble(), breakdown.Sum(b => b.GetProperty("points").GetDouble()), 0.5);
        Assert.Equal(80, hit.GetProperty("score").GetDouble(), 0.01);
    }

    [Fact]
    public async Task A_worker_who_meets_everything_in_their_own_village_scores_100_and_ranks_above_a_farther_vacancy()
    {
        var workerId = await Workers.RegisterAsync(jobMatching, Workers.Welder(), "419921101202");
        var near = await jobMatching.Client.CreateVacancyAsync("419921101202");
        var far = await jobMatching.Client.CreateVacancyAsync("419922101201");

        var items = await MatchesAsync(workerId);

        var nearIndex = items.FindIndex(i => i.GetProperty("vacancyId").GetGuid() == near.GetProperty("id").GetGuid());
        var farIndex = items.FindIndex(i => i.GetProperty("vacancyId").GetGuid() == far.GetProperty("id").GetGuid());
        Assert.True(nearIndex >= 0 && farIndex > nearIndex, $"near at {nearIndex}, far at {farIndex}");
        Assert.Equal(100, items[nearIndex].GetProperty("score").GetDouble(), 0.01);
        Assert.Empty(items[nearIndex].GetProperty("unmet").EnumerateArray());
        Assert.Equal("示范市精工机械有限公司", items[nearIndex].GetProperty("employerName").GetString());
        Assert.Equal(0.4, items[farIndex].GetProperty("breakdown")[3].GetProperty("fit").GetDouble(), 0.001);
    }

    [Fact]
    public async Task Lower_level_low_wage_and_missing_education_are_each_named()
    {
        var workerId = await Workers.RegisterAsync(jobMatching, Workers.Welder(level: "junior", minimumWage: 8000m, education: "primary"));
        var vacancy = await jobMatching.Client.CreateVacancyAsync("419921101201");

        var hit = await HitAsync(workerId, vacancy.GetProperty("id").GetGuid());

        var unmet = hit.GetProperty("unmet").EnumerateArray().Select(u => u.GetString()).ToList();
        Assert.Contains("needs welder skill at level intermediate (has junior)", unmet);
        Assert.Contains("needs junior high school or higher (has primary school)", unmet);
        Assert.Contains("pays at most ¥6,000.00 a month, below the expected ¥8,000.00", unmet);
    }

    [Fact]
    public async Task Hard_filters_keep_out_what_the_worker_cannot_take()
    {
        var homeCounty = await Workers.RegisterAsync(jobMatching, Workers.Welder(where: "homeCounty"), "419921101201");
        var nearFamily = await Workers.RegisterAsync(jobMatching, Workers.Welder(where: "anywhere", nearFamily: true), "419921101201");
        var inCity = await Workers.RegisterAsync(jobMatching, Workers.Welder(where: "city"), "419921101201");
        var anywhere = await Workers.RegisterAsync(jobMatching, Workers.Welder(where: "anywhere"), "419921101201");
        var otherCounty = (await jobMatching.Client.CreateVacancyAsync("419922101201")).GetProperty("id").GetGuid();
        var partner = (await jobMatching.Client.CreateVacancyAsync(await PartnerEmployerAsync())).GetProperty("id").GetGuid();
        var full = await FullVacancyAsync();

        Assert.DoesNotContain(otherCounty, await VacancyIdsAsync(homeCounty));
        Assert.DoesNotContain(otherCounty, await VacancyIdsAsync(nearFamily));
        Assert.DoesNotContain(partner, await VacancyIdsAsync(nearFamily));
        Assert.Contains(otherCounty, await VacancyIdsAsync(inCity));
        Assert.DoesNotContain(partner, await VacancyIdsAsync(inCity));
        var anywhereIds = await VacancyIdsAsync(anywhere);
        Assert.Contains(partner, anywhereIds);
        Assert.DoesNotContain(full, anywhereIds);
    }

    [Fact]
    public async Task A_worker_busy_until_after_the_vacancy_closes_or_not_seeking_work_gets_no_match()
    {
        var today = TimeProvider.System.Today();
        var later = await Workers.RegisterAsync(jobMatching, Workers.Welder(availableFrom: today.AddDays(90)));
        var employed = await Workers.RegisterAsync(jobMatching, Workers.Welder(status: "employedLocally"));
        var vacancy = (await jobMatching.Client.CreateVacancyAsync("419921101201")).GetProperty("id").GetGuid();

        Assert.DoesNotContain(vacancy, await VacancyIdsAsync(later));
        var response = await jobMatching.Client.GetFromJsonAsync<JsonElement>($"{JobMatchingApi.Root}/candidates/{employed}/matches");
        Assert.Equal(0, response.GetProperty("items").GetArrayLength());
        Assert.Contains("not seeking work", response.GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Busy_months_hold_a_worker_back_only_when_the_vacancy_closes_before_they_end()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var busyNow = await Workers.RegisterAsync(jobMatching, Workers.Welder(busyMonths: [today.Month]));
        var employer = await jobMatching.Client.CreateEmployerAsync();
        var shortTerms = JobMatchingApi.Vacancy(employer.GetProperty("id").GetGuid());
        shortTerms["validThrough"] = today.ToString("yyyy-MM-dd");
        var longTerms = JobMatchingApi.Vacancy(employer.GetProperty("id").GetGuid());
        longTerms["validThrough"] = today.AddMonths(2).ToString("yyyy-MM-dd");
        var closesSoon = (await jobMatching.Client.CreateVacancyAsync(shortTerms)).GetProperty("id").GetGuid();
        var staysOpen = (await jobMatching.Client.CreateVacancyAsync(longTerms)).GetProperty("id").GetGuid();

        var ids = await VacancyIdsAsync(busyNow);

        Assert.DoesNotContain(closesSoon, ids);
        Assert.Contains(staysOpen, ids);
    }

    [Fact]
    public async Task A_vacancy_finds_the_best_candidates_of_the_callers_division_with_what_they_lack()
    {
        var certified = await Workers.RegisterAsync(jobMatching, Workers.Welder(), "419921101201", "冯一");
        var uncertified = await Workers.RegisterAsync(jobMatching, Workers.Welder(certified: false), "419921101201", "冯二");
        var elsewhere = await Workers.RegisterAsync(jobMatching, Workers.Welder(), "419922101201", "冯三");
        var vacancy = (await jobMatching.Client.CreateVacancyAsync("419921101201")).GetProperty("id").GetGuid();
        var county = jobMatching.ClientFor(Caller.Staff("419921000000", Roles.CountyOfficer, Scopes.JobMatchingRead));

        var body = await county.GetFromJsonAsync<JsonElement>($"{JobMatchingApi.Root}/vacancies/{vacancy}/matches?limit=200");

        var items = body.GetProperty("items").EnumerateArray().ToList();
        var ids = items.Select(i => i.GetProperty("workerId").GetGuid()).ToList();
        Assert.True(ids.IndexOf(certified) >= 0 && ids.IndexOf(certified) < ids.IndexOf(uncertified));
        Assert.DoesNotContain(elsewhere, ids);
        Assert.Contains("needs a welder certificate, level intermediate", items.Single(i => i.GetProperty("workerId").GetGuid() == uncertified).GetProperty("unmet").EnumerateArray().Select(u => u.GetString()));
        Assert.DoesNotContain("CERT-", body.GetRawText(), StringComparison.Ordinal);
        Assert.All(items, i => Assert.Equal(
            ["breakdown", "householdDivision", "name", "score", "status", "unmet", "workerId"],
            i.EnumerateObject().Select(p => p.Name).Order()));
    }

    [Fact]
    public async Task A_vacancy_finds_only_candidates_who_will_work_where_it_is()
    {
        var homeCounty = await Workers.RegisterAsync(jobMatching, Workers.Welder(where: "homeCounty"), "419923101201", "韩一");
        var nearFamily = await Workers.RegisterAsync(jobMatching, Workers.Welder(where: "partnerCities", nearFamily: true), "419923101201", "韩二");
        var inCity = await Workers.RegisterAsync(jobMatching, Workers.Welder(where: "city"), "419923101201", "韩三");
        var partnerCities = await Workers.RegisterAsync(jobMatching, Workers.Welder(where: "partnerCities"), "419923101201", "韩四");
        var otherCounty = (await jobMatching.Client.CreateVacancyAsync("419921101201")).GetProperty("id").GetGuid();
        var partner = (await jobMatching.Client.CreateVacancyAsync(await PartnerEmployerAsync())).GetProperty("id").GetGuid();
        var sameCounty = (await jobMatching.Client.CreateVacancyAsync("419923101202")).GetProperty("id").GetGuid();

        Assert.Equal(new[] { inCity, partnerCities }.Order(), (await CandidateIdsAsync(otherCounty)).Where(new[] { homeCounty, nearFamily, inCity, partnerCities }.Contains).Order());
        Assert.Equal([partnerCities], (await CandidateIdsAsync(partner)).Where(new[] { homeCounty, nearFamily, inCity, partnerCities }.Contains));
        Assert.Equal(new[] { homeCounty, nearFamily, inCity, partnerCities }.Order(), (await CandidateIdsAsync(sameCounty)).Where(new[] { homeCounty, nearFamily, inCity, partnerCities }.Contains).Order());
    }

    [Fact]
    public async Task Matching_a_worker_or_vacancy_outside_the_callers_division_is_404_and_a_bad_limit_is_named()
    {
        var workerId = await Workers.RegisterAsync(jobMatching, Workers.Welder(), "419922101201");
        var vacancy = (await jobMatching.Client.CreateVacancyAsync("419922101201")).GetProperty("id").GetGuid();
        var countyA = jobMatching.ClientFor(Caller.Staff("419921000000", Roles.CountyOfficer, Scopes.JobMatchingRead));

        await (await countyA.GetAsync($"{JobMatchingApi.Root}/candidates/{workerId}/matches")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await countyA.GetAsync($"{JobMatchingApi.Root}/vacancies/{vacancy}/matches")).AssertProblemAsync(HttpStatusCode.NotFound);
        var problem = await (await jobMatching.Client.GetAsync($"{JobMatchingApi.Root}/vacancies/{vacancy}/matches?limit=0")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("limit", problem.ErrorFields());
    }

    private async Task<Guid> FullVacancyAsync()
    {
        var vacancy = await jobMatching.Client.CreateVacancyAsync("419921101201", headcount: 1);
        var id = vacancy.GetProperty("id").GetGuid();
        await jobMatching.Database.ExecuteAsAdminAsync($"UPDATE jobmatching.vacancies SET filled = 1 WHERE id = '{id}'");
        return id;
    }

    private async Task<Dictionary<string, object?>> PartnerEmployerAsync()
    {
        var employer = await jobMatching.Client.CreateEmployerAsync(new
        {
            name = "天津某造船厂",
            creditCode = JobMatchingApi.NewCreditCode(),
            locality = "partnerCity",
            partnerCity = "tianjin",
            industry = "C",
            size = "large",
        });
        return JobMatchingApi.Vacancy(employer.GetProperty("id").GetGuid());
    }

    private async Task<List<Guid>> CandidateIdsAsync(Guid vacancyId)
    {
        var body = await jobMatching.Client.GetFromJsonAsync<JsonElement>($"{JobMatchingApi.Root}/vacancies/{vacancyId}/matches?limit=200");
        return [.. body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("workerId").GetGuid())];
    }

    private async Task<List<JsonElement>> MatchesAsync(Guid workerId)
    {
        var body = await jobMatching.Client.GetFromJsonAsync<JsonElement>($"{JobMatchingApi.Root}/candidates/{workerId}/matches?limit=100");
        return [.. body.GetProperty("items").EnumerateArray()];
    }

    private async Task<List<Guid>> VacancyIdsAsync(Guid workerId) =>
        [.. (await MatchesAsync(workerId)).Select(i => i.GetProperty("vacancyId").GetGuid())];

    private async Task<JsonElement> HitAsync(Guid workerId, Guid vacancyId) =>
        (await MatchesAsync(workerId)).Single(i => i.GetProperty("vacancyId").GetGuid() == vacancyId);
}
