using System.Security.Cryptography;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Identity.Persistence;
using Homeward.Testing;

namespace Homeward.Identity.Tests;

/// <summary>
/// The Identity service hosted in the test process for a test class, on a database of its own, with persistent RSA
/// keys generated for the class and a bootstrap city administrator, who is signed in through the real flow.
/// </summary>
public sealed class IdentityService : IAsyncLifetime
{
    public const string Origin = "http://localhost/";
    public const string AdminUserName = "admin";
    public const string AdminPassword = "Homeward#Start-2026";
    public const int MaxFailedSignIns = 3;

    public TestDatabase Database { get; private set; } = null!;

    /// <summary>The settings of the host, for starting it again on the same database with the same keys.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; private set; } = null!;

    public IdentityFactory Factory { get; private set; } = null!;

    /// <summary>A client without a token.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>The bootstrap administrator's token with identity.admin, obtained through the sign-in flow.</summary>
    public string AdminToken { get; private set; } = null!;

    /// <summary>A client that calls the management API as the bootstrap administrator.</summary>
    public HttpClient Admin { get; private set; } = null!;

    public IServiceProvider Services => Factory.Services;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(IdentityDbContext.Schema);
        Settings = SettingsFor(Database.ConnectionStringFor(IdentityDbContext.Schema), NewKeyPem(), NewKeyPem());
        Factory = new IdentityFactory(Settings);
        Anonymous = Factory.CreateClient();
        AdminToken = await SignInAsync(AdminUserName, AdminPassword, Scopes.IdentityAdmin);
        Admin = Factory.ClientWithToken(AdminToken);
    }

    /// <summary>Signs in through /connect/authorize, the sign-in form and /connect/token; returns the access token.</summary>
    public async Task<string> SignInAsync(string userName, string password, params string[] scopes)
    {
        using var browser = Factory.Browser();
        return await StaffSignIn.GetTokenAsync(browser, userName, password, scopes);
    }

    /// <summary>Asks /connect/token for a client credentials token.</summary>
    public Task<HttpResponseMessage> RequestClientTokenAsync(string clientId, string clientSecret, params string[] scopes)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        };
        if (scopes.Length > 0)
        {
            form["scope"] = string.Join(' ', scopes);
        }

        return Anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(form));
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        Anonymous.Dispose();
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }

    public static string NewKeyPem()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportRSAPrivateKeyPem();
    }

    public static Dictionary<string, string?> SettingsFor(string connectionString, string? signingKey, string? encryptionKey) => new()
    {
        ["ConnectionStrings:Identity"] = connectionString,
        ["Database:MigrateOnStartup"] = "true",
        ["Identity:Issuer"] = Origin,
        ["Identity:SigningKey"] = signingKey,
        ["Identity:EncryptionKey"] = encryptionKey,
        ["Identity:Bootstrap:UserName"] = AdminUserName,
        ["Identity:Bootstrap:Password"] = AdminPassword,
        ["Identity:SwaggerRedirectUris:0"] = Origin + "swagger/oauth2-redirect.html",
        ["Identity:DashboardRedirectUris:0"] = Origin + "dashboard/",
        ["Identity:MaxFailedSignIns"] = MaxFailedSignIns.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Authentication:Issuer"] = Origin,
        ["Authentication:MetadataAddress"] = Origin + ".well-known/openid-configuration",
        ["Authentication:RequireHttpsMetadata"] = "false",
    };
}
