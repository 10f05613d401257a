namespace Homeward.Gateway;

/// <summary>Configuration section "Gateway".</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>The services whose OpenAPI documents the gateway's Swagger UI lists, each proxied at /swagger/&lt;name&gt;/v1/swagger.json.</summary>
    public List<ServiceDocument> Documents { get; set; } = [];
}

public sealed class ServiceDocument
{
    public string Name { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;
}
