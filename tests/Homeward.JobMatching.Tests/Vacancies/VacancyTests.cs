using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Tests.Candidates;
using Homeward.Testing;

namespace Homeward.JobMatching.Tests.Vacancies;

public sealed class VacancyTests(JobMatchingService jobMatching) : IClassFixture<JobMatchingService>
{
    [Fact]
    public async Task A_vacancy_is_posted_open_with_every_field()
    {
        var vacancy = await jobMatching.Client.CreateVacancyAsync();

        Assert.Equal("open", vacancy.GetProperty("status").GetString());
        Assert.Equal("welder", vacancy.GetProperty("tradeCode").GetString());
        Assert.Equal("intermediate", vacancy.GetProperty("requiredLevel").GetString());
        Assert.Equal("welder", vacancy.GetProperty("requiredCertificates")[0].GetProperty("tradeCode").GetString());
        Assert.Equal("juniorHigh", vacancy.GetProperty("minimumEducation").GetString());
        Assert.Equal(3, vacancy.GetProperty("headcount").GetInt32());
        Assert.Equal(0, vacancy.GetProperty("filled").GetInt32());
        Assert.Equal(4000m, vacancy.GetProperty("wageMin").GetDecimal());
        Assert.Equal(6000m, vacancy.GetProperty("wageMax").GetDecimal());
        Assert.True(vacancy.GetProperty("accommodation").GetBoolean());
        Assert.Equal("419921101201", vacancy.GetProperty("division").GetString());
    }

    [Fact]
    public async Task Bad_terms_are_a_400_naming_each_field()
    {
        var employer = await jobMatching.Client.CreateEmployerAsync();
        var body = JobMatchingApi.Vacancy(employer.GetProperty("id").GetGuid());
        body["tradeCode"] = "astronaut";
        body["headcount"] = 0;
        body["wageMin"] = 7000m;
        body["wageMax"] = 6000.123m;
        body["validThrough"] = "2020-01-01";
        body["requiredCertificates"] = new[] { new { tradeCode = "nope", level = "junior" } };

        var problem = await (await jobMatching.Client.PostAsJsonAsync($"{JobMatchingApi.Root}/vacancies", body)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("tradeCode", problem.ErrorFields());
        Assert.Contains("headcount", problem.ErrorFields());
        Assert.Contains("wageMax", problem.ErrorFields());
        Assert.Contains("validThrough", problem.ErrorFields());
        Assert.Contains("requiredCertificates[0].tradeCode", problem.ErrorFields());
    }

    [Fact]
    public async Task A_vacancy_outside_the_callers_division_is_read_by_any_office_but_posted_and_changed_only_by_its_own()
    {
        var countyA = jobMatching.ClientFor(Caller.Staff("419921000000", Roles.CountyOfficer, Scopes.JobMatchingRead, Scopes.JobMatchingWrite));
        var vacancy = await jobMatching.Client.CreateVacancyAsync("419922101201");
        var employerId = vacancy.GetProperty("employerId").GetGuid();
        var path = $"{JobMatchingApi.Root}/vacancies/{vacancy.GetProperty("id").GetGuid()}";

        var (read, _) = await countyA.ReadAsync(path);
        Assert.Equal("419922101201", read.GetProperty("division").GetString());
        await (await countyA.PostAsJsonAsync($"{JobMatchingApi.Root}/vacancies", JobMatchingApi.Vacancy(employerId))).AssertProblemAsync(HttpStatusCode.NotFound);
        var (_, etag) = await jobMatching.Client.ReadAsync(path);
        await (await countyA.SendWithIfMatchAsync(HttpMethod.Post, $"{path}/status", new { status = "closed" }, etag)).AssertProblemAsync(HttpStatusCode.NotFound);
        var terms = JobMatchingApi.Vacancy(employerId);
        terms.Remove("employerId");
        await (await countyA.SendWithIfMatchAsync(HttpMethod.Put, path, terms, etag)).AssertProblemAsync(HttpStatusCode.NotFound);
        var list = await countyA.GetFromJsonAsync<JsonElement>($"{JobMatchingApi.Root}/vacancies?employerId={employerId}");
        Assert.Equal(vacancy.GetProperty("id").GetGuid(), Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        var (unchanged, _) = await jobMatching.Client.ReadAsync(path);
        Assert.Equal("open", unchanged.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Every_vacancy_a_workers_matches_name_can_be_read_with_its_employer_by_the_office_that_asked()
    {
        var township = jobMatching.ClientFor(Caller.Staff("419921101000", Roles.TownshipOfficer, Scopes.JobMatchingRead));
        var workerId = await Workers.RegisterAsync(jobMatching, Workers.Welder(where: "anywhere"), "419921101201");
        var inAnotherCounty = await jobMatching.Client.CreateVacancyAsync("419922101201");
        var inAPartnerCity = await jobMatching.Client.CreateVacancyAsync(JobMatchingApi.Vacancy((await jobMatching.Client.CreateEmployerAsync(new
        {
            name = "天津某机械厂",
            creditCode = JobMatchingApi.NewCreditCode(),
            locality = "partnerCity",
            partnerCity = "tianjin",
            industry = "C",
            size = "large",
        })).GetProperty("id").GetGuid()));

        var matches = await township.GetFromJsonAsync<JsonElement>($"{JobMatchingApi.Root}/candidates/{workerId}/matches?limit=100");

        var named = matches.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("vacancyId").GetGuid()).ToList();
        Assert.Contains(inAnotherCounty.GetProperty("id").GetGuid(), named);
        Assert.Contains(inAPartnerCity.GetProperty("id").GetGuid(), named);
        foreach (var vacancyId in named)
        {
            var (vacancy, _) = await township.ReadAsync($"{JobMatchingApi.Root}/vacancies/{vacancyId}");
            await township.ReadAsync($"{JobMatchingApi.Root}/employers/{vacancy.GetProperty("employerId").GetGuid()}");
        }
    }

    [Fact]
    public async Task Staff_close_and_reopen_a_vacancy_with_if_match_but_never_set_filled_or_expired()
    {
        var vacancy = await jobMatching.Client.CreateVacancyAsync();
        var path = $"{JobMatchingApi.Root}/vacancies/{vacancy.GetProperty("id").GetGuid()}";
        var (_, etag) = await jobMatching.Client.ReadAsync(path);

        await (await jobMatching.Client.SendWithIfMatchAsync(HttpMethod.Post, $"{path}/status", new { status = "closed" }, null)).AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        var filled = await (await jobMatching.Client.SendWithIfMatchAsync(HttpMethod.Post, $"{path}/status", new { status = "filled" }, etag)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("status", filled.ErrorFields());
        var closed = await jobMatching.Client.SendWithIfMatchAsync(HttpMethod.Post, $"{path}/status", new { status = "closed" }, etag);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal("closed", (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        await (await jobMatching.Client.SendWithIfMatchAsync(HttpMethod.Post, $"{path}/status", new { status = "open" }, etag)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);

        var again = await (await jobMatching.Client.SendWithIfMatchAsync(HttpMethod.Post, $"{path}/status", new { status = "closed" }, closed.Headers.ETag!.Tag))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("vacancy-transition-not-allowed", again.GetProperty("code").GetString());
        var reopened = await jobMatching.Client.SendWithIfMatchAsync(HttpMethod.Post, $"{path}/status", new { status = "open" }, closed.Headers.ETag!.Tag);
        Assert.Equal("open", (await reopened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_open_vacancy_past_its_valid_through_day_expires_by_itself_and_reopens_only_when_extended()
    {
        var vacancy = await jobMatching.Client.CreateVacancyAsync();
        var id = vacancy.GetProperty("id").GetGuid();
        var path = $"{JobMatchingApi.Root}/vacancies/{id}";

        await jobMatching.Database.ExecuteAsAdminAsync($"UPDATE jobmatching.vacancies SET valid_through = current_date - 2 WHERE id = '{id}'");

        var (expired, etag) = await Eventually.MatchesAsync(
            () => jobMatching.Client.ReadAsync(path),
            read => read.Body.GetProperty("status").GetString() == "expired",
            "the vacancy to expire");
        var refused = await (await jobMatching.Client.SendWithIfMatchAsync(HttpMethod.Post, $"{path}/status", new { status = "open" }, etag))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("vacancy-valid-through-past", refused.GetProperty("code").GetString());

        var terms = JobMatchingApi.Vacancy(expired.GetProperty("employerId").GetGuid());
        terms.Remove("employerId");
        var extended = await jobMatching.Client.SendWithIfMatchAsync(HttpMethod.Put, path, terms, etag);
        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        Assert.Equal("expired", (await extended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var reopened = await jobMatching.Client.SendWithIfMatchAsync(HttpMethod.Post, $"{path}/status", new { status = "open" }, extended.Headers.ETag!.Tag);
        Assert.Equal("open", (await reopened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_closed_vacancy_does_not_expire_and_a_future_one_stays_open()
    {
        var open = await jobMatching.Client.CreateVacancyAsync();
        var closing = await jobMatching.Client.CreateVacancyAsync();
        var closingPath = $"{JobMatchingApi.Root}/vacancies/{closing.GetProperty("id").GetGuid()}";
        var (_, etag) = await jobMatching.Client.ReadAsync(closingPath);
        Assert.Equal(HttpStatusCode.OK, (await jobMatching.Client.SendWithIfMatchAsync(HttpMethod.Post, $"{closingPath}/status", new { status = "closed" }, etag)).StatusCode);
        var marker = await jobMatching.Client.CreateVacancyAsync();
        await jobMatching.Database.ExecuteAsAdminAsync(
            $"UPDATE jobmatching.vacancies SET valid_through = current_date - 2 WHERE id IN ('{closing.GetProperty("id").GetGuid()}', '{marker.GetProperty("id").GetGuid()}')");

        await Eventually.MatchesAsync(
            async () => (await jobMatching.Client.ReadAsync($"{JobMatchingApi.Root}/vacancies/{marker.GetProperty("id").GetGuid()}")).Body.GetProperty("status").GetString(),
            status => status == "expired",
            "the marker vacancy to expire");

        Assert.Equal("closed", (await jobMatching.Client.ReadAsync(closingPath)).Body.GetProperty("status").GetString());
        Assert.Equal("open", (await jobMatching.Client.ReadAsync($"{JobMatchingApi.Root}/vacancies/{open.GetProperty("id").GetGuid()}")).Body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Vacancies_are_listed_by_employer_status_and_trade()
    {
        var vacancy = await jobMatching.Client.CreateVacancyAsync(tradeCode: "electrician");
        var employerId = vacancy.GetProperty("employerId").GetGuid();

        var open = await jobMatching.Client.GetFromJsonAsync<JsonElement>($"{JobMatchingApi.Root}/vacancies?employerId={employerId}&status=open&tradeCode=electrician");
        var closed = await jobMatching.Client.GetFromJsonAsync<JsonElement>($"{JobMatchingApi.Root}/vacancies?employerId={employerId}&status=closed");

        Assert.Equal(vacancy.GetProperty("id").GetGuid(), Assert.Single(open.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(0, closed.GetProperty("items").GetArrayLength());
        var bad = await (await jobMatching.Client.GetAsync($"{JobMatchingApi.Root}/vacancies?status=gone")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("status", bad.ErrorFields());
    }

    [Fact]
    public async Task A_partner_city_employers_vacancy_is_in_that_city_and_takes_no_division()
    {
        var employer = await jobMatching.Client.CreateEmployerAsync(new
        {
            name = "北京某物流公司",
            creditCode = JobMatchingApi.NewCreditCode(),
            locality = "partnerCity",
            partnerCity = "beijing",
            industry = "G",
            size = "large",
        });
        var body = JobMatchingApi.Vacancy(employer.GetProperty("id").GetGuid(), "logistics");

        var vacancy = await jobMatching.Client.CreateVacancyAsync(body);
        Assert.Equal("beijing", vacancy.GetProperty("partnerCity").GetString());

        body["division"] = "419921101201";
        var problem = await (await jobMatching.Client.PostAsJsonAsync($"{JobMatchingApi.Root}/vacancies", body)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("division", problem.ErrorFields());
    }
}
