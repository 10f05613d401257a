using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.Testing;
using Homeward.Training.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Homeward.Training.Tests;

/// <summary>The training service starts on its own schema and role, reports its health and documents its API.</summary>
public sealed class ServiceTests(TrainingService training) : IClassFixture<TrainingService>
{
    [Fact]
    public async Task Startup_applies_every_migration()
    {
        await using var scope = training.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<TrainingDbContext>().Database;

        Assert.Empty(await database.GetPendingMigrationsAsync());
        Assert.Equal(database.GetMigrations(), await database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task The_tables_are_in_the_training_schema_and_owned_by_the_services_own_role()
    {
        var tables = await training.Database.ScalarAsAdminAsync<string>(
            "SELECT string_agg(tablename || ' ' || tableowner, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'training'");
        var outside = await training.Database.ScalarAsAdminAsync<long>(
            "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('training', 'pg_catalog', 'information_schema')");

        var role = $"{training.Database.Name}_training";
        Assert.Equal(
            new[]
            {
                "__ef_migrations_history", "attendances", "certificates", "courses", "employment_records", "enrollments", "idempotent_requests",
                "inbox_messages", "lessons", "outbox_messages", "prior_learning_assessments", "providers", "sessions", "skill_gaps", "training_need_counts", "workers",
            }.Select(table => $"{table} {role}"),
            tables.Split(','));
        Assert.Equal(0L, outside);
    }

    [Fact]
    public async Task Readiness_answers_healthy_without_a_token_and_names_the_database_check()
    {
        var response = await training.Anonymous.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("postgresql").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Liveness_answers_without_a_token()
    {
        var response = await training.Anonymous.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_training_api_and_its_oauth_scopes()
    {
        var document = await training.Client.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("Homeward Training API", document.GetProperty("info").GetProperty("title").GetString());
        var scopes = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2")
            .GetProperty("flows").GetProperty("clientCredentials").GetProperty("scopes");
        Assert.Equal(["training.read", "training.write"], scopes.EnumerateObject().Select(scope => scope.Name).Order());
    }

    [Fact]
    public async Task The_openapi_document_is_served_without_a_token_so_the_gateway_can_show_it()
    {
        var response = await training.Anonymous.GetAsync("/swagger/v1/swagger.json");

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}.");
    }

    [Fact]
    public async Task Without_a_token_even_an_unknown_api_path_answers_401_problem()
    {
        var response = await training.Anonymous.GetAsync("/api/training/v1/no-such-thing");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unknown_api_path_answers_404_problem()
    {
        var response = await training.Client.GetAsync("/api/training/v1/no-such-thing");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public void Every_endpoint_declares_who_may_call_it()
    {
        EndpointAccessRules.AssertEveryEndpointDeclaresAccess(training.Services);
    }
}
