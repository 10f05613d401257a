using Homeward.BuildingBlocks.Application.Security;
using Microsoft.AspNetCore.Authorization;

namespace Homeward.BuildingBlocks.Web.Security;

/// <summary>The token must carry the scope.</summary>
public sealed class ScopeRequirement(string scope) : AuthorizationHandler<ScopeRequirement>, IAuthorizationRequirement
{
    public string Scope { get; } = scope;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        if (HttpCurrentUser.ScopesOf(context.User).Contains(requirement.Scope))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Keeps partner cities on partner endpoints: a partner client's token passes only where the endpoint is meant for
/// partners, and only partner clients pass there.
/// </summary>
public sealed class CallerKindRequirement(bool partnerEndpoint) : AuthorizationHandler<CallerKindRequirement>, IAuthorizationRequirement
{
    public bool PartnerEndpoint { get; } = partnerEndpoint;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CallerKindRequirement requirement)
    {
        var isPartner = context.User.IsInRole(Roles.Partner);
        var hasPartnerId = !string.IsNullOrEmpty(context.User.FindFirst(HomewardClaims.PartnerId)?.Value);
        if (requirement.PartnerEndpoint ? isPartner && hasPartnerId : !isPartner)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
