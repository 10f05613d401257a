using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Web.Correlation;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Yarp.ReverseProxy;

namespace Homeward.Gateway.Kpis;

/// <summary>The period and division a composition is asked for; the division is the caller's own when left out.</summary>
public sealed record KpiQuery(string? Division, DateOnly? From, DateOnly? To)
{
    public string ToQueryString()
    {
        var parts = new List<string>(3);
        if (Division is not null)
        {
            parts.Add("division=" + Uri.EscapeDataString(Division));
        }

        if (From is { } from)
        {
            parts.Add("from=" + from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (To is { } to)
        {
            parts.Add("to=" + to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
    }
}

/// <summary>A service whose figures are not in the answer, and why.</summary>
/// <param name="Status">The service's HTTP status when it answered with a failure; null when it did not answer.</param>
public sealed record MissingPart(string Service, string Reason, int? Status);

/// <summary>Every service's KPIs for one division and period; <see cref="Complete"/> is false when a part is missing.</summary>
/// <param name="Parts">Each service's own KPI document, as the service answered it, by service name.</param>
public sealed record ComposedKpis(
    string? Division,
    DateOnly? From,
    DateOnly? To,
    bool Complete,
    IReadOnlyDictionary<string, JsonElement> Parts,
    IReadOnlyList<MissingPart> Missing);

/// <summary>
/// Asks every configured service for its KPIs at once, with the caller's own token (each service applies its own
/// scopes and division scoping), through the standard resilience pipeline. A service that is down, slow, refuses the
/// caller or fails becomes a missing part of a partial answer, never a failure of the whole.
/// </summary>
public sealed class KpiComposer(IHttpClientFactory clients, IProxyStateLookup proxy, IOptions<GatewayOptions> options, ILogger<KpiComposer> logger)
{
    public const string ClientName = "kpi-composition";

    public async Task<ComposedKpis> ComposeAsync(KpiQuery query, string? authorization, CancellationToken cancellationToken)
    {
        var answers = await Task.WhenAll(options.Value.Kpis.Services.Select(service => AskAsync(service, query, authorization, cancellationToken)));
        var parts = answers.Where(a => a.Figures is not null).ToDictionary(a => a.Service, a => a.Figures!.Value, StringComparer.Ordinal);
        var missing = answers.Select(a => a.Missing).OfType<MissingPart>().ToList();
        return new ComposedKpis(query.Division, query.From, query.To, missing.Count == 0, parts, missing);
    }

    private async Task<Answer> AskAsync(string service, KpiQuery query, string? authorization, CancellationToken cancellationToken)
    {
        if (AddressOf(service) is not { } address)
        {
            return Answer.Without(service, "The gateway has no address for this service.", null);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(address, $"/api/{service}/v1/kpis{query.ToQueryString()}"));
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        request.Headers.TryAddWithoutValidation(CorrelationMiddleware.HeaderName, CorrelationContext.Current);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return Answer.Without(service, ReasonFor(response.StatusCode), (int)response.StatusCode);
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            return new Answer(service, document.RootElement.Clone(), null);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && Unanswered(exception) is { } reason)
        {
            logger.LogWarning(exception, "The KPIs of {Service} are left out: {Reason}", service, reason);
            return Answer.Without(service, reason, null);
        }
    }

    private Uri? AddressOf(string service) =>
        proxy.TryGetCluster(service, out var cluster)
        && cluster.Destinations.Values.Select(d => d.Model.Config.Address).FirstOrDefault() is { } address
        && Uri.TryCreate(address, UriKind.Absolute, out var uri)
            ? uri
            : null;

    private static string? Unanswered(Exception exception) => exception switch
    {
        TimeoutRejectedException or TaskCanceledException => "The service did not answer in time.",
        BrokenCircuitException => "The service failed repeatedly of late; it is not asked until it recovers.",
        HttpRequestException => "The service could not be reached.",
        JsonException => "The service answered something other than JSON.",
        _ => null,
    };

    private static string ReasonFor(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => "Your token does not allow this service's figures for this division.",
        HttpStatusCode.BadRequest => "The service refused the query.",
        HttpStatusCode.TooManyRequests => "The service is over its request rate.",
        _ => "The service failed to answer.",
    };

    private sealed record Answer(string Service, JsonElement? Figures, MissingPart? Missing)
    {
        public static Answer Without(string service, string reason, int? status) => new(service, null, new MissingPart(service, reason, status));
    }
}
