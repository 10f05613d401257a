namespace Homeward.Gateway;

/// <summary>Configuration section "Gateway".</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>The services whose OpenAPI documents the gateway's Swagger UI lists, each proxied at /swagger/&lt;name&gt;/v1/swagger.json.</summary>
    public List<ServiceDocument> Documents { get; set; } = [];

    /// <summary>Larger request bodies are refused with 413 before they reach a service.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    public RateLimitOptions RateLimit { get; set; } = new();

    public KpiCompositionOptions Kpis { get; set; } = new();
}

public sealed class ServiceDocument
{
    public string Name { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;
}

/// <summary>A token bucket per client: a burst of <see cref="TokenLimit"/> requests, refilled at <see cref="TokensPerSecond"/>.</summary>
public sealed class RateLimitOptions
{
    public int TokenLimit { get; set; } = 200;

    public int TokensPerSecond { get; set; } = 100;
}

/// <summary>Which services' KPIs the gateway gathers, and how long it waits for each.</summary>
public sealed class KpiCompositionOptions
{
    /// <summary>Reverse-proxy cluster names; each service answers at /api/&lt;name&gt;/v1/kpis.</summary>
    public List<string> Services { get; set; } = [];

    /// <summary>The longest a service's answer may take, its one retry included, before it is left out as missing.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
