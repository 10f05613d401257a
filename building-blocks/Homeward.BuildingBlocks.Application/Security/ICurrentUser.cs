using Homeward.SharedKernel.Divisions;

namespace Homeward.BuildingBlocks.Application.Security;

/// <summary>Who is calling, as the access token says.</summary>
public interface ICurrentUser
{
    /// <summary>The staff account id, or the client id of an application.</summary>
    string Id { get; }

    string? Name { get; }

    /// <summary>The client application the token was issued to.</summary>
    string? ClientId { get; }

    IReadOnlyCollection<string> Roles { get; }

    IReadOnlyCollection<string> Scopes { get; }

    /// <summary>The office's division, or null when the token carries none (then no worker-level data is visible).</summary>
    DivisionCode? Division { get; }

    /// <summary>The partner city of a partner client.</summary>
    string? PartnerId { get; }

    bool IsInRole(string role) => Roles.Contains(role);
}
