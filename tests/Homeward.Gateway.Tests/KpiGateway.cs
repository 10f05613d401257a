using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Homeward.Gateway.Tests;

/// <summary>
/// The gateway gathering KPIs from four stand-in services, one of each kind a composition meets: registry answers,
/// job-matching is too slow, subsidy is down (nothing listens at its address) and training refuses the caller.
/// </summary>
public sealed class KpiGateway : GatewayHost
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private WebApplication? _services;

    protected override async Task ConfigureAsync(IDictionary<string, string?> settings)
    {
        _services = await StartServicesAsync();
        var address = _services.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        settings["Gateway:Kpis:Timeout"] = Timeout.ToString();
        string[] services = ["registry", "job-matching", "subsidy", "training"];
        for (var i = 0; i < services.Length; i++)
        {
            settings[$"Gateway:Kpis:Services:{i}"] = services[i];
            settings[$"ReverseProxy:Clusters:{services[i]}:Destinations:local:Address"] = services[i] == "subsidy" ? ClosedAddress() : address;
        }
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    private static async Task<WebApplication> StartServicesAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseSetting("urls", "http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/api/registry/v1/kpis", (HttpRequest request) => Results.Json(new
        {
            registered = 12000,
            query = request.QueryString.Value,
            authorization = request.Headers.Authorization.ToString(),
        }));
        app.MapGet("/api/job-matching/v1/kpis", async (CancellationToken aborted) =>
        {
            await Task.Delay(Timeout * 10, aborted);
            return Results.Json(new { recommended = 1 });
        });
        app.MapGet("/api/training/v1/kpis", () => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden"));
        await app.StartAsync();
        return app;
    }

    /// <summary>An address where nothing listens: a port the system handed out and that was closed again.</summary>
    private static string ClosedAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }
}
