using System.Security.Claims;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.SharedKernel.Divisions;
using Microsoft.AspNetCore.Http;

namespace Homeward.BuildingBlocks.Web.Security;

/// <summary>The caller of the current request, read from the validated access token.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public string Id => Principal.FindFirstValue(HomewardClaims.Subject) ?? string.Empty;

    public string? Name => Principal.FindFirstValue(HomewardClaims.Name);

    public string? ClientId => Principal.FindFirstValue(HomewardClaims.ClientId);

    public IReadOnlyCollection<string> Roles => Principal.FindAll(HomewardClaims.Role).Select(c => c.Value).ToHashSet();

    public IReadOnlyCollection<string> Scopes => ScopesOf(Principal);

    public DivisionCode? Division =>
        DivisionCode.TryParse(Principal.FindFirstValue(HomewardClaims.Division), out var division) ? division : null;

    public string? PartnerId => Principal.FindFirstValue(HomewardClaims.PartnerId);

    /// <summary>Scopes arrive as one space-separated claim (RFC 9068) or as several claims; both are read.</summary>
    public static HashSet<string> ScopesOf(ClaimsPrincipal principal) =>
        principal.FindAll(HomewardClaims.Scope)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
}
