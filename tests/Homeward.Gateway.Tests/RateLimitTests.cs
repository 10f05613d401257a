using System.Net;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Testing;

namespace Homeward.Gateway.Tests;

/// <summary>Each client has its own request rate; a client over it is told when to retry, and nobody else is affected.</summary>
public sealed class RateLimitTests(RateLimitedGateway gateway) : IClassFixture<RateLimitedGateway>
{
    /// <summary>Far more than the burst, so that the refill of one request a second cannot hide the limit.</summary>
    private const int MaxAttempts = 50;

    [Fact]
    public async Task A_burst_beyond_the_limit_is_answered_429_with_retry_after_and_a_problem()
    {
        var client = gateway.ClientFor(Caller.App(Scopes.RegistryRead));

        var (accepted, rejected, marker) = await BurstUntilLimitedAsync(client);

        Assert.True(accepted >= RateLimitedGateway.Burst, $"Only {accepted} requests passed before the first 429.");
        Assert.NotNull(rejected.Headers.RetryAfter?.Delta);
        Assert.True(rejected.Headers.RetryAfter.Delta >= TimeSpan.FromSeconds(1));
        await rejected.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.False(gateway.Backend.Saw(marker), "The backend received a request the gateway refused for its rate.");
    }

    [Fact]
    public async Task Every_answer_tells_the_client_its_rate_and_a_refusal_says_nothing_is_left()
    {
        var client = gateway.ClientFor(Caller.App(Scopes.RegistryRead));

        var first = await client.GetAsync(GatewayHost.EchoPathFor(GatewayHost.NewMarker()));
        var (_, rejected, _) = await BurstUntilLimitedAsync(client);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(RateLimitedGateway.Burst, HeaderOf(first, "RateLimit-Limit"));
        Assert.InRange(HeaderOf(first, "RateLimit-Remaining"), 0, RateLimitedGateway.Burst - 1);
        Assert.InRange(HeaderOf(first, "RateLimit-Reset"), 1, RateLimitedGateway.Burst);
        Assert.Equal(RateLimitedGateway.Burst, HeaderOf(rejected, "RateLimit-Limit"));
        Assert.Equal(0, HeaderOf(rejected, "RateLimit-Remaining"));
        Assert.InRange(HeaderOf(rejected, "RateLimit-Reset"), 1, RateLimitedGateway.Burst);
    }

    [Fact]
    public async Task Another_client_is_not_limited_by_one_clients_burst()
    {
        var greedy = gateway.ClientFor(Caller.App(Scopes.RegistryRead));
        var other = gateway.ClientFor(Caller.App(Scopes.RegistryRead));
        await BurstUntilLimitedAsync(greedy);

        var responses = new List<HttpStatusCode>();
        for (var i = 0; i < RateLimitedGateway.Burst; i++)
        {
            responses.Add((await other.GetAsync(GatewayHost.EchoPathFor(GatewayHost.NewMarker()))).StatusCode);
        }

        Assert.All(responses, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    private static int HeaderOf(HttpResponseMessage response, string name) =>
        int.Parse(response.Headers.GetValues(name).Single(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Sends requests one after another until the first 429; returns how many passed before it, the 429 and its marker.</summary>
    private static async Task<(int Accepted, HttpResponseMessage Rejected, string Marker)> BurstUntilLimitedAsync(HttpClient client)
    {
        for (var accepted = 0; accepted < MaxAttempts; accepted++)
        {
            var marker = GatewayHost.NewMarker();
            var response = await client.GetAsync(GatewayHost.EchoPathFor(marker));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return (accepted, response, marker);
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        throw new Xunit.Sdk.XunitException($"{MaxAttempts} requests in a row were never limited.");
    }
}
