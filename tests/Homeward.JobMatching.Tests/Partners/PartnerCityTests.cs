using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Testing;

namespace Homeward.JobMatching.Tests.Partners;

public sealed class PartnerCityTests(JobMatchingService jobMatching) : IClassFixture<JobMatchingService>
{
    [Fact]
    public async Task A_partner_city_is_registered_once_under_a_configured_partner_id_and_counts_its_enterprises()
    {
        var created = await jobMatching.Client.PostAsJsonAsync($"{JobMatchingApi.Root}/partner-cities", new { id = "shanghai", name = "上海市" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await jobMatching.Client.CreateEmployerAsync(PartnerApi.Enterprise("shanghai"));

        var (city, _) = await jobMatching.Client.ReadAsync($"{JobMatchingApi.Root}/partner-cities/shanghai");

        Assert.Equal("上海市", city.GetProperty("name").GetString());
        Assert.Equal(1, city.GetProperty("enterprises").GetInt32());
        await (await jobMatching.Client.PostAsJsonAsync($"{JobMatchingApi.Root}/partner-cities", new { id = "shanghai", name = "上海" }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        var unknown = await (await jobMatching.Client.PostAsJsonAsync($"{JobMatchingApi.Root}/partner-cities", new { id = "atlantis", name = "亚特兰蒂斯" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("id", unknown.ErrorFields());
        await (await jobMatching.Client.GetAsync($"{JobMatchingApi.Root}/partner-cities/atlantis")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_agreement_keeps_its_period_sectors_and_quotas_and_shows_contact_phones_only_masked()
    {
        await PartnerApi.EnsurePartnerCityAsync(jobMatching, "beijing");

        var response = await jobMatching.Client.PostAsJsonAsync($"{JobMatchingApi.Root}/partner-cities/beijing/agreements", new
        {
            title = "京示劳务协作协议 2026",
            validFrom = "2026-01-01",
            validTo = "2026-12-31",
            sectors = new[] { "C", "E" },
            quotas = new[] { new { sector = "C", workers = 800 }, new { sector = "E", workers = 400 } },
            contacts = new[] { new { name = "王主任", role = "人社局", phone = "13912345678" } },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("13912345678", body, StringComparison.Ordinal);
        var agreements = await jobMatching.Client.GetFromJsonAsync<JsonElement>($"{JobMatchingApi.Root}/partner-cities/beijing/agreements");
        var agreement = Assert.Single(agreements.EnumerateArray());
        Assert.Equal("2026-12-31", agreement.GetProperty("validTo").GetString());
        Assert.Equal(["C", "E"], agreement.GetProperty("sectors").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(800, agreement.GetProperty("quotas")[0].GetProperty("workers").GetInt32());
        Assert.Equal("139****5678", agreement.GetProperty("contacts")[0].GetProperty("phoneMasked").GetString());
        Assert.DoesNotContain("13912345678", agreements.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_agreement_names_its_fields_and_only_a_city_office_concludes_one()
    {
        await PartnerApi.EnsurePartnerCityAsync(jobMatching, "beijing");
        var path = $"{JobMatchingApi.Root}/partner-cities/beijing/agreements";

        var problem = await (await jobMatching.Client.PostAsJsonAsync(path, new
        {
            title = "",
            validFrom = "2026-12-31",
            validTo = "2026-01-01",
            sectors = new[] { "Z" },
            quotas = new[] { new { sector = "C", workers = 0 } },
            contacts = new[] { new { name = "王主任", role = "人社局", phone = "123" } },
        })).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Superset(
            new HashSet<string> { "title", "validTo", "sectors[0]", "quotas[0].sector", "quotas[0].workers", "contacts[0].phone" },
            problem.ErrorFields().ToHashSet());
        var county = jobMatching.ClientFor(Caller.Staff("419921000000", Roles.CountyOfficer, Scopes.JobMatchingWrite));
        await (await county.PostAsJsonAsync(path, new { })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await jobMatching.Client.PostAsJsonAsync($"{JobMatchingApi.Root}/partner-cities/nowhere/agreements", new
        {
            title = "沪示协议",
            validFrom = "2026-01-01",
            validTo = "2026-12-31",
            sectors = new[] { "C" },
        })).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
