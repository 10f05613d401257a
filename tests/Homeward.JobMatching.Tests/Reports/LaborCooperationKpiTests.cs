using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Tests.Candidates;
using Homeward.JobMatching.Tests.Partners;
using Homeward.Testing;

namespace Homeward.JobMatching.Tests.Reports;

public sealed class LaborCooperationKpiTests(JobMatchingService jobMatching) : IClassFixture<JobMatchingService>
{
    private const string Root = JobMatchingApi.Root;
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [Fact]
    public async Task The_figures_count_partner_enterprises_fairs_cross_region_placements_retention_and_rights_cases_of_the_division()
    {
        await PartnerApi.EnsurePartnerCityAsync(jobMatching, "beijing");
        var enterprise = (await jobMatching.Client.CreateEmployerAsync(PartnerApi.Enterprise("beijing"))).GetProperty("id").GetGuid();
        await jobMatching.Client.CreateEmployerAsync(PartnerApi.Enterprise("tianjin"));
        Assert.Equal(HttpStatusCode.Created, (await jobMatching.Client.PostAsJsonAsync($"{Root}/job-fairs", new { title = "对接会", date = Today.AddDays(-3), place = "市人才市场", kind = "local" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await jobMatching.Client.PostAsJsonAsync($"{Root}/job-fairs", new { title = "下月对接会", date = Today.AddDays(20), place = "市人才市场", kind = "local" })).StatusCode);
        var stayed = await PlaceAsync(enterprise, Today.AddMonths(-7), 5000m);
        var left = await PlaceAsync(enterprise, Today.AddMonths(-7), 4000m);
        await EndAsync(left, Today.AddMonths(-2));
        var worker = (await jobMatching.Client.ReadAsync($"{Root}/placements/{stayed}")).Body.GetProperty("workerId").GetGuid();
        var opened = await jobMatching.Client.PostAsJsonAsync($"{Root}/rights-cases", new { workerId = worker, kind = "contract", severity = "low", description = "未签合同" });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);

        var kpis = await jobMatching.Client.GetFromJsonAsync<JsonElement>($"{Root}/kpis/labor-cooperation?from={Today.AddYears(-1):yyyy-MM-dd}");
        var elsewhere = await jobMatching.ClientFor(Caller.Staff("419922000000", Roles.CountyOfficer, Scopes.JobMatchingRead))
            .GetFromJsonAsync<JsonElement>($"{Root}/kpis/labor-cooperation");

        Assert.Equal(2, kpis.GetProperty("partnerEnterprises").GetInt32());
        Assert.Equal(1, kpis.GetProperty("fairsHeld").GetInt32());
        Assert.Equal(2, kpis.GetProperty("crossRegionPlacements").GetInt32());
        Assert.Equal(4500m, kpis.GetProperty("crossRegionMeanMonthlyWage").GetDecimal());
        Assert.Equal(1m, kpis.GetProperty("retentionAt3Months").GetDecimal());
        Assert.Equal(0.5m, kpis.GetProperty("retentionAt6Months").GetDecimal());
        Assert.Equal(1, kpis.GetProperty("openRightsCases").GetInt32());
        Assert.Equal(JsonValueKind.Null, kpis.GetProperty("meanDaysToResolution").ValueKind);
        Assert.Equal((0, 0, 0), (elsewhere.GetProperty("crossRegionPlacements").GetInt32(), elsewhere.GetProperty("openRightsCases").GetInt32(), elsewhere.GetProperty("fairsHeld").GetInt32()));
        await (await jobMatching.ClientFor(Caller.Staff("419922000000", Roles.CountyOfficer, Scopes.JobMatchingRead))
            .GetAsync($"{Root}/kpis/labor-cooperation?division=419921000000")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    private async Task<Guid> PlaceAsync(Guid employerId, DateOnly start, decimal wage)
    {
        var workerId = await Workers.RegisterAsync(jobMatching, Workers.Welder(where: "anywhere"));
        var placed = await jobMatching.Client.PostAsJsonAsync($"{Root}/placements", new { employerId, workerId, tradeCode = "welder", monthlyWage = wage, startDate = start.ToString("yyyy-MM-dd") });
        Assert.True(placed.StatusCode == HttpStatusCode.Created, await placed.Content.ReadAsStringAsync());
        return (await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task EndAsync(Guid placementId, DateOnly end)
    {
        var (_, etag) = await jobMatching.Client.ReadAsync($"{Root}/placements/{placementId}");
        var ended = await jobMatching.Client.SendWithIfMatchAsync(HttpMethod.Post, $"{Root}/placements/{placementId}/end", new { endDate = end.ToString("yyyy-MM-dd"), reason = "resigned" }, etag);
        Assert.True(ended.StatusCode == HttpStatusCode.OK, await ended.Content.ReadAsStringAsync());
    }
}
