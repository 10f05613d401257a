using System.Net;
using System.Net.Http.Headers;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Tests.Web;
using Homeward.BuildingBlocks.Web;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.Testing;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Homeward.BuildingBlocks.Tests.Security;

/// <summary>A service fetches the Identity service's OpenID configuration and keys as it starts, not at its first request.</summary>
public sealed class SigningKeyDiscoveryTests
{
    [Fact]
    public async Task The_signing_keys_are_discovered_as_the_service_starts_and_its_first_request_fetches_nothing()
    {
        var tokens = await TestTokenIssuer.GetAsync();
        var fetches = new CountingHandler();
        var builder = TestServiceApp.CreateBuilder(tokens, new ServiceDescription("registry", "Discovery test", "One guarded endpoint."));
        builder.Services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt => jwt.BackchannelHttpHandler = fetches);
        await using var app = builder.Build();
        app.UseServiceDefaults();
        app.MapGet("/guarded", () => "ok").RequireScope(Scopes.RegistryRead);

        await app.StartAsync();

        // The OpenID configuration, then the key set it names.
        await Eventually.TrueAsync(() => Task.FromResult(fetches.Count == 2), "the configuration and the keys to be fetched without a request");
        using var client = app.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.TokenFor(Caller.App(Scopes.RegistryRead)));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/guarded")).StatusCode);
        Assert.Equal(2, fetches.Count);
    }

    [Fact]
    public async Task A_service_whose_identity_service_cannot_be_reached_still_starts_and_serves()
    {
        var tokens = await TestTokenIssuer.GetAsync();
        var builder = TestServiceApp.CreateBuilder(
            tokens,
            new ServiceDescription("registry", "Discovery test", "No identity service."),
            new Dictionary<string, string?> { ["Authentication:MetadataAddress"] = "http://127.0.0.1:9/.well-known/openid-configuration" });
        await using var app = builder.Build();
        app.UseServiceDefaults();
        app.MapGet("/open", () => "ok").AllowAnonymous();

        await app.StartAsync();
        using var client = app.GetTestClient();

        // Past the first failed discovery and its pause, the process still runs and answers.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/open")).StatusCode);
        Assert.False(app.Lifetime.ApplicationStopping.IsCancellationRequested);
    }

    private sealed class CountingHandler() : DelegatingHandler(new HttpClientHandler())
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
