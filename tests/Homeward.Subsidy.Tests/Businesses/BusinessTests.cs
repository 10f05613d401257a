using System.Net;
using System.Net.Http.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.SharedKernel;
using Homeward.Testing;

namespace Homeward.Subsidy.Tests.Businesses;

/// <summary>Businesses of returning workers: validated credit codes, the founder's division, BusinessRegistered through the outbox.</summary>
public sealed class BusinessTests(SubsidyService subsidy) : IClassFixture<SubsidyService>
{
    [Fact]
    public async Task A_business_is_recorded_in_the_founders_division_and_announced_through_the_outbox()
    {
        var founder = await subsidy.RegisterWorkerAsync(SubsidyEvents.Registered());

        var business = await subsidy.Client.RegisterBusinessAsync(founder, jobs: 4);

        Assert.Equal(SubsidyEvents.Village, business.GetProperty("division").GetString());
        Assert.Equal(4, business.GetProperty("jobsCreated").GetInt32());
        var id = business.GetProperty("id").GetGuid();
        await Eventually.TrueAsync(
            async () => await subsidy.Database.ScalarAsAdminAsync<long>(
                $"SELECT count(*) FROM subsidy.outbox_messages WHERE type = 'urn:message:homeward:subsidy:business-registered:v1' "
                + $"AND payload->>'businessId' = '{id}' AND payload->>'founderWorkerId' = '{founder}' AND processed_at IS NOT NULL") == 1,
            "BusinessRegistered to be published");
    }

    [Fact]
    public async Task An_invalid_credit_code_and_an_unknown_sector_are_400s_naming_the_fields()
    {
        var founder = await subsidy.RegisterWorkerAsync(SubsidyEvents.Registered());
        var request = BusinessRequests.Business(founder, creditCode: "91419900123456789X");
        request["sector"] = "Z";

        var problem = await (await subsidy.Client.PostAsJsonAsync($"{SubsidyApi.Root}/businesses", request)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("creditCode", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("sector", out _));
    }

    [Fact]
    public async Task A_credit_code_already_on_record_is_a_409_pointing_to_the_business()
    {
        var founder = await subsidy.RegisterWorkerAsync(SubsidyEvents.Registered());
        var request = BusinessRequests.Business(founder);
        var first = await subsidy.Client.PostJsonAsync($"{SubsidyApi.Root}/businesses", request);

        var response = await subsidy.Client.PostAsJsonAsync($"{SubsidyApi.Root}/businesses", request);

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.EndsWith(first.GetProperty("id").GetGuid().ToString(), response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_founder_outside_the_callers_division_is_404_and_the_business_stays_out_of_sight_and_lists()
    {
        var founder = await subsidy.RegisterWorkerAsync(SubsidyEvents.Registered(village: SubsidyEvents.OtherCountyVillage));
        var business = await subsidy.Client.RegisterBusinessAsync(founder);
        var otherTownship = subsidy.ClientFor(Caller.Staff("419921101000", Roles.TownshipOfficer, Scopes.SubsidyRead, Scopes.SubsidyWrite));

        await (await otherTownship.PostAsJsonAsync($"{SubsidyApi.Root}/businesses", BusinessRequests.Business(founder))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherTownship.GetAsync($"{SubsidyApi.Root}/businesses/{business.GetProperty("id").GetGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var listed = await otherTownship.ReadJsonAsync($"{SubsidyApi.Root}/businesses?founderWorkerId={founder}");
        Assert.Empty(listed.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_business_registered_in_the_future_breaks_a_rule()
    {
        var founder = await subsidy.RegisterWorkerAsync(SubsidyEvents.Registered());

        var response = await subsidy.Client.PostAsJsonAsync(
            $"{SubsidyApi.Root}/businesses",
            BusinessRequests.Business(founder, registeredOn: TimeProvider.System.Today().AddDays(3).ToString("yyyy-MM-dd")));

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }
}
