namespace Homeward.BuildingBlocks.Web.Security;

/// <summary>How a process validates access tokens (configuration section "Authentication").</summary>
public sealed class TokenAuthenticationOptions
{
    public const string Section = "Authentication";

    /// <summary>The issuer tokens must name: the gateway's public URL, e.g. http://127.0.0.1:5000/.</summary>
    public string Issuer { get; set; } = string.Empty;

    /// <summary>
    /// Where the signing keys are discovered: the Identity service's OpenID configuration, reached directly rather
    /// than through the gateway, so that no service depends on the gateway to start.
    /// </summary>
    public string MetadataAddress { get; set; } = string.Empty;

    /// <summary>Audiences this process accepts; a service accepts its own name unless told otherwise.</summary>
    public List<string> Audiences { get; set; } = [];

    /// <summary>Allow plain-HTTP metadata (local mode and tests only).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Tolerated clock difference between the Identity service and this process.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}
