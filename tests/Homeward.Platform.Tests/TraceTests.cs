using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Homeward.Testing;
using Xunit.Abstractions;

namespace Homeward.Platform.Tests;

/// <summary>
/// One trace from the caller to the consumer: the gateway's request, its forward to the Registry, the Registry's
/// handling, the outbox dispatcher publishing the event to RabbitMQ and JobMatching consuming it.
/// </summary>
public sealed class TraceTests(TracedPlatform platform, ITestOutputHelper output) : IClassFixture<TracedPlatform>
{
    private const string WorkersPath = "/api/registry/v1/workers";

    [Fact]
    public async Task A_registration_through_the_gateway_and_the_event_it_causes_form_one_trace()
    {
        using var client = platform.GatewayClientFor(Caller.CityAdmin());
        ActivityTraceId traceId;
        ActivitySpanId callerSpanId;
        using (var caller = TracedPlatform.TestSource.StartActivity("caller", ActivityKind.Client)!)
        {
            traceId = caller.TraceId;
            callerSpanId = caller.SpanId;
            using var request = new HttpRequestMessage(HttpMethod.Post, WorkersPath)
            {
                Content = JsonContent.Create(new { nationalId = "11010519491231002X", name = "张伟", householdDivision = "419921101201" }),
            };
            request.Headers.Add("traceparent", caller.Id);
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        var consumed = await Eventually.MatchesAsync(
            () => Task.FromResult(platform.Spans.Where(span => span.TraceId == traceId).ToList()),
            spans => spans.Any(span => span.Kind == ActivityKind.Consumer && IsJobMatching(span) && ReachesCaller(span, spans)),
            "JobMatching to consume the WorkerRegistered event in the caller's trace");
        var trace = consumed.ToDictionary(span => span.SpanId);
        foreach (var span in consumed)
        {
            output.WriteLine($"{span.SpanId} <- {span.ParentSpanId} {span.Kind} {span.Source.Name}: {span.DisplayName}");
        }

        // The first of each kind in time is the registration's own: JobMatching may publish events of its own later in
        // the same trace.
        var inOrder = consumed.OrderBy(span => span.StartTimeUtc).ToList();
        var gateway = Assert.Single(inOrder, span => span.Kind == ActivityKind.Server && span.ParentSpanId == callerSpanId);
        var registry = inOrder.First(span => span.Kind == ActivityKind.Server && span != gateway && PathOf(span) == WorkersPath);
        var outbox = inOrder.First(span => span.Source.Name == "Homeward.Outbox");
        var published = inOrder.First(span => span.Kind == ActivityKind.Producer);
        var consumer = inOrder.First(span => span.Kind == ActivityKind.Consumer && IsJobMatching(span));

        Assert.Equal(WorkersPath, PathOf(gateway));
        Assert.Contains(gateway, AncestorsOf(registry, trace));
        Assert.Contains(registry, AncestorsOf(outbox, trace));
        Assert.Contains(outbox, AncestorsOf(published, trace));
        Assert.Contains(published, AncestorsOf(consumer, trace));
    }

    /// <summary>The chain of parents of <paramref name="span"/>; it must be unbroken up to the caller's span.</summary>
    private static List<Activity> AncestorsOf(Activity span, Dictionary<ActivitySpanId, Activity> trace)
    {
        var ancestors = new List<Activity>();
        var current = span;
        while (trace.TryGetValue(current.ParentSpanId, out var parent))
        {
            ancestors.Add(parent);
            current = parent;
        }

        Assert.True(current.Source == TracedPlatform.TestSource, $"The parent chain of '{span.DisplayName}' breaks at '{current.DisplayName}'.");
        return ancestors;
    }

    /// <summary>
    /// Whether every parent of <paramref name="span"/> up to the caller's has been exported: a span is exported when it
    /// ends, so the consumer's receive span arrives after the consume spans it encloses.
    /// </summary>
    private static bool ReachesCaller(Activity span, IReadOnlyList<Activity> spans)
    {
        var trace = spans.ToDictionary(s => s.SpanId);
        var current = span;
        while (trace.TryGetValue(current.ParentSpanId, out var parent))
        {
            current = parent;
        }

        return current.Source == TracedPlatform.TestSource;
    }

    private static string? PathOf(Activity span) => span.GetTagItem("url.path") as string;

    private static bool IsJobMatching(Activity span) =>
        span.TagObjects.Any(tag => tag.Value?.ToString()?.Contains("job-matching", StringComparison.Ordinal) == true)
        || span.DisplayName.Contains("job-matching", StringComparison.Ordinal);
}
