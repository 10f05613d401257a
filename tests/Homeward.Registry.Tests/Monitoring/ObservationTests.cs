using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.SharedKernel;
using Homeward.Testing;

namespace Homeward.Registry.Tests.Monitoring;

/// <summary>
/// An observation confirms the record when the source agrees, fills a gap the record has, and opens a discrepancy
/// when it disagrees — one per different observed value, however often it is repeated.
/// </summary>
public sealed class ObservationTests(RegistryService registry) : IClassFixture<RegistryService>
{
    private const string Village = "419921101201";

    [Fact]
    public async Task An_agreeing_observation_confirms_the_record_as_of_when_it_was_observed()
    {
        var workerId = await registry.Client.RegisterAsync(Village, education: "seniorHigh", status: "seekingWork");
        await BackdateConfirmationAsync(workerId);
        var observedAt = DateTimeOffset.UtcNow.AddHours(-2);

        var response = await registry.Client.ObserveAsync(workerId, "education", "seniorHigh", "socialInsurance", observedAt);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var observation = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("confirmed", observation.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, observation.GetProperty("discrepancyId").ValueKind);
        Assert.Equal("socialInsurance", observation.GetProperty("source").GetString());
        Assert.Equal(
            $"/api/registry/v1/workers/{workerId}/observations/{observation.GetProperty("id").GetGuid()}",
            response.Headers.Location?.ToString());
        var worker = await registry.Client.WorkerAsync(workerId);
        Assert.Equal(observedAt, worker.Time("lastConfirmedAt"), TimeSpan.FromMilliseconds(1));
        Assert.Equal(JsonValueKind.Null, worker.GetProperty("lastVisitedAt").ValueKind);
        Assert.Equal(0L, await CountAsync("discrepancies", workerId));

        var status = await registry.Client.ObservedAsync(workerId, "employmentStatus", "seekingWork", "employerReport");
        Assert.Equal("confirmed", status.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task A_value_the_record_lacks_is_filled_in_and_announced()
    {
        var workerId = await registry.Client.RegisterAsync(Village);

        var residence = await registry.Client.ObservedAsync(workerId, "residence", "110105", "socialInsurance");
        var education = await registry.Client.ObservedAsync(workerId, "education", "JuniorHigh", "selfReport");

        Assert.Equal("filled", residence.GetProperty("outcome").GetString());
        Assert.Equal("110105000000", residence.GetProperty("value").GetString());
        Assert.Equal("filled", education.GetProperty("outcome").GetString());
        Assert.Equal("juniorHigh", education.GetProperty("value").GetString());
        var worker = await registry.Client.WorkerAsync(workerId);
        Assert.Equal("110105000000", worker.GetProperty("residence").GetProperty("division").GetString());
        Assert.Equal("juniorHigh", worker.GetProperty("education").GetString());
        var changed = await registry.Database.ScalarAsAdminAsync<string>(
            $"""
            SELECT string_agg(payload->>'changed', ' ' ORDER BY seq) FROM registry.outbox_messages
            WHERE type = 'urn:message:homeward:registry:worker-profile-updated:v1' AND payload->>'workerId' = '{workerId}'
            """);
        Assert.Equal("""["residence"] ["education"]""", changed);
        Assert.Equal(0L, await CountAsync("discrepancies", workerId));
    }

    [Fact]
    public async Task A_disagreeing_observation_opens_a_discrepancy_and_leaves_the_record_as_it_was()
    {
        var workerId = await registry.Client.RegisterAsync(Village, education: "juniorHigh");

        var observation = await registry.Client.ObservedAsync(workerId, "education", "seniorHigh", "selfReport");

        Assert.Equal("disagreed", observation.GetProperty("outcome").GetString());
        var discrepancy = await registry.Client.DiscrepancyAsync(observation.GetProperty("discrepancyId").GetGuid());
        Assert.Equal(workerId, discrepancy.GetProperty("workerId").GetGuid());
        Assert.Equal("education", discrepancy.GetProperty("field").GetString());
        Assert.Equal("juniorHigh", discrepancy.GetProperty("recordedValue").GetString());
        Assert.Equal("seniorHigh", discrepancy.GetProperty("observedValue").GetString());
        Assert.Equal("selfReport", discrepancy.GetProperty("source").GetString());
        Assert.Equal("open", discrepancy.GetProperty("status").GetString());
        Assert.Equal("李建国", discrepancy.GetProperty("workerName").GetString());
        Assert.Equal(Village, discrepancy.GetProperty("householdDivision").GetString());
        Assert.Equal("juniorHigh", (await registry.Client.WorkerAsync(workerId)).GetProperty("education").GetString());
    }

    [Fact]
    public async Task A_repeated_disagreement_joins_the_open_discrepancy_and_a_different_value_opens_another()
    {
        var workerId = await registry.Client.RegisterAsync(Village, status: "seekingWork");

        var first = await registry.Client.DisagreeAsync(workerId, "employmentStatus", "employedLocally", "employerReport");
        var repeated = await registry.Client.DisagreeAsync(workerId, "employmentStatus", "employedLocally", "socialInsurance");
        var other = await registry.Client.DisagreeAsync(workerId, "employmentStatus", "selfEmployed", "marketRegulation");

        Assert.Equal(first, repeated);
        Assert.NotEqual(first, other);
        Assert.Equal(2, (await registry.Client.DiscrepancyAsync(first)).GetProperty("observationCount").GetInt32());
        Assert.Equal(1, (await registry.Client.DiscrepancyAsync(other)).GetProperty("observationCount").GetInt32());
        Assert.Equal(2L, await CountAsync("discrepancies", workerId));
        Assert.Equal(3L, await CountAsync("observations", workerId));
    }

    [Fact]
    public async Task Phone_numbers_are_compared_by_lookup_hash_and_never_stored_in_observations_or_discrepancies()
    {
        var workerId = await registry.Client.RegisterAsync(Village, phone: "13812345678");

        var same = await registry.Client.ObservedAsync(workerId, "phone", "+86 138-1234-5678", "phoneCall");
        var differentResponse = await registry.Client.ObserveAsync(workerId, "phone", "13987654321", "selfReport");

        Assert.Equal("confirmed", same.GetProperty("outcome").GetString());
        Assert.Equal("138****5678", same.GetProperty("value").GetString());
        var differentBody = await differentResponse.Content.ReadAsStringAsync();
        Assert.DoesNotContain("13987654321", differentBody, StringComparison.Ordinal);
        var different = JsonDocument.Parse(differentBody).RootElement;
        Assert.Equal("disagreed", different.GetProperty("outcome").GetString());
        Assert.Equal("139****4321", different.GetProperty("value").GetString());
        var discrepancyId = different.GetProperty("discrepancyId").GetGuid();
        var discrepancy = await registry.Client.DiscrepancyAsync(discrepancyId);
        Assert.Equal("138****5678", discrepancy.GetProperty("recordedValue").GetString());
        Assert.Equal("139****4321", discrepancy.GetProperty("observedValue").GetString());

        var observationRows = await registry.Database.ScalarAsAdminAsync<string>(
            $"SELECT string_agg(o::text, ' ') FROM registry.observations o WHERE worker_id = '{workerId}'");
        var discrepancyRows = await registry.Database.ScalarAsAdminAsync<string>(
            $"SELECT string_agg(d::text, ' ') FROM registry.discrepancies d WHERE worker_id = '{workerId}'");
        foreach (var rows in new[] { observationRows, discrepancyRows })
        {
            Assert.DoesNotContain("13812345678", rows, StringComparison.Ordinal);
            Assert.DoesNotContain("13987654321", rows, StringComparison.Ordinal);
            Assert.DoesNotContain("12345678", rows, StringComparison.Ordinal);
            Assert.DoesNotContain("87654321", rows, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_phone_number_the_record_lacks_is_stored_protected_and_kept_masked_in_the_observation()
    {
        var workerId = await registry.Client.RegisterAsync(Village);

        var observation = await registry.Client.ObservedAsync(workerId, "phone", "13600001234", "selfReport");

        Assert.Equal("filled", observation.GetProperty("outcome").GetString());
        Assert.Equal("136****1234", observation.GetProperty("value").GetString());
        Assert.Equal("136****1234", (await registry.Client.WorkerAsync(workerId)).GetProperty("phone").GetString());
        var row = await registry.Database.ScalarAsAdminAsync<string>(
            $"SELECT w::text || ' ' || (SELECT string_agg(o::text, ' ') FROM registry.observations o WHERE o.worker_id = w.id) FROM registry.workers w WHERE id = '{workerId}'");
        Assert.DoesNotContain("13600001234", row, StringComparison.Ordinal);
        Assert.Equal("confirmed", (await registry.Client.ObservedAsync(workerId, "phone", "136 0000 1234")).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task A_door_to_door_observation_is_also_a_visit()
    {
        var workerId = await registry.Client.RegisterAsync(Village, residence: "419921101201");
        var observedAt = DateTimeOffset.UtcNow.AddHours(-1);

        var observation = await registry.Client.ObservedAsync(workerId, "residence", "419921101201", "doorToDoorVisit", observedAt);

        Assert.Equal("confirmed", observation.GetProperty("outcome").GetString());
        Assert.Equal(observedAt, (await registry.Client.WorkerAsync(workerId)).Time("lastVisitedAt"), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task A_visit_confirms_the_record_without_naming_a_field()
    {
        var workerId = await registry.Client.RegisterAsync(Village, returnedOn: TimeProvider.System.Today().AddDays(-3));
        await BackdateConfirmationAsync(workerId);
        var visitedAt = DateTimeOffset.UtcNow.AddMinutes(-30);

        var withTime = await registry.Client.PostAsJsonAsync($"/api/registry/v1/workers/{workerId}/visits", new { visitedAt });
        var withoutBody = await registry.Client.PostAsync($"/api/registry/v1/workers/{workerId}/visits", null);

        Assert.Equal(HttpStatusCode.OK, withTime.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withoutBody.StatusCode);
        var visit = await withoutBody.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(visit.Time("lastVisitedAt") > visitedAt);
        var worker = await registry.Client.WorkerAsync(workerId);
        Assert.Equal(visit.Time("lastVisitedAt"), worker.Time("lastVisitedAt"), TimeSpan.FromMilliseconds(1));
        Assert.Equal(visit.Time("lastVisitedAt"), worker.Time("lastConfirmedAt"), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task A_recorded_observation_can_be_read_back()
    {
        var workerId = await registry.Client.RegisterAsync(Village);
        var response = await registry.Client.ObserveAsync(workerId, "education", "bachelor", "selfReport");

        var read = await registry.Client.GetAsync(response.Headers.Location);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var observation = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("bachelor", observation.GetProperty("value").GetString());
        Assert.Equal("filled", observation.GetProperty("outcome").GetString());
        Assert.False(string.IsNullOrEmpty(observation.GetProperty("recordedBy").GetString()));
        await (await registry.Client.GetAsync($"/api/registry/v1/workers/{Guid.NewGuid()}/observations/{observation.GetProperty("id").GetGuid()}"))
            .AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("phone", "12345")]
    [InlineData("householdDivision", "419921101000")]
    [InlineData("householdDivision", "419921101206")]
    [InlineData("householdDivision", "419921101299")]
    [InlineData("residence", "北京")]
    [InlineData("education", "phd")]
    [InlineData("education", "3")]
    [InlineData("employmentStatus", "retired")]
    public async Task A_value_that_is_not_valid_for_its_field_answers_400_naming_the_value(string field, string value)
    {
        var workerId = await registry.Client.RegisterAsync(Village);

        var response = await registry.Client.ObserveAsync(workerId, field, value);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["value"], problem.ErrorFields());
        Assert.Equal(0L, await CountAsync("observations", workerId));
    }

    [Fact]
    public async Task Field_source_and_time_are_checked()
    {
        var workerId = await registry.Client.RegisterAsync(Village);
        var path = $"/api/registry/v1/workers/{workerId}/observations";

        var unknownField = await registry.Client.PostAsJsonAsync(path, new { field = "name", value = "王五", source = "phoneCall" });
        var missing = await registry.Client.PostAsJsonAsync(path, new { value = "bachelor" });
        var future = await registry.Client.ObserveAsync(workerId, "education", "bachelor", observedAt: DateTimeOffset.UtcNow.AddHours(1));

        Assert.Contains("field", (await unknownField.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["field", "source"], (await missing.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().Order());
        Assert.Equal(["observedAt"], (await future.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task A_replayed_observation_with_the_same_idempotency_key_is_recorded_once()
    {
        var workerId = await registry.Client.RegisterAsync(Village, education: "primary");
        var key = Guid.NewGuid().ToString();

        var responses = new List<HttpResponseMessage>();
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/registry/v1/workers/{workerId}/observations")
            {
                Content = JsonContent.Create(new { field = "education", value = "bachelor", source = "selfReport" }),
            };
            request.Headers.Add("Idempotency-Key", key);
            responses.Add(await registry.Client.SendAsync(request));
        }

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(await responses[0].Content.ReadAsStringAsync(), await responses[1].Content.ReadAsStringAsync());
        Assert.Equal(1L, await CountAsync("observations", workerId));
    }

    [Fact]
    public async Task Observing_an_unknown_worker_answers_404()
    {
        var response = await registry.Client.ObserveAsync(Guid.NewGuid(), "education", "bachelor");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private Task BackdateConfirmationAsync(Guid workerId) =>
        registry.Database.ExecuteAsAdminAsync(
            $"UPDATE registry.workers SET last_confirmed_at = '2025-01-01T00:00:00Z' WHERE id = '{workerId}'");

    private Task<long> CountAsync(string table, Guid workerId) =>
        registry.Database.ScalarAsAdminAsync<long>($"SELECT count(*) FROM registry.{table} WHERE worker_id = '{workerId}'");
}
