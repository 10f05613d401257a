using Homeward.SharedKernel;

namespace Homeward.Identity.Staff;

/// <summary>
/// A member of staff of the four-level service network: signs in with a password, works in one office (division)
/// with one or more roles. Repeated failed sign-ins lock the account for a while.
/// </summary>
public sealed class StaffAccount : IHasRowVersion
{
    private StaffAccount()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Lower-case sign-in name, unique.</summary>
    public string UserName { get; private set; } = string.Empty;

    public string DisplayName { get; private set; } = string.Empty;

    public string PasswordHash { get; private set; } = string.Empty;

    public string[] Roles { get; private set; } = [];

    /// <summary>12-digit code of the office's division: city, county, township or village.</summary>
    public string Division { get; private set; } = string.Empty;

    public int FailedSignIns { get; private set; }

    public DateTimeOffset? LockedOutUntil { get; private set; }

    public bool Disabled { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint RowVersion { get; private set; }

    public static StaffAccount Create(
        Guid id,
        string userName,
        string displayName,
        string passwordHash,
        IEnumerable<string> roles,
        string division,
        DateTimeOffset now) => new()
        {
            Id = id,
            UserName = Normalize(userName),
            DisplayName = displayName.Trim(),
            PasswordHash = passwordHash,
            Roles = roles.Distinct().Order().ToArray(),
            Division = division,
            CreatedAt = now,
            UpdatedAt = now,
        };

    public static string Normalize(string userName) => userName.Trim().ToLowerInvariant();

    public bool IsLockedOut(DateTimeOffset now) => LockedOutUntil > now;

    public bool CanSignIn(DateTimeOffset now) => !Disabled && !IsLockedOut(now);

    public void RecordFailedSignIn(int maxFailures, TimeSpan lockout, DateTimeOffset now)
    {
        FailedSignIns++;
        if (FailedSignIns >= maxFailures)
        {
            LockedOutUntil = now + lockout;
            FailedSignIns = 0;
        }
    }

    public void RecordSignIn(string? rehashedPassword, DateTimeOffset now)
    {
        FailedSignIns = 0;
        LockedOutUntil = null;
        if (rehashedPassword is not null)
        {
            PasswordHash = rehashedPassword;
            UpdatedAt = now;
        }
    }

    public void Change(string? displayName, IEnumerable<string>? roles, string? division, bool? disabled, DateTimeOffset now)
    {
        DisplayName = displayName?.Trim() ?? DisplayName;
        Roles = roles?.Distinct().Order().ToArray() ?? Roles;
        Division = division ?? Division;
        Disabled = disabled ?? Disabled;
        UpdatedAt = now;
    }

    public void SetPassword(string passwordHash, DateTimeOffset now)
    {
        PasswordHash = passwordHash;
        FailedSignIns = 0;
        LockedOutUntil = null;
        UpdatedAt = now;
    }

    public void Unlock(DateTimeOffset now)
    {
        FailedSignIns = 0;
        LockedOutUntil = null;
        UpdatedAt = now;
    }
}
