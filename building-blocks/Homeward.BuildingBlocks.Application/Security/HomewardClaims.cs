namespace Homeward.BuildingBlocks.Application.Security;

/// <summary>Claim types in Homeward access tokens (JWT, names as in OpenID Connect where one exists).</summary>
public static class HomewardClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string Scope = "scope";
    public const string ClientId = "client_id";

    /// <summary>The 12-digit division code of the caller's office; every worker-level query is limited to it.</summary>
    public const string Division = "division";

    /// <summary>The partner city a partner client belongs to.</summary>
    public const string PartnerId = "partner_id";
}
