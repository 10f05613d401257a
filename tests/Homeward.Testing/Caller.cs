using HomewardRoles = Homeward.BuildingBlocks.Application.Security.Roles;
using HomewardScopes = Homeward.BuildingBlocks.Application.Security.Scopes;

namespace Homeward.Testing;

/// <summary>Who a test request comes from: the claims its access token will carry.</summary>
public sealed record Caller(
    string Subject,
    string Name,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Scopes,
    string Division,
    string? ClientId = null,
    string? PartnerId = null)
{
    public const string City = "419900000000";

    public static Caller Staff(string division, string role, params string[] scopes) =>
        new(Guid.NewGuid().ToString(), $"{role} of {division}", [role], scopes, division, ClientId: "swagger-ui");

    /// <summary>A city administrator with every staff scope: sees and may do everything in the city.</summary>
    public static Caller CityAdmin() =>
        Staff(City, HomewardRoles.CityAdmin, [.. HomewardScopes.All.Where(s => s != HomewardScopes.PartnerSync)]);

    public static Caller App(params string[] scopes) =>
        new($"app-{Guid.NewGuid():N}"[..12], "Test app", [HomewardRoles.App], scopes, City, ClientId: "app-test");

    public static Caller Partner(string partnerId) =>
        new($"partner-{partnerId}", $"Partner {partnerId}", [HomewardRoles.Partner], [HomewardScopes.PartnerSync], City, ClientId: $"partner-{partnerId}", PartnerId: partnerId);
}
