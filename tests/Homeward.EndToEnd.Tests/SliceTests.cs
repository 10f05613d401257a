using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.SharedKernel.Identity;
using Homeward.Testing;

namespace Homeward.EndToEnd.Tests;

/// <summary>
/// The first slice through everything, as a staff member signed in through the gateway's Swagger UI does it:
/// gateway → Registry → outbox → RabbitMQ → JobMatching → gateway.
/// </summary>
public sealed class SliceTests(Platform platform) : IClassFixture<Platform>
{
    [Fact]
    public async Task A_worker_registered_through_the_gateway_becomes_a_candidate_readable_through_the_gateway()
    {
        var nationalId = NewNationalId();

        var registered = await platform.Admin.PostAsJsonAsync("/api/registry/v1/workers", new
        {
            nationalId,
            name = "张伟",
            phone = "13812345678",
            householdDivision = "419921101201",
        });

        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var workerId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var candidate = await Eventually.MatchesAsync(
            () => platform.Admin.GetAsync($"/api/job-matching/v1/candidates/{workerId}"),
            response => response.StatusCode == HttpStatusCode.OK,
            "the candidate to appear in job matching");
        var body = await candidate.Content.ReadAsStringAsync();
        Assert.Equal("张伟", JsonDocument.Parse(body).RootElement.GetProperty("name").GetString());
        Assert.DoesNotContain(nationalId, body, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_national_id_through_the_gateway_is_a_400_problem_naming_the_field()
    {
        var response = await platform.Admin.PostAsJsonAsync("/api/registry/v1/workers", new
        {
            nationalId = NewNationalId()[..17] + "Z",
            name = "李娜",
            householdDivision = "419921101201",
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("nationalId", problem.ErrorFields());
    }

    [Fact]
    public async Task A_duplicate_registration_through_the_gateway_is_a_409_problem_pointing_to_the_record()
    {
        var body = new { nationalId = NewNationalId(), name = "王芳", householdDivision = "419921101201" };
        var first = await platform.Admin.PostAsJsonAsync("/api/registry/v1/workers", body);

        var second = await platform.Admin.PostAsJsonAsync("/api/registry/v1/workers", body);

        var problem = await second.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(first.Headers.Location?.ToString(), problem.GetProperty("existing").GetString());
        var existing = await platform.Admin.GetAsync(problem.GetProperty("existing").GetString());
        Assert.Equal(HttpStatusCode.OK, existing.StatusCode);
    }

    [Fact]
    public async Task Without_a_token_the_gateway_answers_401_before_any_service()
    {
        var response = await platform.Gateway.PostAsJsonAsync("/api/registry/v1/workers", new { nationalId = NewNationalId(), name = "无名", householdDivision = "419921101201" });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_correlation_id_and_trace_travel_from_the_caller_through_the_gateway_into_the_event()
    {
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/registry/v1/workers")
        {
            Content = JsonContent.Create(new { nationalId = NewNationalId(), name = "陈静", householdDivision = "419921101201" }),
        };
        request.Headers.Add("X-Correlation-Id", "e2e-correlation-1");
        request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");

        var response = await platform.Admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("e2e-correlation-1", response.Headers.GetValues("X-Correlation-Id").Single());
        var workerId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var headers = JsonDocument.Parse(await platform.Database.ScalarAsAdminAsync<string>(
            $"SELECT headers::text FROM registry.outbox_messages WHERE payload->>'workerId' = '{workerId}'")).RootElement;
        Assert.Equal("e2e-correlation-1", headers.GetProperty("correlationId").GetString());
        Assert.Contains(traceId, headers.GetProperty("traceParent").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_gateway_serves_one_swagger_ui_listing_every_service_document_with_staff_sign_in()
    {
        var ui = await platform.Gateway.GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
        var config = await platform.Gateway.GetStringAsync("/swagger/index.js");
        Assert.Contains("swagger-ui", config, StringComparison.Ordinal);

        foreach (var service in new[] { "registry", "job-matching", "subsidy", "training", "identity" })
        {
            Assert.Contains($"/swagger/{service}/v1/swagger.json", config, StringComparison.Ordinal);
            var document = await platform.Gateway.GetFromJsonAsync<JsonElement>($"/swagger/{service}/v1/swagger.json");
            Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
            var flows = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2").GetProperty("flows");
            Assert.Equal("/connect/authorize", flows.GetProperty("authorizationCode").GetProperty("authorizationUrl").GetString());
        }

        var discovery = await platform.Gateway.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        Assert.Equal(platform.GatewayAddress.ToString(), discovery.GetProperty("issuer").GetString());
        Assert.StartsWith(platform.GatewayAddress.ToString(), discovery.GetProperty("token_endpoint").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_service_is_healthy_behind_the_gateway()
    {
        Assert.Equal(HttpStatusCode.OK, (await platform.Gateway.GetAsync("/health/ready")).StatusCode);
        var trades = await platform.Admin.GetFromJsonAsync<JsonElement>("/api/training/v1/trades");
        Assert.True(trades.GetProperty("items").GetArrayLength() >= 20);
    }

    internal static string NewNationalId()
    {
        var first17 = $"419922{new DateOnly(1975, 1, 1).AddDays(Random.Shared.Next(0, 9000)):yyyyMMdd}{Random.Shared.Next(0, 1000):D3}";
        return first17 + NationalId.ComputeCheckCharacter(first17);
    }
}
