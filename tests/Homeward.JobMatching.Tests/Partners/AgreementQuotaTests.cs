using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Tests.Candidates;
using Homeward.Testing;

namespace Homeward.JobMatching.Tests.Partners;

/// <summary>An agreement's quotas are targets: placements past them are made, and the agreement and the KPIs show how far each is met.</summary>
public sealed class AgreementQuotaTests(JobMatchingService jobMatching) : IClassFixture<JobMatchingService>
{
    private const string Root = JobMatchingApi.Root;
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [Fact]
    public async Task Cross_region_placements_into_the_partner_city_within_the_period_count_against_their_sectors_quota_past_it_too()
    {
        await PartnerApi.EnsurePartnerCityAsync(jobMatching, "beijing");
        await PartnerApi.EnsurePartnerCityAsync(jobMatching, "tianjin");
        var agreed = await jobMatching.Client.PostAsJsonAsync($"{Root}/partner-cities/beijing/agreements", new
        {
            title = "京示劳务协作协议",
            validFrom = Today.AddMonths(-6).ToString("yyyy-MM-dd"),
            validTo = Today.AddMonths(6).ToString("yyyy-MM-dd"),
            sectors = new[] { "C", "E" },
            quotas = new[] { new { sector = "C", workers = 2 }, new { sector = "E", workers = 4 } },
        });
        Assert.Equal(HttpStatusCode.Created, agreed.StatusCode);
        Assert.Equal([0, 0], (await agreed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fulfilment").EnumerateArray().Select(f => f.GetProperty("placed").GetInt32()));
        var manufacturing = await EmployerAsync(PartnerApi.Enterprise("beijing", "C"));
        var construction = await EmployerAsync(PartnerApi.Enterprise("beijing", "E"));
        var elsewhere = await EmployerAsync(PartnerApi.Enterprise("tianjin", "C"));
        var local = await EmployerAsync(null);

        foreach (var start in new[] { Today.AddMonths(-5), Today.AddMonths(-1), Today })
        {
            await PlaceAsync(manufacturing, start, "419921101201");
        }

        await PlaceAsync(construction, Today.AddDays(-3), "419922101201");
        await PlaceAsync(manufacturing, Today.AddMonths(-7), "419921101201");
        await PlaceAsync(elsewhere, Today, "419921101201");
        await PlaceAsync(local, Today, "419921101201");

        var agreement = Assert.Single((await jobMatching.Client.GetFromJsonAsync<JsonElement>($"{Root}/partner-cities/beijing/agreements")).EnumerateArray());
        Assert.Equal(
            ["C 2 3 1.5", "E 4 1 0.25"],
            agreement.GetProperty("fulfilment").EnumerateArray().Select(f =>
                $"{f.GetProperty("sector").GetString()} {f.GetProperty("quota").GetInt32()} {f.GetProperty("placed").GetInt32()} {f.GetProperty("share").GetDecimal()}"));

        var city = await jobMatching.Client.GetFromJsonAsync<JsonElement>($"{Root}/kpis/labor-cooperation?from={Today.AddMonths(-1):yyyy-MM-dd}");
        var county = await jobMatching.ClientFor(Caller.Staff("419922000000", Roles.CountyOfficer, Scopes.JobMatchingRead))
            .GetFromJsonAsync<JsonElement>($"{Root}/kpis/labor-cooperation");
        var afterTheAgreement = await jobMatching.Client.GetFromJsonAsync<JsonElement>($"{Root}/kpis/labor-cooperation?from={Today.AddMonths(7):yyyy-MM-dd}&to={Today.AddMonths(8):yyyy-MM-dd}");
        Assert.Equal((6, 4, 0.6667m), Quota(city));
        Assert.Equal((6, 1, 0.1667m), Quota(county));
        Assert.Equal(0, afterTheAgreement.GetProperty("agreementQuota").GetInt32());
        Assert.Equal(JsonValueKind.Null, afterTheAgreement.GetProperty("quotaFulfilment").ValueKind);
    }

    private static (int, int, decimal) Quota(JsonElement kpis) => (
        kpis.GetProperty("agreementQuota").GetInt32(), kpis.GetProperty("placedAgainstQuota").GetInt32(), kpis.GetProperty("quotaFulfilment").GetDecimal());

    private async Task<Guid> EmployerAsync(object? body) => (await jobMatching.Client.CreateEmployerAsync(body)).GetProperty("id").GetGuid();

    private async Task PlaceAsync(Guid employerId, DateOnly start, string village)
    {
        var workerId = await Workers.RegisterAsync(jobMatching, Workers.Welder(where: "anywhere"), village);
        var placed = await jobMatching.Client.PostAsJsonAsync($"{Root}/placements", new { employerId, workerId, tradeCode = "welder", monthlyWage = 5000m, startDate = start.ToString("yyyy-MM-dd") });
        Assert.True(placed.StatusCode == HttpStatusCode.Created, await placed.Content.ReadAsStringAsync());
    }
}
