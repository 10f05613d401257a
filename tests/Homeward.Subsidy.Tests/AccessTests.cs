using System.Net;
using System.Net.Http.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Testing;

namespace Homeward.Subsidy.Tests;

/// <summary>Every route asks for a subsidy token; changes need the write scope, and partners never pass.</summary>
public sealed class AccessTests(SubsidyService subsidy) : IClassFixture<SubsidyService>
{
    public static readonly TheoryData<string> Writes = new()
    {
        "/policies",
        "/businesses",
        "/applications",
        $"/applications/{Guid.Empty}/submission",
        $"/applications/{Guid.Empty}/pre-review",
        $"/applications/{Guid.Empty}/approval",
        "/disbursements",
        $"/disbursements/{Guid.Empty}/outcome",
        "/loans",
        $"/businesses/{Guid.Empty}/tax-relief",
        "/outreach/runs",
    };

    public static readonly TheoryData<string> Reads = new()
    {
        "/policies",
        "/businesses",
        "/applications",
        "/applications/overdue",
        "/disbursements",
        "/loans",
        "/kpis",
        "/outreach/notifications",
        $"/workers/{Guid.Empty}",
        $"/workers/{Guid.Empty}/eligibility",
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task A_change_needs_the_write_scope_and_is_refused_to_partners_and_village_collectors_outside_case_work(string route)
    {
        var path = SubsidyApi.Root + route;

        await (await subsidy.Anonymous.PostAsJsonAsync(path, new { })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await subsidy.ClientFor(Caller.Staff(Caller.City, Roles.CityAdmin, Scopes.SubsidyRead)).PostAsJsonAsync(path, new { }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await subsidy.ClientFor(Caller.Partner("tianjin") with { Scopes = [Scopes.PartnerSync, Scopes.SubsidyWrite] }).PostAsJsonAsync(path, new { }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await subsidy.ClientFor(Caller.App(Scopes.SubsidyWrite)).PostAsJsonAsync(path, new { }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task A_read_needs_a_subsidy_token_with_the_read_scope(string route)
    {
        var path = SubsidyApi.Root + route;

        await (await subsidy.Anonymous.GetAsync(path)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await subsidy.ClientFor(Caller.Staff(Caller.City, Roles.CityAdmin, Scopes.RegistryRead)).GetAsync(path)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await subsidy.ClientFor(Caller.Staff(Caller.City, Roles.CityAdmin, Scopes.SubsidyWrite)).GetAsync(path)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
