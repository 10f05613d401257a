using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.SharedKernel.Divisions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace Homeward.Identity.Clients;

/// <summary>
/// API clients for city administrators: third-party apps and partner cities, each with the scopes it may request.
/// A secret is shown once, when created or rotated; only its hash is stored.
/// </summary>
public static partial class ClientEndpoints
{
    private static readonly HashSet<string> NeverForApps = [Scopes.PartnerSync, Scopes.IdentityAdmin, Scopes.RegistryReveal, Scopes.JobMatchingReveal];

    public static RouteGroupBuilder MapClientEndpoints(this RouteGroupBuilder api)
    {
        var clients = api.MapGroup("/clients").WithTags("Clients").RequireScope(Scopes.IdentityAdmin, Roles.CityAdmin);
        clients.MapPost("/", CreateAsync).WithName("CreateClient").WithSummary("Register an app or a partner city's client")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        clients.MapGet("/", ListAsync).WithName("ListClients").WithSummary("List API clients");
        clients.MapGet("/{clientId}", GetAsync).WithName("GetClient").WithSummary("Read an API client")
            .ProducesProblem(StatusCodes.Status404NotFound);
        clients.MapPost("/{clientId}/secret", RotateSecretAsync).WithName("RotateClientSecret")
            .WithSummary("Issue a new secret; the old one stops working").ProducesProblem(StatusCodes.Status404NotFound);
        clients.MapDelete("/{clientId}", DeleteAsync).WithName("DeleteClient").WithSummary("Remove an API client")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Created<CreatedClientResponse>> CreateAsync(
        CreateClientRequest request,
        IOpenIddictApplicationManager applications,
        IOptions<IdentityOptions> options,
        CancellationToken cancellationToken)
    {
        var profile = Validate(request, options.Value.CityDivision);
        if (await applications.FindByClientIdAsync(profile.ClientId, cancellationToken) is not null)
        {
            throw new ConflictException("client-exists", $"A client '{profile.ClientId}' already exists.", $"/api/identity/v1/clients/{profile.ClientId}");
        }

        var secret = NewSecret();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = profile.ClientId,
            ClientSecret = secret,
            ClientType = OpenIddictConstants.ClientTypes.Confidential,
            DisplayName = profile.DisplayName,
            Permissions = { OpenIddictConstants.Permissions.Endpoints.Token, OpenIddictConstants.Permissions.GrantTypes.ClientCredentials },
        };
        foreach (var scope in request.Scopes!)
        {
            descriptor.Permissions.Add(OpenIddictConstants.Permissions.Prefixes.Scope + scope);
        }

        profile.WriteTo(descriptor);
        await applications.CreateAsync(descriptor, cancellationToken);
        return TypedResults.Created(
            $"/api/identity/v1/clients/{profile.ClientId}",
            new CreatedClientResponse(ClientResponse.From(profile, request.Scopes!), secret));
    }

    private static async Task<Ok<ClientListResponse>> ListAsync(IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        var items = new List<ClientResponse>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            if (await ClientProfile.ReadAsync(applications, application, cancellationToken) is { } profile)
            {
                items.Add(ClientResponse.From(profile, await ScopesOfAsync(applications, application, cancellationToken)));
            }
        }

        return TypedResults.Ok(new ClientListResponse(items.OrderBy(c => c.ClientId, StringComparer.Ordinal).ToList()));
    }

    private static async Task<Ok<ClientResponse>> GetAsync(string clientId, IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        var (application, profile) = await FindAsync(applications, clientId, cancellationToken);
        return TypedResults.Ok(ClientResponse.From(profile, await ScopesOfAsync(applications, application, cancellationToken)));
    }

    private static async Task<Ok<ClientSecretResponse>> RotateSecretAsync(
        string clientId,
        IOpenIddictApplicationManager applications,
        CancellationToken cancellationToken)
    {
        var (application, _) = await FindAsync(applications, clientId, cancellationToken);
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        var secret = NewSecret();
        descriptor.ClientSecret = secret;
        await applications.UpdateAsync(application, descriptor, cancellationToken);
        return TypedResults.Ok(new ClientSecretResponse(clientId, secret));
    }

    private static async Task<NoContent> DeleteAsync(string clientId, IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        var (application, _) = await FindAsync(applications, clientId, cancellationToken);
        await applications.DeleteAsync(application, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<(object Application, ClientProfile Profile)> FindAsync(
        IOpenIddictApplicationManager applications,
        string clientId,
        CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        var profile = application is null ? null : await ClientProfile.ReadAsync(applications, application, cancellationToken);
        return profile is null ? throw new NotFoundException("Client", clientId) : (application!, profile);
    }

    private static async Task<IReadOnlyList<string>> ScopesOfAsync(IOpenIddictApplicationManager applications, object application, CancellationToken cancellationToken) =>
        (await applications.GetPermissionsAsync(application, cancellationToken))
            .Where(p => p.StartsWith(OpenIddictConstants.Permissions.Prefixes.Scope, StringComparison.Ordinal))
            .Select(p => p[OpenIddictConstants.Permissions.Prefixes.Scope.Length..])
            .Order(StringComparer.Ordinal)
            .ToList();

    private static ClientProfile Validate(CreateClientRequest request, string cityDivision)
    {
        var errors = new Dictionary<string, string[]>();
        var kind = request.Kind;
        if (kind is not (Roles.App or Roles.Partner))
        {
            errors["kind"] = ["The kind is \"app\" or \"partner\"."];
        }

        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Length > 100)
        {
            errors["displayName"] = ["A display name of 1 to 100 characters is required."];
        }

        var scopes = request.Scopes ?? [];
        if (scopes.Count == 0 || scopes.Any(s => !Scopes.All.Contains(s)))
        {
            errors["scopes"] = [$"Scopes are one or more of: {string.Join(", ", Scopes.All)}."];
        }
        else if (kind == Roles.Partner && (scopes.Count != 1 || scopes[0] != Scopes.PartnerSync))
        {
            errors["scopes"] = [$"A partner city's client has exactly the scope {Scopes.PartnerSync}."];
        }
        else if (kind == Roles.App && scopes.Any(NeverForApps.Contains))
        {
            errors["scopes"] = [$"An app may not hold {string.Join(", ", NeverForApps)}."];
        }

        if (kind == Roles.Partner && (request.PartnerId is null || !Slug().IsMatch(request.PartnerId)))
        {
            errors["partnerId"] = ["A partner client names its partner city: 2 to 40 lower-case letters, digits or '-'."];
        }

        var division = request.Division ?? cityDivision;
        if (!DivisionCode.TryParse(division, out var code) || DivisionDirectory.Current.Find(code) is not { RetiredOn: null })
        {
            errors["division"] = ["The division is a current division code; leave it out for the whole city."];
        }

        if (request.ClientId is not null && !Slug().IsMatch(request.ClientId))
        {
            errors["clientId"] = ["A client id is 2 to 40 lower-case letters, digits or '-'."];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var clientId = request.ClientId ?? (kind == Roles.Partner ? $"partner-{request.PartnerId}" : $"app-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
        return new ClientProfile(clientId, request.DisplayName!.Trim(), kind!, kind == Roles.Partner ? request.PartnerId : null, code.Value);
    }

    private static string NewSecret() => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$")]
    private static partial Regex Slug();
}

/// <param name="Kind">"app" (third-party application) or "partner" (a partner city's system).</param>
/// <param name="PartnerId">The partner city, e.g. "beijing"; required for partner clients.</param>
/// <param name="Division">Division the client works for; the whole city when left out.</param>
/// <param name="ClientId">Chosen client id; generated when left out.</param>
public sealed record CreateClientRequest(string? DisplayName, string? Kind, IReadOnlyList<string>? Scopes, string? PartnerId, string? Division, string? ClientId);

public sealed record ClientResponse(string ClientId, string DisplayName, string Kind, string? PartnerId, string Division, IReadOnlyList<string> Scopes)
{
    public static ClientResponse From(ClientProfile profile, IReadOnlyList<string> scopes) =>
        new(profile.ClientId, profile.DisplayName, profile.Kind, profile.PartnerId, profile.Division, scopes);
}

/// <param name="ClientSecret">Shown only now; store it safely.</param>
public sealed record CreatedClientResponse(ClientResponse Client, string ClientSecret);

public sealed record ClientSecretResponse(string ClientId, string ClientSecret);

public sealed record ClientListResponse(IReadOnlyList<ClientResponse> Items);
