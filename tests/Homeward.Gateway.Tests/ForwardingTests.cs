using System.Net;
using System.Net.Http.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Testing;

namespace Homeward.Gateway.Tests;

/// <summary>What the gateway passes on to a service: the caller's token, one correlation id and the caller's trace.</summary>
public sealed class ForwardingTests(GatewayHost gateway) : IClassFixture<GatewayHost>
{
    private const string CorrelationHeader = "X-Correlation-Id";

    private readonly HttpClient _reader = gateway.ClientFor(Caller.App(Scopes.RegistryRead));

    [Fact]
    public async Task A_valid_token_reaches_the_service_in_the_authorization_header()
    {
        var token = gateway.Tokens.TokenFor(Caller.App(Scopes.RegistryRead));
        var marker = GatewayHost.NewMarker();

        var response = await gateway.ClientWithToken(token).GetAsync(GatewayHost.EchoPathFor(marker));

        var echoed = await EchoedAsync(response);
        Assert.Equal($"Bearer {token}", echoed.Authorization);
        Assert.Equal(GatewayHost.EchoPathFor(marker), echoed.Path);
    }

    [Fact]
    public async Task The_callers_correlation_id_is_passed_to_the_service_and_returned_to_the_caller()
    {
        var correlationId = $"client-{GatewayHost.NewMarker()}";
        using var request = new HttpRequestMessage(HttpMethod.Get, GatewayHost.EchoPathFor(GatewayHost.NewMarker()));
        request.Headers.Add(CorrelationHeader, correlationId);

        var response = await _reader.SendAsync(request);

        var echoed = await EchoedAsync(response);
        Assert.Equal(correlationId, echoed.CorrelationId);
        Assert.Equal(correlationId, response.Headers.GetValues(CorrelationHeader).Single());
    }

    [Fact]
    public async Task Without_a_correlation_id_the_gateway_starts_one_passes_it_to_the_service_and_returns_it()
    {
        var response = await _reader.GetAsync(GatewayHost.EchoPathFor(GatewayHost.NewMarker()));

        var echoed = await EchoedAsync(response);
        Assert.False(string.IsNullOrWhiteSpace(echoed.CorrelationId));
        Assert.Equal(echoed.CorrelationId, response.Headers.GetValues(CorrelationHeader).Single());
    }

    [Fact]
    public async Task A_correlation_id_that_could_forge_log_lines_is_replaced_before_it_reaches_the_service()
    {
        const string forged = "abc <script> \" level=error";
        using var request = new HttpRequestMessage(HttpMethod.Get, GatewayHost.EchoPathFor(GatewayHost.NewMarker()));
        request.Headers.TryAddWithoutValidation(CorrelationHeader, forged);

        var response = await _reader.SendAsync(request);

        var echoed = await EchoedAsync(response);
        Assert.NotEqual(forged, echoed.CorrelationId);
        Assert.True(Guid.TryParse(echoed.CorrelationId, out _), $"Expected a fresh correlation id, got '{echoed.CorrelationId}'.");
        Assert.Equal(echoed.CorrelationId, response.Headers.GetValues(CorrelationHeader).Single());
    }

    [Fact]
    public async Task The_callers_trace_continues_into_the_service()
    {
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        using var request = new HttpRequestMessage(HttpMethod.Get, GatewayHost.EchoPathFor(GatewayHost.NewMarker()));
        request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");

        var response = await _reader.SendAsync(request);

        var echoed = await EchoedAsync(response);
        Assert.NotNull(echoed.TraceParent);
        Assert.Equal(traceId, echoed.TraceParent.Split('-')[1]);
    }

    private static async Task<EchoedRequest> EchoedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200 from the echo backend, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<EchoedRequest>())!;
    }
}
