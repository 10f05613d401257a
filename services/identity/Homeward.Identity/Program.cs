using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.BuildingBlocks.Web;
using Homeward.BuildingBlocks.Web.Api;
using Homeward.Identity;
using Homeward.Identity.Account;
using Homeward.Identity.Clients;
using Homeward.Identity.Connect;
using Homeward.Identity.Persistence;
using Homeward.Identity.Staff;
using Microsoft.AspNetCore.Authentication.Cookies;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceApi(
    new ServiceDescription(
        "identity",
        "Homeward Identity API",
        "API clients and staff accounts. Tokens are issued at /connect/token; staff sign in through /connect/authorize."),
    typeof(Passwords));
builder.Services.AddServiceDatabase<IdentityDbContext>(builder.Configuration, "Identity", IdentityDbContext.Schema);
builder.Services.AddOptions<IdentityOptions>().Bind(builder.Configuration.GetSection(IdentityOptions.Section));
builder.Services.AddSingleton<Passwords>();
builder.Services.AddAntiforgery();
builder.Services.AddHostedService<IdentitySeeder>();
builder.Services.AddAuthentication()
    .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, cookie =>
    {
        cookie.LoginPath = "/account/login";
        cookie.Cookie.Name = "homeward.signin";
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.ExpireTimeSpan = TimeSpan.FromHours(1);
        cookie.SlidingExpiration = false;
    });

var identity = builder.Configuration.GetSection(IdentityOptions.Section).Get<IdentityOptions>() ?? new IdentityOptions();
builder.Services.AddOpenIddict()
    .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
    .AddServer(server =>
    {
        server.SetIssuer(new Uri(identity.Issuer));
        server.SetAuthorizationEndpointUris("connect/authorize")
            .SetTokenEndpointUris("connect/token");
        server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
        server.AllowClientCredentialsFlow();
        server.RegisterScopes([.. Scopes.All]);

        // Client credentials are checked against the client's scopes in the token endpoint (answering invalid_scope);
        // staff tokens carry only the scopes their roles allow (Principals.ForStaff).
        server.IgnoreScopePermissions();
        server.SetAccessTokenLifetime(identity.AccessTokenLifetime)
            .SetAuthorizationCodeLifetime(identity.AuthorizationCodeLifetime);

        // Access tokens are signed JWTs that every service validates with the published keys, not encrypted ones
        // that only this service could read.
        server.DisableAccessTokenEncryption();
        if (!string.IsNullOrWhiteSpace(identity.SigningKey) && !string.IsNullOrWhiteSpace(identity.EncryptionKey))
        {
            server.AddSigningKey(TokenKeys.FromPem(identity.SigningKey, "Identity:SigningKey"))
                .AddEncryptionKey(TokenKeys.FromPem(identity.EncryptionKey, "Identity:EncryptionKey"));
        }
        else if (builder.Environment.IsDevelopment())
        {
            server.AddEphemeralSigningKey().AddEphemeralEncryptionKey();
        }
        else
        {
            throw new InvalidOperationException(
                "Identity:SigningKey and Identity:EncryptionKey (RSA private keys in PEM) are required outside Development.");
        }

        server.UseAspNetCore()
            .EnableAuthorizationEndpointPassthrough()
            .EnableTokenEndpointPassthrough()
            .DisableTransportSecurityRequirement();
    });

var app = builder.Build();
var api = app.UseServiceApi();
app.UseAntiforgery();
app.MapConnectEndpoints();
app.MapAccountEndpoints();
api.MapClientEndpoints();
api.MapStaffEndpoints();
app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
