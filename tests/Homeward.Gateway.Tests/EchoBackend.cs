using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Homeward.Gateway.Tests;

/// <summary>What the service behind the gateway received: the path and the headers the gateway is responsible for.</summary>
public sealed record EchoedRequest(string Path, string? CorrelationId, string? TraceParent, string? Authorization);

/// <summary>
/// A tiny real HTTP service on 127.0.0.1 standing in for the services behind the gateway. It records every request it
/// receives, so a test can prove that the gateway refused a request before any service saw it, and echoes the
/// forwarded headers at <see cref="EchoPath"/>.
/// </summary>
public sealed class EchoBackend : IAsyncDisposable
{
    public const string EchoPath = "/api/registry/v1/echo";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _received;

    private EchoBackend(WebApplication app, ConcurrentQueue<string> received, Uri address)
    {
        _app = app;
        _received = received;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Path and query of every request received so far.</summary>
    public IReadOnlyList<string> Received => [.. _received];

    public static async Task<EchoBackend> StartAsync()
    {
        var received = new ConcurrentQueue<string>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseSetting("urls", "http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Use((context, next) =>
        {
            received.Enqueue(context.Request.Path + context.Request.QueryString);
            return next(context);
        });
        app.Map(EchoPath, (HttpRequest request) => Results.Json(new EchoedRequest(
            request.Path + request.QueryString,
            HeaderOf(request, "X-Correlation-Id"),
            HeaderOf(request, "traceparent"),
            HeaderOf(request, "Authorization"))));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EchoBackend(app, received, new Uri(address));
    }

    /// <summary>Whether any request received so far carried <paramref name="marker"/> in its path or query.</summary>
    public bool Saw(string marker) => _received.Any(request => request.Contains(marker, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string? HeaderOf(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value.ToString() : null;
}
