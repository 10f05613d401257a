using System.Text.Json;
using OpenIddict.Abstractions;

namespace Homeward.Identity.Clients;

/// <summary>What Homeward keeps about an API client besides OpenIddict's own fields: its kind, partner city and division.</summary>
public sealed record ClientProfile(string ClientId, string DisplayName, string Kind, string? PartnerId, string Division)
{
    private const string KindProperty = "homeward_kind";
    private const string PartnerProperty = "homeward_partner_id";
    private const string DivisionProperty = "homeward_division";

    public void WriteTo(OpenIddictApplicationDescriptor descriptor)
    {
        descriptor.Properties[KindProperty] = JsonSerializer.SerializeToElement(Kind);
        descriptor.Properties[DivisionProperty] = JsonSerializer.SerializeToElement(Division);
        if (PartnerId is not null)
        {
            descriptor.Properties[PartnerProperty] = JsonSerializer.SerializeToElement(PartnerId);
        }
    }

    public static async Task<ClientProfile?> ReadAsync(IOpenIddictApplicationManager applications, object application, CancellationToken cancellationToken)
    {
        var properties = await applications.GetPropertiesAsync(application, cancellationToken);
        if (!properties.TryGetValue(KindProperty, out var kind))
        {
            return null;
        }

        return new ClientProfile(
            await applications.GetClientIdAsync(application, cancellationToken) ?? string.Empty,
            await applications.GetDisplayNameAsync(application, cancellationToken) ?? string.Empty,
            kind.GetString()!,
            properties.TryGetValue(PartnerProperty, out var partner) ? partner.GetString() : null,
            properties[DivisionProperty].GetString()!);
    }
}
