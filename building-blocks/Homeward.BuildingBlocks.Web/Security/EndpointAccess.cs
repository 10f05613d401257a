using Homeward.BuildingBlocks.Application.Security;
using Microsoft.AspNetCore.Builder;

namespace Homeward.BuildingBlocks.Web.Security;

/// <summary>
/// How an endpoint declares who may call it. Every endpoint states one of these (or AllowAnonymous); a test in each
/// service enumerates the endpoints and fails on any that does not.
/// </summary>
public static class EndpointAccess
{
    /// <summary>Callers whose token has <paramref name="scope"/> and, when given, one of <paramref name="roles"/>; never partner clients.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope, params string[] roles)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy =>
        {
            policy.RequireAuthenticatedUser();
            policy.AddRequirements(new ScopeRequirement(scope), new CallerKindRequirement(partnerEndpoint: false));
            if (roles.Length > 0)
            {
                policy.RequireRole(roles);
            }
        });

    /// <summary>Partner cities' clients with the partner synchronisation scope, and nobody else.</summary>
    public static TBuilder RequirePartner<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy =>
        {
            policy.RequireAuthenticatedUser();
            policy.AddRequirements(new ScopeRequirement(Scopes.PartnerSync), new CallerKindRequirement(partnerEndpoint: true));
        });
}
