using System.Net;
using System.Net.Http.Headers;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Tests.Web;
using Homeward.BuildingBlocks.Web;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace Homeward.BuildingBlocks.Tests.Security;

/// <summary>
/// The access declarations every endpoint uses, on a guarded test application: partner cities reach partner
/// endpoints and nothing else; everyone else never reaches a partner endpoint.
/// </summary>
public sealed class EndpointAccessTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private TestTokenIssuer _tokens = null!;

    public async Task InitializeAsync()
    {
        _tokens = await TestTokenIssuer.GetAsync();
        var builder = TestServiceApp.CreateBuilder(_tokens, new ServiceDescription("job-matching", "Access test", "Guarded endpoints."));
        _app = builder.Build();
        _app.UseServiceDefaults();
        _app.MapGet("/partner-only", () => "partner").RequirePartner();
        _app.MapGet("/staff-and-apps", () => "staff").RequireScope(Scopes.JobMatchingRead);
        _app.MapGet("/county-officers", () => "county").RequireScope(Scopes.JobMatchingRead, Roles.CountyOfficer);
        await _app.StartAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_partner_client_reaches_a_partner_endpoint()
    {
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/partner-only", Caller.Partner("beijing")));
    }

    [Fact]
    public async Task A_partner_client_is_refused_everywhere_else_even_with_the_scope()
    {
        var partner = Caller.Partner("beijing") with { Scopes = [Scopes.PartnerSync, Scopes.JobMatchingRead] };

        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync("/staff-and-apps", partner));
    }

    [Fact]
    public async Task Staff_and_apps_never_reach_a_partner_endpoint_even_with_the_partner_scope()
    {
        var staff = Caller.Staff(Caller.City, Roles.CityAdmin, Scopes.PartnerSync, Scopes.JobMatchingRead);
        var app = Caller.App(Scopes.PartnerSync);

        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync("/partner-only", staff));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync("/partner-only", app));
    }

    [Fact]
    public async Task A_partner_token_without_its_partner_city_is_refused()
    {
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync("/partner-only", Caller.Partner("beijing") with { PartnerId = null }));
    }

    [Fact]
    public async Task A_role_restricted_endpoint_needs_both_the_scope_and_one_of_the_roles()
    {
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/county-officers", Caller.Staff("419921000000", Roles.CountyOfficer, Scopes.JobMatchingRead)));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync("/county-officers", Caller.Staff("419921000000", Roles.TownshipOfficer, Scopes.JobMatchingRead)));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync("/county-officers", Caller.Staff("419921000000", Roles.CountyOfficer, Scopes.JobMatchingWrite)));
    }

    [Fact]
    public async Task A_denied_request_is_a_problem_response()
    {
        using var client = _app.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens.TokenFor(Caller.App(Scopes.JobMatchingRead)));

        var response = await client.GetAsync("/partner-only");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await _app.GetTestClient().GetAsync("/partner-only")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    private async Task<HttpStatusCode> StatusAsync(string path, Caller caller)
    {
        using var client = _app.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens.TokenFor(caller));
        return (await client.GetAsync(path)).StatusCode;
    }
}
