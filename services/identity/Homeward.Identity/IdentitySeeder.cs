using Homeward.BuildingBlocks.Application.Security;
using Homeward.Identity.Persistence;
using Homeward.Identity.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace Homeward.Identity;

/// <summary>
/// At start: keeps the staff sign-in clients (the Swagger UI and the ops dashboard) in step with configuration, and creates the bootstrap city administrator
/// when there is no staff account at all (and only then, so a changed bootstrap password never reopens an account).
/// </summary>
public sealed partial class IdentitySeeder(
    IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> options,
    TimeProvider clock,
    ILogger<IdentitySeeder> logger) : IHostedService
{
    public const string SwaggerClientId = "swagger-ui";

    public const string DashboardClientId = "dashboard";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await EnsureStaffClientAsync(
            applications, SwaggerClientId, "Homeward Swagger UI (staff sign-in)", options.Value.SwaggerRedirectUris, cancellationToken);
        await EnsureStaffClientAsync(
            applications, DashboardClientId, "Homeward ops dashboard (staff sign-in)", options.Value.DashboardRedirectUris, cancellationToken);
        await EnsureBootstrapAdministratorAsync(
            scope.ServiceProvider.GetRequiredService<IdentityDbContext>(),
            scope.ServiceProvider.GetRequiredService<Passwords>(),
            cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A public client for staff in a browser: authorization code with PKCE, any scope (each role is granted only its own).</summary>
    private static async Task EnsureStaffClientAsync(
        IOpenIddictApplicationManager applications,
        string clientId,
        string displayName,
        IEnumerable<string> redirectUris,
        CancellationToken cancellationToken)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientType = OpenIddictConstants.ClientTypes.Public,
            DisplayName = displayName,
            Permissions =
            {
                OpenIddictConstants.Permissions.Endpoints.Authorization,
                OpenIddictConstants.Permissions.Endpoints.Token,
                OpenIddictConstants.Permissions.GrantTypes.AuthorizationCode,
                OpenIddictConstants.Permissions.ResponseTypes.Code,
            },
            Requirements = { OpenIddictConstants.Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var scope in Scopes.All)
        {
            descriptor.Permissions.Add(OpenIddictConstants.Permissions.Prefixes.Scope + scope);
        }

        foreach (var uri in redirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri));
        }

        var existing = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
        else
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
    }

    private async Task EnsureBootstrapAdministratorAsync(IdentityDbContext db, Passwords passwords, CancellationToken cancellationToken)
    {
        if (options.Value.Bootstrap is not { } bootstrap || string.IsNullOrEmpty(bootstrap.UserName)
            || await db.StaffAccounts.AnyAsync(cancellationToken))
        {
            return;
        }

        if (Passwords.Weakness(bootstrap.Password, bootstrap.UserName) is { } weakness)
        {
            throw new InvalidOperationException($"Identity:Bootstrap:Password is too weak. {weakness}");
        }

        var now = clock.GetUtcNow();
        var account = StaffAccount.Create(
            Guid.CreateVersion7(now), bootstrap.UserName, bootstrap.DisplayName, string.Empty, [Roles.CityAdmin], options.Value.CityDivision, now);
        account.SetPassword(passwords.Hash(account, bootstrap.Password), now);
        db.StaffAccounts.Add(account);
        await db.SaveChangesAsync(cancellationToken);
        LogBootstrapped(logger, account.UserName);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the bootstrap city administrator '{UserName}'")]
    private static partial void LogBootstrapped(ILogger logger, string userName);
}
