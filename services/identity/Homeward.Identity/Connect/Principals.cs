using System.Security.Claims;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Identity.Clients;
using Homeward.Identity.Staff;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;

namespace Homeward.Identity.Connect;

/// <summary>The claims Homeward puts into access tokens, for staff and for client applications.</summary>
public static class Principals
{
    public static ClaimsPrincipal ForStaff(StaffAccount account, IEnumerable<string> requestedScopes)
    {
        var allowed = StaffScopes.Allowed(account.Roles);
        var identity = NewIdentity(account.Id.ToString(), account.DisplayName, account.Roles, account.Division);
        identity.SetClaim(OpenIddictConstants.Claims.PreferredUsername, account.UserName);
        return Finish(identity, requestedScopes.Where(allowed.Contains));
    }

    public static ClaimsPrincipal ForClient(ClientProfile client, IEnumerable<string> grantedScopes)
    {
        var identity = NewIdentity(client.ClientId, client.DisplayName, [client.Kind], client.Division);
        identity.SetClaim(HomewardClaims.ClientId, client.ClientId);
        if (client.PartnerId is not null)
        {
            identity.SetClaim(HomewardClaims.PartnerId, client.PartnerId);
        }

        return Finish(identity, grantedScopes);
    }

    private static ClaimsIdentity NewIdentity(string subject, string name, IEnumerable<string> roles, string division)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, OpenIddictConstants.Claims.Name, OpenIddictConstants.Claims.Role);
        identity.SetClaim(OpenIddictConstants.Claims.Subject, subject);
        identity.SetClaim(OpenIddictConstants.Claims.Name, name);
        identity.SetClaims(OpenIddictConstants.Claims.Role, [.. roles]);
        identity.SetClaim(HomewardClaims.Division, division);
        return identity;
    }

    private static ClaimsPrincipal Finish(ClaimsIdentity identity, IEnumerable<string> scopes)
    {
        var granted = scopes.Distinct().ToArray();
        identity.SetScopes(granted);
        identity.SetResources(granted.Select(Scopes.AudienceOf).Distinct());
        identity.SetDestinations(static _ => [OpenIddictConstants.Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }
}
