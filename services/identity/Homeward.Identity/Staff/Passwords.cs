using Microsoft.AspNetCore.Identity;

namespace Homeward.Identity.Staff;

/// <summary>ASP.NET Core Identity's password hasher (PBKDF2, versioned format) and the platform's password rule.</summary>
public sealed class Passwords
{
    public const int MinLength = 10;
    private readonly PasswordHasher<StaffAccount> _hasher = new();

    public string Hash(StaffAccount? account, string password) => _hasher.HashPassword(account!, password);

    /// <summary>Checks a password; when the stored hash uses outdated parameters, also returns a fresh hash to store.</summary>
    public (bool Valid, string? Rehashed) Verify(StaffAccount account, string password)
    {
        var result = _hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        return result switch
        {
            PasswordVerificationResult.Success => (true, null),
            PasswordVerificationResult.SuccessRehashNeeded => (true, _hasher.HashPassword(account, password)),
            _ => (false, null),
        };
    }

    /// <summary>At least 10 characters, from at least three of: lower case, upper case, digits, others; not the user name.</summary>
    public static string? Weakness(string? password, string userName)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
        {
            return $"A password has at least {MinLength} characters.";
        }

        var classes = new[] { password.Any(char.IsLower), password.Any(char.IsUpper), password.Any(char.IsDigit), password.Any(c => !char.IsLetterOrDigit(c)) }
            .Count(present => present);
        if (classes < 3)
        {
            return "A password mixes at least three of: lower case, upper case, digits, other characters.";
        }

        return userName.Length > 0 && password.Contains(userName, StringComparison.OrdinalIgnoreCase)
            ? "A password must not contain the user name."
            : null;
    }
}
