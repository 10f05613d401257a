namespace Homeward.Identity;

/// <summary>Configuration section "Identity".</summary>
public sealed class IdentityOptions
{
    public const string Section = "Identity";

    /// <summary>The public URL tokens are issued for: the gateway's, e.g. http://127.0.0.1:5000/.</summary>
    public string Issuer { get; set; } = string.Empty;

    /// <summary>RSA private key (PEM) that signs tokens. Required outside Development.</summary>
    public string? SigningKey { get; set; }

    /// <summary>RSA private key (PEM) that encrypts authorization codes. Required outside Development.</summary>
    public string? EncryptionKey { get; set; }

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The city's division: the default division of API clients that are not tied to an office.</summary>
    public string CityDivision { get; set; } = "419900000000";

    /// <summary>Where the gateway's Swagger UI receives authorization codes (its oauth2-redirect.html).</summary>
    public List<string> SwaggerRedirectUris { get; set; } = [];

    /// <summary>Where the gateway's ops dashboard receives authorization codes (its page, /dashboard/).</summary>
    public List<string> DashboardRedirectUris { get; set; } = [];

    public int MaxFailedSignIns { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The first city administrator, created at first start when no staff account exists.</summary>
    public BootstrapAdministrator? Bootstrap { get; set; }
}

public sealed class BootstrapAdministrator
{
    public string UserName { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;

    public string DisplayName { get; set; } = "City administrator";
}
