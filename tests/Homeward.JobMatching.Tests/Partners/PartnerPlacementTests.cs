using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Tests.Candidates;
using Homeward.Testing;

namespace Homeward.JobMatching.Tests.Partners;

/// <summary>Partner reports on our workers placed with their enterprises: confirmation, wage change, departure.</summary>
public sealed class PartnerPlacementTests(JobMatchingService jobMatching) : IClassFixture<JobMatchingService>
{
    private static readonly string Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_partner_confirms_changes_the_wage_of_and_reports_the_departure_of_a_worker_at_its_enterprise()
    {
        var placementId = await PlaceWithPartnerAsync("tianjin");
        var tianjin = PartnerApi.Client(jobMatching, "tianjin");
        var reports = $"{PartnerApi.Root}/placements/{placementId}/reports";

        var listed = await tianjin.GetFromJsonAsync<JsonElement>($"{PartnerApi.Root}/placements");
        Assert.Contains(placementId, listed.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("placementId").GetGuid()));
        Assert.DoesNotContain("周工", listed.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("419921101201", listed.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await tianjin.PostAsJsonAsync(reports, new { kind = "confirmed", date = Today })).StatusCode);
        await (await tianjin.PostAsJsonAsync(reports, new { kind = "confirmed", date = Today })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Created, (await tianjin.PostAsJsonAsync(reports, new { kind = "wageChanged", date = Today, monthlyWage = 6100m })).StatusCode);
        var (placement, _) = await jobMatching.Client.ReadAsync($"{JobMatchingApi.Root}/placements/{placementId}");
        Assert.Equal(Today, placement.GetProperty("confirmedOn").GetString());
        Assert.Equal(6100m, placement.GetProperty("monthlyWage").GetDecimal());

        Assert.Equal(HttpStatusCode.Created, (await tianjin.PostAsJsonAsync(reports, new { kind = "departed", date = Today, reason = "couldNotAdapt", note = "不适应夜班" })).StatusCode);

        (placement, _) = await jobMatching.Client.ReadAsync($"{JobMatchingApi.Root}/placements/{placementId}");
        Assert.Equal("couldNotAdapt", placement.GetProperty("endReason").GetString());
        var recorded = await jobMatching.Client.GetFromJsonAsync<JsonElement>($"{JobMatchingApi.Root}/placements/{placementId}/reports");
        Assert.Equal(["confirmed", "wageChanged", "departed"], recorded.EnumerateArray().Select(r => r.GetProperty("kind").GetString()));
        Assert.Equal(1L, await jobMatching.Database.ScalarAsAdminAsync<long>(
            $"SELECT count(*) FROM jobmatching.outbox_messages WHERE type LIKE '%placement-ended%' AND payload->>'placementId' = '{placementId}'"));
        Assert.Equal(
            "confirmed wageChanged departed",
            await jobMatching.Database.ScalarAsAdminAsync<string>(
                $"SELECT string_agg(payload->>'kind', ' ' ORDER BY seq) FROM jobmatching.outbox_messages WHERE type LIKE '%placement-reported%' AND payload->>'placementId' = '{placementId}'"));
        await (await tianjin.PostAsJsonAsync(reports, new { kind = "departed", date = Today, reason = "resigned" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Another_partner_neither_sees_nor_reports_on_the_placement_and_bad_reports_name_their_fields()
    {
        var placementId = await PlaceWithPartnerAsync("tianjin");
        var beijing = PartnerApi.Client(jobMatching, "beijing");

        var listed = await beijing.GetFromJsonAsync<JsonElement>($"{PartnerApi.Root}/placements?limit=200");
        await (await beijing.PostAsJsonAsync($"{PartnerApi.Root}/placements/{placementId}/reports", new { kind = "departed", date = Today, reason = "resigned" }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        var bad = await (await PartnerApi.Client(jobMatching, "tianjin").PostAsJsonAsync(
            $"{PartnerApi.Root}/placements/{placementId}/reports", new { kind = "wageChanged", date = "2999-01-01", reason = "resigned" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.DoesNotContain(placementId.ToString(), listed.GetRawText(), StringComparison.Ordinal);
        Assert.Superset(new HashSet<string> { "monthlyWage", "date", "reason" }, bad.ErrorFields().ToHashSet());
        var (placement, _) = await jobMatching.Client.ReadAsync($"{JobMatchingApi.Root}/placements/{placementId}");
        Assert.Equal(JsonValueKind.Null, placement.GetProperty("endDate").ValueKind);
    }

    [Fact]
    public async Task The_reports_of_a_placement_are_for_the_offices_of_the_workers_division_only()
    {
        var placementId = await PlaceWithPartnerAsync("tianjin");
        Assert.Equal(HttpStatusCode.Created, (await PartnerApi.Client(jobMatching, "tianjin")
            .PostAsJsonAsync($"{PartnerApi.Root}/placements/{placementId}/reports", new { kind = "confirmed", date = Today })).StatusCode);
        var path = $"{JobMatchingApi.Root}/placements/{placementId}/reports";

        var ownTownship = await jobMatching.ClientFor(Caller.Staff("419921101000", Roles.TownshipOfficer, Scopes.JobMatchingRead)).GetAsync(path);
        var otherCounty = await jobMatching.ClientFor(Caller.Staff("419922000000", Roles.CountyOfficer, Scopes.JobMatchingRead)).GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, ownTownship.StatusCode);
        await otherCounty.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>A worker of village 419921101201 hired by staff into a vacancy the partner city synchronised.</summary>
    private async Task<Guid> PlaceWithPartnerAsync(string partnerCity)
    {
        var workerId = await Workers.RegisterAsync(jobMatching, Workers.Welder(where: "anywhere", trade: "electrician"));
        var enterprise = await PartnerApi.CreateEnterpriseAsync(jobMatching, partnerCity);
        var created = await PartnerApi.Client(jobMatching, partnerCity)
            .SendWithIfMatchAsync(HttpMethod.Put, $"{PartnerApi.Root}/vacancies/p-{Guid.NewGuid():N}", PartnerApi.Vacancy(enterprise), null);
        var vacancyId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("vacancyId").GetGuid();
        var placed = await jobMatching.Client.PostAsJsonAsync($"{JobMatchingApi.Root}/placements", new { vacancyId, workerId, monthlyWage = 5600m, startDate = Today });
        Assert.True(placed.StatusCode == HttpStatusCode.Created, await placed.Content.ReadAsStringAsync());
        var placement = await placed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(placement.GetProperty("crossRegion").GetBoolean());
        return placement.GetProperty("id").GetGuid();
    }
}
