using System.Text.RegularExpressions;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Web.Http;
using Homeward.BuildingBlocks.Web.Idempotency;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.Identity.Persistence;
using Homeward.SharedKernel.Divisions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Identity.Staff;

/// <summary>Staff accounts, for city administrators: create, list, change roles or office, disable, reset, unlock.</summary>
public static partial class StaffEndpoints
{
    public static RouteGroupBuilder MapStaffEndpoints(this RouteGroupBuilder api)
    {
        var staff = api.MapGroup("/staff").WithTags("Staff").RequireScope(Scopes.IdentityAdmin, Roles.CityAdmin);
        staff.MapPost("/", CreateAsync).WithName("CreateStaffAccount").WithSummary("Create a staff account")
            .WithIdempotency().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapGet("/", ListAsync).WithName("ListStaffAccounts").WithSummary("List staff accounts by user name");
        staff.MapGet("/{id:guid}", GetAsync).WithName("GetStaffAccount").WithSummary("Read a staff account")
            .ProducesProblem(StatusCodes.Status404NotFound);
        staff.MapPatch("/{id:guid}", ChangeAsync).WithName("ChangeStaffAccount")
            .WithSummary("Change name, roles, office or disable (If-Match required)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        staff.MapPut("/{id:guid}/password", SetPasswordAsync).WithName("SetStaffPassword").WithSummary("Set a new password")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        staff.MapPost("/{id:guid}/unlock", UnlockAsync).WithName("UnlockStaffAccount").WithSummary("Lift a lockout after failed sign-ins")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Created<StaffResponse>> CreateAsync(
        CreateStaffRequest request,
        IdentityDbContext db,
        Passwords passwords,
        TimeProvider clock,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var userName = StaffAccount.Normalize(request.UserName ?? string.Empty);
        if (!UserName().IsMatch(userName))
        {
            errors["userName"] = ["A user name is 3 to 64 lower-case letters, digits, '.', '_' or '-'."];
        }

        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Length > 100)
        {
            errors["displayName"] = ["A display name of 1 to 100 characters is required."];
        }

        if (Passwords.Weakness(request.Password, userName) is { } weakness)
        {
            errors["password"] = [weakness];
        }

        ValidateOffice(request.Roles, request.Division, errors);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        if (await db.StaffAccounts.AnyAsync(s => s.UserName == userName, cancellationToken))
        {
            throw new ConflictException("user-name-taken", $"The user name '{userName}' is taken.");
        }

        var now = clock.GetUtcNow();
        var account = StaffAccount.Create(Guid.CreateVersion7(now), userName, request.DisplayName!, string.Empty, request.Roles!, DivisionCode.Parse(request.Division).Value, now);
        account.SetPassword(passwords.Hash(account, request.Password!), now);
        db.StaffAccounts.Add(account);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            throw new ConflictException("user-name-taken", $"The user name '{userName}' is taken.");
        }

        response.SetETag(account.RowVersion);
        return TypedResults.Created($"/api/identity/v1/staff/{account.Id}", StaffResponse.From(account));
    }

    private static async Task<Ok<Page<StaffResponse>>> ListAsync(
        IdentityDbContext db,
        CancellationToken cancellationToken,
        int? limit = null,
        string? cursor = null)
    {
        var page = PageRequest.Create(limit, cursor);
        var after = page.After<string>();
        var fetched = await db.StaffAccounts.AsNoTracking()
            .Where(s => after == null || string.Compare(s.UserName, after) > 0)
            .OrderBy(s => s.UserName)
            .Take(page.Limit + 1)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(Page<StaffAccount>.FromOverFetch(fetched, page, s => s.UserName).Map(StaffResponse.From));
    }

    private static async Task<Ok<StaffResponse>> GetAsync(Guid id, IdentityDbContext db, HttpResponse response, CancellationToken cancellationToken)
    {
        var account = await FindAsync(db, id, cancellationToken);
        response.SetETag(account.RowVersion);
        return TypedResults.Ok(StaffResponse.From(account));
    }

    private static async Task<Ok<StaffResponse>> ChangeAsync(
        Guid id,
        ChangeStaffRequest request,
        IdentityDbContext db,
        TimeProvider clock,
        HttpRequest httpRequest,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var expected = httpRequest.RequireIfMatch("Staff account", id);
        var account = await FindAsync(db, id, cancellationToken);
        var errors = new Dictionary<string, string[]>();
        if (request.DisplayName is { } name && (string.IsNullOrWhiteSpace(name) || name.Length > 100))
        {
            errors["displayName"] = ["A display name has 1 to 100 characters."];
        }

        ValidateOffice(request.Roles ?? account.Roles, request.Division ?? account.Division, errors);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var remainsAdministrator = !(request.Disabled ?? account.Disabled) && (request.Roles ?? account.Roles).Contains(Roles.CityAdmin);
        if (account.Roles.Contains(Roles.CityAdmin) && !account.Disabled && !remainsAdministrator
            && !await db.StaffAccounts.AnyAsync(s => s.Id != account.Id && !s.Disabled && s.Roles.Contains(Roles.CityAdmin), cancellationToken))
        {
            throw new ConflictException("last-administrator", "This is the last active city administrator; appoint another before disabling or demoting this one.");
        }

        db.ExpectRowVersion(account, expected);
        account.Change(request.DisplayName, request.Roles, request.Division is null ? null : DivisionCode.Parse(request.Division).Value, request.Disabled, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        response.SetETag(account.RowVersion);
        return TypedResults.Ok(StaffResponse.From(account));
    }

    private static async Task<NoContent> SetPasswordAsync(
        Guid id,
        SetPasswordRequest request,
        IdentityDbContext db,
        Passwords passwords,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var account = await FindAsync(db, id, cancellationToken);
        if (Passwords.Weakness(request.Password, account.UserName) is { } weakness)
        {
            throw new RequestValidationException("password", weakness);
        }

        account.SetPassword(passwords.Hash(account, request.Password!), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<StaffResponse>> UnlockAsync(Guid id, IdentityDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var account = await FindAsync(db, id, cancellationToken);
        account.Unlock(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(StaffResponse.From(account));
    }

    private static async Task<StaffAccount> FindAsync(IdentityDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.StaffAccounts.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new NotFoundException("Staff account", id);

    /// <summary>Roles are staff roles; the office is a known division; a city administrator works at city level.</summary>
    private static void ValidateOffice(IReadOnlyCollection<string>? roles, string? division, Dictionary<string, string[]> errors)
    {
        if (roles is null || roles.Count == 0 || roles.Any(r => !Roles.Staff.Contains(r)))
        {
            errors["roles"] = [$"Roles are one or more of: {string.Join(", ", Roles.Staff)}."];
        }

        if (!DivisionCode.TryParse(division, out var code) || DivisionDirectory.Current.Find(code) is not { RetiredOn: null })
        {
            errors["division"] = ["The office's division is a current division code (city, county, township or village)."];
        }
        else if (roles?.Contains(Roles.CityAdmin) == true && code.Level != DivisionLevel.City)
        {
            errors["division"] = ["A city administrator works at city level."];
        }
    }

    [GeneratedRegex("^[a-z0-9._-]{3,64}$")]
    private static partial Regex UserName();
}

public sealed record CreateStaffRequest(string? UserName, string? DisplayName, string? Password, IReadOnlyList<string>? Roles, string? Division);

/// <summary>Only the fields given change.</summary>
public sealed record ChangeStaffRequest(string? DisplayName, IReadOnlyList<string>? Roles, string? Division, bool? Disabled);

public sealed record SetPasswordRequest(string? Password);

public sealed record StaffResponse(
    Guid Id,
    string UserName,
    string DisplayName,
    IReadOnlyList<string> Roles,
    string Division,
    bool Disabled,
    DateTimeOffset? LockedOutUntil,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static StaffResponse From(StaffAccount account) => new(
        account.Id,
        account.UserName,
        account.DisplayName,
        account.Roles,
        account.Division,
        account.Disabled,
        account.LockedOutUntil,
        account.CreatedAt,
        account.UpdatedAt);
}
