using System.Net;
using System.Text;
using System.Text.Json;
using Homeward.Testing;

namespace Homeward.Registry.Tests.Workers;

public sealed class IdempotencyTests(RegistryService registry) : IClassFixture<RegistryService>
{
    [Fact]
    public async Task A_replay_with_the_same_key_returns_the_first_response_and_creates_nothing_new()
    {
        var key = Guid.NewGuid().ToString();
        var body = Body(NationalIds.Next());

        var first = await PostAsync(body, key);
        var replay = await PostAsync(body, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
        Assert.Equal(first.Headers.ETag, replay.Headers.ETag);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_answers_422()
    {
        var key = Guid.NewGuid().ToString();
        await PostAsync(Body(NationalIds.Next()), key);

        var response = await PostAsync(Body(NationalIds.Next()), key);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("idempotency-key-reused", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_have_one_effect_and_one_answer()
    {
        var key = Guid.NewGuid().ToString();
        var nationalId = NationalIds.Next();
        var body = Body(nationalId);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PostAsync(body, key)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.Location?.ToString()).Distinct());
        Assert.Equal(1L, await registry.Database.ScalarAsAdminAsync<long>(
            $"SELECT count(*) FROM registry.workers WHERE national_id_masked = '{nationalId[..6]}********{nationalId[14..]}'"));
    }

    [Fact]
    public async Task A_request_that_failed_validation_leaves_the_key_free_for_a_corrected_retry()
    {
        var key = Guid.NewGuid().ToString();

        var invalid = await PostAsync(Body("123"), key);
        var corrected = await PostAsync(Body(NationalIds.Next()), key);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
    }

    [Fact]
    public async Task An_overlong_key_answers_400()
    {
        var response = await PostAsync(Body(NationalIds.Next()), new string('k', 101));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("idempotency-Key", problem.ErrorFields());
    }

    private static string Body(string nationalId) =>
        JsonSerializer.Serialize(new { nationalId, name = "郑强", householdDivision = "419921101201" });

    private Task<HttpResponseMessage> PostAsync(string body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/registry/v1/workers")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", key);
        return registry.Client.SendAsync(request);
    }
}
