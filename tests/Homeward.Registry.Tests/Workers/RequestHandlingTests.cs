using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Homeward.Testing;

namespace Homeward.Registry.Tests.Workers;

/// <summary>Every malformed request gets a problem response and changes nothing.</summary>
public sealed class RequestHandlingTests(RegistryService registry) : IClassFixture<RegistryService>
{
    [Theory]
    [InlineData("id")]
    [InlineData("registeredAt")]
    [InlineData("isAdmin")]
    public async Task A_body_with_a_field_the_client_does_not_own_answers_400_naming_it(string field)
    {
        var body = $$"""{"nationalId":"{{NationalIds.Next()}}","name":"张伟","householdDivision":"419921101201","{{field}}":"x"}""";

        var response = await PostJsonAsync(body);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.ErrorFields());
    }

    [Theory]
    [InlineData("{\"nationalId\": ")]
    [InlineData("not json")]
    [InlineData("[1,2,3]")]
    public async Task A_body_that_is_not_the_expected_json_answers_400(string body)
    {
        var response = await PostJsonAsync(body);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_answers_400_naming_the_field()
    {
        var response = await PostJsonAsync("""{"nationalId":419921,"name":"张伟","householdDivision":"419921101201"}""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("nationalId", problem.ErrorFields());
    }

    [Theory]
    [InlineData("/api/registry/v1/workers?limit=ten", "limit", "whole number")]
    [InlineData("/api/registry/v1/workers/changes?since=yesterday", "since", "ISO 8601")]
    [InlineData("/api/registry/v1/workers/stale?days=1.5", "days", "whole number")]
    public async Task A_query_value_of_the_wrong_form_answers_400_naming_the_parameter_and_its_form(string url, string parameter, string form)
    {
        var response = await registry.Client.GetAsync(url);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var message = Assert.Single(problem.GetProperty("errors").GetProperty(parameter).EnumerateArray()).GetString();
        Assert.Contains(form, message);
        Assert.DoesNotContain("Nullable", problem.GetRawText());
    }

    [Fact]
    public async Task A_body_that_is_not_json_answers_415()
    {
        var response = await registry.Client.PostAsync("/api/registry/v1/workers", new StringContent("nationalId=1", Encoding.UTF8, "application/x-www-form-urlencoded"));

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task An_unknown_path_answers_404_problem()
    {
        await (await registry.Client.GetAsync("/api/registry/v1/nowhere")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_method_the_resource_does_not_support_answers_405_problem()
    {
        var response = await registry.Client.DeleteAsync("/api/registry/v1/workers");

        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task A_malformed_worker_id_answers_404_problem()
    {
        await (await registry.Client.GetAsync("/api/registry/v1/workers/not-a-guid")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_correlation_id_of_a_request_is_echoed_even_on_failures()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/registry/v1/workers")
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Correlation-Id", "ops-ticket-42");

        var response = await registry.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("ops-ticket-42", response.Headers.GetValues("X-Correlation-Id").Single());
    }

    [Fact]
    public async Task Health_endpoints_report_live_and_ready_with_database_broker_and_outbox()
    {
        var live = await registry.Client.GetAsync("/health/live");
        var ready = await registry.Client.GetFromJsonAsync<JsonElement>("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        var checks = ready.GetProperty("checks").EnumerateObject().Select(c => c.Name).ToList();
        Assert.Contains("postgresql", checks);
        Assert.Contains("masstransit-bus", checks);
        Assert.Contains("outbox", checks);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_versioned_public_paths()
    {
        var document = await registry.Client.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/registry/v1/workers", paths);
        Assert.Contains("/api/registry/v1/workers/{workerId}", paths);
    }

    private Task<HttpResponseMessage> PostJsonAsync(string body) =>
        registry.Client.PostAsync("/api/registry/v1/workers", new StringContent(body, Encoding.UTF8, "application/json"));
}
