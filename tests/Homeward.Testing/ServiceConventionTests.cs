using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Homeward.Testing;

/// <summary>What a service's conventions tests expect of it: its schema, API and scopes, and tables it must have.</summary>
/// <param name="ApiPrefix">The versioned path of its API, e.g. "/api/training/v1".</param>
/// <param name="Tables">Tables the schema must hold; it may hold more, all owned by the service's role.</param>
public sealed record ServiceConvention(string Schema, string ApiTitle, string ApiPrefix, IReadOnlyList<string> Scopes, IReadOnlyList<string> Tables);

/// <summary>
/// What every service owes the platform, proven for each service whose test class derives from this: its migrations
/// applied at start-up; its tables in its own schema, owned by its own role, and nothing outside it; health endpoints
/// and the OpenAPI document without a token; its OAuth scopes documented; 401 and 404 as problem details; and an
/// access rule declared on every endpoint.
/// </summary>
public abstract class ServiceConventionTests<TEntryPoint, TDbContext>(ServiceUnderTest<TEntryPoint> service, ServiceConvention convention)
    where TEntryPoint : class
    where TDbContext : DbContext
{
    [Fact]
    public async Task Startup_applies_every_migration()
    {
        await using var scope = service.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<TDbContext>().Database;

        Assert.Empty(await database.GetPendingMigrationsAsync());
        Assert.Equal(database.GetMigrations(), await database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task The_tables_are_in_the_services_schema_and_owned_by_its_own_role()
    {
        var tables = await service.Database.ScalarAsAdminAsync<string>(
            $"SELECT string_agg(tablename || ' ' || tableowner, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = '{convention.Schema}'");
        var outside = await service.Database.ScalarAsAdminAsync<long>(
            $"SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('{convention.Schema}', 'pg_catalog', 'information_schema')");

        var role = $"{service.Database.Name}_{convention.Schema}";
        var owners = tables.Split(',').Select(t => t.Split(' ')).ToDictionary(t => t[0], t => t[1]);
        Assert.All(owners.Values, owner => Assert.Equal(role, owner));
        Assert.Superset(convention.Tables.ToHashSet(), owners.Keys.ToHashSet());
        Assert.Equal(0L, outside);
    }

    [Fact]
    public async Task Readiness_answers_healthy_without_a_token_and_names_the_database_check()
    {
        var response = await service.Anonymous.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("postgresql").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Liveness_answers_without_a_token()
    {
        var response = await service.Anonymous.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api_and_its_oauth_scopes()
    {
        var document = await service.Client.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal(convention.ApiTitle, document.GetProperty("info").GetProperty("title").GetString());
        var scopes = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2")
            .GetProperty("flows").GetProperty("clientCredentials").GetProperty("scopes");
        Assert.Equal(convention.Scopes.Order(), scopes.EnumerateObject().Select(scope => scope.Name).Order());
    }

    [Fact]
    public async Task The_openapi_document_is_served_without_a_token_so_the_gateway_can_show_it()
    {
        var response = await service.Anonymous.GetAsync("/swagger/v1/swagger.json");

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}.");
    }

    [Fact]
    public async Task Without_a_token_even_an_unknown_api_path_answers_401_problem()
    {
        var response = await service.Anonymous.GetAsync($"{convention.ApiPrefix}/no-such-thing");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unknown_api_path_answers_404_problem()
    {
        var response = await service.Client.GetAsync($"{convention.ApiPrefix}/no-such-thing");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public void Every_endpoint_declares_who_may_call_it()
    {
        EndpointAccessRules.AssertEveryEndpointDeclaresAccess(service.Services);
    }
}
