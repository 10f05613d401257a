using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Testing;

namespace Homeward.JobMatching.Tests.Employers;

public sealed class EmployerTests(JobMatchingService jobMatching) : IClassFixture<JobMatchingService>
{
    private const string CountyA = "419921000000";
    private const string CountyB = "419922000000";

    [Fact]
    public async Task An_employer_is_recorded_with_its_contacts_phone_masked_and_encrypted_at_rest()
    {
        var response = await jobMatching.Client.PostAsJsonAsync($"{JobMatchingApi.Root}/employers", JobMatchingApi.LocalEmployer());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("13812345678", body, StringComparison.Ordinal);
        var employer = JsonDocument.Parse(body).RootElement;
        Assert.Equal($"{JobMatchingApi.Root}/employers/{employer.GetProperty("id").GetGuid()}", response.Headers.Location?.ToString());
        Assert.Equal("local", employer.GetProperty("locality").GetString());
        Assert.Equal("C", employer.GetProperty("industry").GetString());
        Assert.Equal("medium", employer.GetProperty("size").GetString());
        var contact = employer.GetProperty("contacts")[0];
        Assert.Equal("刘经理", contact.GetProperty("name").GetString());
        Assert.Equal("138****5678", contact.GetProperty("phone").GetString());

        var (read, _) = await jobMatching.Client.ReadAsync($"{JobMatchingApi.Root}/employers/{employer.GetProperty("id").GetGuid()}");
        Assert.Equal("138****5678", read.GetProperty("contacts")[0].GetProperty("phone").GetString());
        Assert.DoesNotContain("13812345678", read.GetRawText(), StringComparison.Ordinal);
        var stored = await jobMatching.Database.ScalarAsAdminAsync<long>(
            $"SELECT count(*) FROM jobmatching.employer_contacts WHERE employer_id = '{employer.GetProperty("id").GetGuid()}' "
            + "AND position('13812345678' in encode(phone_ciphertext, 'escape')) = 0 AND phone_masked = '138****5678'");
        Assert.Equal(1L, stored);
    }

    [Fact]
    public async Task A_credit_code_with_a_wrong_check_character_is_a_400_naming_the_field()
    {
        var valid = JobMatchingApi.NewCreditCode();
        var wrong = valid[..17] + (valid[17] == '0' ? '1' : '0');

        var response = await jobMatching.Client.PostAsJsonAsync($"{JobMatchingApi.Root}/employers", JobMatchingApi.LocalEmployer(creditCode: wrong));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("creditCode", problem.ErrorFields());
    }

    [Fact]
    public async Task Bad_industry_size_division_and_contact_phone_are_each_named()
    {
        var response = await jobMatching.Client.PostAsJsonAsync($"{JobMatchingApi.Root}/employers", new
        {
            name = "某公司",
            creditCode = JobMatchingApi.NewCreditCode(),
            locality = "local",
            division = "110101000000",
            industry = "Z",
            size = "medium",
            contacts = new[] { new { name = "张", phone = "12345" } },
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("industry", problem.ErrorFields());
        Assert.Contains("division", problem.ErrorFields());
        Assert.Contains("contacts[0].phone", problem.ErrorFields());
    }

    [Fact]
    public async Task An_unknown_size_is_a_400_naming_the_field()
    {
        var response = await jobMatching.Client.PostAsJsonAsync($"{JobMatchingApi.Root}/employers", new
        {
            name = "某公司",
            creditCode = JobMatchingApi.NewCreditCode(),
            locality = "local",
            division = "419921101201",
            industry = "C",
            size = "huge",
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("size", problem.ErrorFields());
    }

    [Fact]
    public async Task The_same_credit_code_twice_is_a_409_pointing_to_the_first_employer()
    {
        var creditCode = JobMatchingApi.NewCreditCode();
        var first = await jobMatching.Client.CreateEmployerAsync(JobMatchingApi.LocalEmployer(creditCode: creditCode));

        var response = await jobMatching.Client.PostAsJsonAsync($"{JobMatchingApi.Root}/employers", JobMatchingApi.LocalEmployer("419922101201", creditCode.ToLowerInvariant()));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("employer-already-registered", problem.GetProperty("code").GetString());
        Assert.Equal($"{JobMatchingApi.Root}/employers/{first.GetProperty("id").GetGuid()}", problem.GetProperty("existing").GetString());
    }

    [Fact]
    public async Task A_partner_city_employer_is_looked_after_by_the_recording_office()
    {
        var county = jobMatching.ClientFor(Caller.Staff(CountyA, Roles.CountyOfficer, Scopes.JobMatchingRead, Scopes.JobMatchingWrite));

        var employer = await county.CreateEmployerAsync(new
        {
            name = "天津某电子厂",
            creditCode = JobMatchingApi.NewCreditCode(),
            locality = "partnerCity",
            partnerCity = "tianjin",
            industry = "C",
            size = "large",
        });

        Assert.Equal("partnerCity", employer.GetProperty("locality").GetString());
        Assert.Equal("tianjin", employer.GetProperty("partnerCity").GetString());
        Assert.Equal(CountyA, employer.GetProperty("division").GetString());
        var other = jobMatching.ClientFor(Caller.Staff(CountyB, Roles.CountyOfficer, Scopes.JobMatchingRead, Scopes.JobMatchingWrite));
        var path = $"{JobMatchingApi.Root}/employers/{employer.GetProperty("id").GetGuid()}";
        var (read, etag) = await other.ReadAsync(path);
        Assert.Equal(CountyA, read.GetProperty("division").GetString());
        var change = new { name = "天津某电子厂", locality = "partnerCity", partnerCity = "tianjin", industry = "C", size = "medium" };
        await (await other.SendWithIfMatchAsync(HttpMethod.Put, path, change, etag)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_partner_city_is_a_400_naming_the_field()
    {
        var response = await jobMatching.Client.PostAsJsonAsync($"{JobMatchingApi.Root}/employers", new
        {
            name = "某公司",
            creditCode = JobMatchingApi.NewCreditCode(),
            locality = "partnerCity",
            partnerCity = "atlantis",
            industry = "C",
            size = "small",
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("partnerCity", problem.ErrorFields());
    }

    [Fact]
    public async Task Staff_of_any_division_read_an_employer_with_masked_contacts_but_change_only_those_of_their_own()
    {
        var countyA = jobMatching.ClientFor(Caller.Staff(CountyA, Roles.CountyOfficer, Scopes.JobMatchingRead, Scopes.JobMatchingWrite));
        var countyB = jobMatching.ClientFor(Caller.Staff(CountyB, Roles.CountyOfficer, Scopes.JobMatchingRead, Scopes.JobMatchingWrite));
        var employer = await countyB.CreateEmployerAsync(JobMatchingApi.LocalEmployer("419922101201"));
        var path = $"{JobMatchingApi.Root}/employers/{employer.GetProperty("id").GetGuid()}";

        var (readByA, etag) = await countyA.ReadAsync(path);
        Assert.Equal("138****5678", readByA.GetProperty("contacts")[0].GetProperty("phone").GetString());
        await (await countyA.SendWithIfMatchAsync(HttpMethod.Put, path, ChangeBody("419921101201"), etag)).AssertProblemAsync(HttpStatusCode.NotFound);
        var listA = await countyA.GetFromJsonAsync<JsonElement>($"{JobMatchingApi.Root}/employers?limit=200");
        Assert.Contains(listA.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetGuid() == employer.GetProperty("id").GetGuid());
        Assert.All(listA.GetProperty("items").EnumerateArray(), e => Assert.DoesNotContain("13812345678", e.GetRawText(), StringComparison.Ordinal));
        var (unchanged, _) = await jobMatching.Client.ReadAsync(path);
        Assert.Equal("419922101201", unchanged.GetProperty("division").GetString());

        await (await countyA.PostAsJsonAsync($"{JobMatchingApi.Root}/employers", JobMatchingApi.LocalEmployer("419922101201")))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await countyB.SendWithIfMatchAsync(HttpMethod.Put, path, ChangeBody("419921101201"), etag)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_change_needs_the_current_etag_and_replaces_the_contacts()
    {
        var employer = await jobMatching.Client.CreateEmployerAsync();
        var path = $"{JobMatchingApi.Root}/employers/{employer.GetProperty("id").GetGuid()}";
        var (_, etag) = await jobMatching.Client.ReadAsync(path);

        await (await jobMatching.Client.SendWithIfMatchAsync(HttpMethod.Put, path, ChangeBody("419921101202"), null)).AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await jobMatching.Client.SendWithIfMatchAsync(HttpMethod.Put, path, ChangeBody("419921101202"), "\"1\"")).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var changed = await jobMatching.Client.SendWithIfMatchAsync(HttpMethod.Put, path, ChangeBody("419921101202"), etag);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var body = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("419921101202", body.GetProperty("division").GetString());
        Assert.Equal("139****4321", Assert.Single(body.GetProperty("contacts").EnumerateArray()).GetProperty("phone").GetString());
        Assert.Equal(employer.GetProperty("creditCode").GetString(), body.GetProperty("creditCode").GetString());
        await (await jobMatching.Client.SendWithIfMatchAsync(HttpMethod.Put, path, ChangeBody("419921101202"), etag)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task A_village_collector_may_read_but_not_record_employers()
    {
        var collector = jobMatching.ClientFor(Caller.Staff("419921101201", Roles.VillageCollector, Scopes.JobMatchingRead, Scopes.JobMatchingWrite));

        await (await collector.PostAsJsonAsync($"{JobMatchingApi.Root}/employers", JobMatchingApi.LocalEmployer())).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await collector.GetAsync($"{JobMatchingApi.Root}/employers")).StatusCode);
    }

    private static object ChangeBody(string division) => new
    {
        name = "示范市精工机械股份有限公司",
        locality = "local",
        division,
        industry = "C",
        size = "large",
        contacts = new[] { new { name = "王主管", role = "车间", phone = "13987654321" } },
    };
}
