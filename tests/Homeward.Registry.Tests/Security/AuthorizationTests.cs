using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Testing;

namespace Homeward.Registry.Tests.Security;

/// <summary>Scopes and roles decide what a valid caller may do; partner cities never reach worker data.</summary>
public sealed class AuthorizationTests(RegistryService registry) : IClassFixture<RegistryService>
{
    [Fact]
    public async Task Registering_needs_the_write_scope()
    {
        var readOnly = registry.ClientFor(Caller.Staff(Caller.City, Roles.CityAdmin, Scopes.RegistryRead));

        var response = await readOnly.PostAsJsonAsync("/api/registry/v1/workers", Body(NationalIds.Next()));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Reading_needs_the_read_scope_of_the_registry_not_of_another_service()
    {
        var otherService = registry.ClientFor(Caller.Staff(Caller.City, Roles.CityAdmin, Scopes.RegistryWrite, Scopes.JobMatchingRead));

        var response = await otherService.GetAsync("/api/registry/v1/workers");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_partner_city_client_cannot_reach_worker_data_even_with_a_registry_scope_in_its_token()
    {
        var partner = Caller.Partner("beijing") with { Scopes = [Scopes.PartnerSync, Scopes.RegistryRead] };

        var response = await registry.ClientFor(partner).GetAsync("/api/registry/v1/workers");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_app_with_the_right_scopes_may_register_and_read()
    {
        var app = registry.ClientFor(Caller.App(Scopes.RegistryRead, Scopes.RegistryWrite));

        var created = await app.PostAsJsonAsync("/api/registry/v1/workers", Body(NationalIds.Next()));
        var read = await app.GetAsync(created.Headers.Location);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Theory]
    [InlineData(Roles.TownshipOfficer)]
    [InlineData(Roles.VillageCollector)]
    [InlineData(Roles.Auditor)]
    public async Task Revealing_personal_data_needs_a_city_or_county_office_even_with_the_reveal_scope(string role)
    {
        var workerId = await RegisterAsync();
        var caller = Caller.Staff(Caller.City, role, Scopes.RegistryRead, Scopes.RegistryReveal);

        var response = await registry.ClientFor(caller).PostAsJsonAsync(
            $"/api/registry/v1/workers/{workerId}/personal-data/reveal",
            new { reason = "Verifying identity for a loan guarantee." });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0L, await registry.Database.ScalarAsAdminAsync<long>(
            $"SELECT count(*) FROM registry.personal_data_reveals WHERE worker_id = '{workerId}'"));
    }

    [Fact]
    public async Task Revealing_personal_data_needs_the_reveal_scope()
    {
        var workerId = await RegisterAsync();
        var caller = Caller.Staff(Caller.City, Roles.CountyOfficer, Scopes.RegistryRead, Scopes.RegistryWrite);

        var response = await registry.ClientFor(caller).PostAsJsonAsync(
            $"/api/registry/v1/workers/{workerId}/personal-data/reveal",
            new { reason = "Verifying identity for a loan guarantee." });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_reveal_audit_trail_is_for_auditors_and_city_administrators()
    {
        var countyOfficer = registry.ClientFor(Caller.Staff("419921000000", Roles.CountyOfficer, Scopes.RegistryRead));
        var auditor = registry.ClientFor(Caller.Staff("419921000000", Roles.Auditor, Scopes.RegistryRead));

        await (await countyOfficer.GetAsync("/api/registry/v1/personal-data-reveals")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/registry/v1/personal-data-reveals")).StatusCode);
    }

    private static object Body(string nationalId) => new { nationalId, name = "冯刚", householdDivision = "419921101201" };

    private async Task<Guid> RegisterAsync()
    {
        var response = await registry.Client.PostAsJsonAsync("/api/registry/v1/workers", Body(NationalIds.Next()));
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
