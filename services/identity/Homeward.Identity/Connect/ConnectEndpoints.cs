using Homeward.Identity.Clients;
using Homeward.Identity.Persistence;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Primitives;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;

namespace Homeward.Identity.Connect;

/// <summary>
/// The OAuth endpoints OpenIddict validates and passes through: authorization (staff sign-in, code + PKCE) and token
/// (code exchange and client credentials). The claims of every token are built fresh from the current account or
/// client, so a disabled account or a changed role takes effect at the next token.
/// </summary>
public static class ConnectEndpoints
{
    public static IEndpointRouteBuilder MapConnectEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();
        endpoints.MapPost("/connect/token", TokenAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext context, IdentityDbContext db, TimeProvider clock)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var signedIn = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        var account = signedIn.Succeeded && Guid.TryParse(signedIn.Principal?.FindFirst(OpenIddictConstants.Claims.Subject)?.Value, out var id)
            ? await db.StaffAccounts.FindAsync([id], context.RequestAborted)
            : null;

        if (account is null || !account.CanSignIn(clock.GetUtcNow()) || request.HasPromptValue(OpenIddictConstants.PromptValues.Login))
        {
            // prompt=login asks for one fresh sign-in: the way back from the sign-in page must not ask again, or the
            // sign-in never ends.
            var parameters = (context.Request.HasFormContentType ? (IEnumerable<KeyValuePair<string, StringValues>>)context.Request.Form : context.Request.Query)
                .Where(parameter => parameter.Key != OpenIddictConstants.Parameters.Prompt)
                .ToList();
            var prompts = request.GetPromptValues().Where(prompt => prompt != OpenIddictConstants.PromptValues.Login).ToArray();
            if (prompts.Length > 0)
            {
                parameters.Add(new(OpenIddictConstants.Parameters.Prompt, string.Join(' ', prompts)));
            }

            return Results.Challenge(
                new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + QueryString.Create(parameters) },
                [CookieAuthenticationDefaults.AuthenticationScheme]);
        }

        return Results.SignIn(Principals.ForStaff(account, request.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> TokenAsync(
        HttpContext context,
        IdentityDbContext db,
        IOpenIddictApplicationManager applications,
        TimeProvider clock)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!, context.RequestAborted);
            var client = application is null ? null : await ClientProfile.ReadAsync(applications, application, context.RequestAborted);
            if (client is null)
            {
                return Refuse(OpenIddictConstants.Errors.InvalidClient, "This client may not use client credentials.");
            }

            // Scope permissions are checked here rather than by OpenIddict, to answer invalid_scope as RFC 6749 §5.2 says.
            foreach (var scope in request.GetScopes())
            {
                if (!await applications.HasPermissionAsync(application!, OpenIddictConstants.Permissions.Prefixes.Scope + scope, context.RequestAborted))
                {
                    return Refuse(OpenIddictConstants.Errors.InvalidScope, $"This client was not granted the scope '{scope}'.");
                }
            }

            return Results.SignIn(Principals.ForClient(client, request.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsAuthorizationCodeGrantType())
        {
            var code = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var account = Guid.TryParse(code.Principal?.GetClaim(OpenIddictConstants.Claims.Subject), out var id)
                ? await db.StaffAccounts.FindAsync([id], context.RequestAborted)
                : null;
            return account is null || !account.CanSignIn(clock.GetUtcNow())
                ? Refuse(OpenIddictConstants.Errors.InvalidGrant, "The account can no longer sign in.")
                : Results.SignIn(Principals.ForStaff(account, code.Principal!.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Refuse(OpenIddictConstants.Errors.UnsupportedGrantType, "Only authorization_code and client_credentials are supported.");
    }

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
