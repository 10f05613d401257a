using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Homeward.SharedKernel.Divisions;

namespace Homeward.SharedKernel.Identity;

/// <summary>
/// Resident identity number (GB 11643-1999): six-digit region code, eight-digit birth date, three-digit sequence
/// (odd for men) and an ISO 7064 MOD 11-2 check character.
/// </summary>
/// <remarks>
/// <see cref="ToString"/> returns the masked form so that an accidental interpolation into a log line or message
/// never discloses the number; use <see cref="Value"/> deliberately.
/// </remarks>
public sealed class NationalId : IEquatable<NationalId>
{
    public const int Length = 18;
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private NationalId(string value, DateOnly birthDate, Gender gender)
    {
        Value = value;
        BirthDate = birthDate;
        Gender = gender;
    }

    public string Value { get; }

    public DateOnly BirthDate { get; }

    public Gender Gender { get; }

    /// <summary>The GB/T 2260 code of the region where the number was issued (usually the birth county).</summary>
    public string RegionCode => Value[..6];

    /// <summary>First six and last four characters visible: <c>110101********1234</c>.</summary>
    public string Masked => Mask(Value);

    public int AgeOn(DateOnly day)
    {
        var age = day.Year - BirthDate.Year;
        return BirthDate.AddYears(age) > day ? age - 1 : age;
    }

    public static NationalId Parse(string? value, DateOnly today) =>
        TryParse(value, today, out var id, out var error)
            ? id
            : throw new DomainException("national-id-invalid", error.Describe());

    public static bool TryParse(
        string? value,
        DateOnly today,
        [NotNullWhen(true)] out NationalId? nationalId,
        out NationalIdError error)
    {
        nationalId = null;
        error = Validate(value, today, out var normalized, out var birthDate);
        if (error != NationalIdError.None)
        {
            return false;
        }

        var sequence = normalized[14..17];
        var gender = (sequence[2] - '0') % 2 == 1 ? Gender.Male : Gender.Female;
        nationalId = new NationalId(normalized, birthDate, gender);
        return true;
    }

    /// <summary>The check character for the first 17 characters of a number.</summary>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != Length - 1)
        {
            throw new ArgumentException("Exactly 17 digits are needed.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            if (!char.IsAsciiDigit(first17[i]))
            {
                throw new ArgumentException("Only digits are allowed.", nameof(first17));
            }

            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>Masks any 18-character number, valid or not, for display.</summary>
    public static string Mask(string value) =>
        value.Length == Length ? string.Concat(value.AsSpan(0, 6), "********", value.AsSpan(14)) : new string('*', value.Length);

    private static NationalIdError Validate(string? value, DateOnly today, out string normalized, out DateOnly birthDate)
    {
        birthDate = default;
        normalized = value?.Trim().ToUpperInvariant() ?? string.Empty;
        if (normalized.Length == 0)
        {
            return NationalIdError.Empty;
        }

        if (normalized.Length != Length)
        {
            return NationalIdError.Length;
        }

        var span = normalized.AsSpan();
        foreach (var c in span[..17])
        {
            if (!char.IsAsciiDigit(c))
            {
                return NationalIdError.Characters;
            }
        }

        if (!char.IsAsciiDigit(span[17]) && span[17] != 'X')
        {
            return NationalIdError.Characters;
        }

        if (!IsKnownRegion(span[..6]))
        {
            return NationalIdError.Region;
        }

        if (!DateOnly.TryParseExact(span[6..14], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out birthDate)
            || birthDate.Year < 1900)
        {
            return NationalIdError.BirthDate;
        }

        if (birthDate > today)
        {
            return NationalIdError.BirthDateInFuture;
        }

        return ComputeCheckCharacter(span[..17]) == span[17] ? NationalIdError.None : NationalIdError.CheckCharacter;
    }

    /// <summary>
    /// A county-level code of a known province, or one of the region codes of residence permits for Hong Kong,
    /// Macao and Taiwan residents (810000, 820000, 830000), which are the only valid codes ending in 0000.
    /// </summary>
    private static bool IsKnownRegion(ReadOnlySpan<char> region) =>
        region is "810000" or "820000" or "830000"
        || (Provinces.IsKnown(region[..2]) && !region[2..].SequenceEqual("0000"));

    public bool Equals(NationalId? other) => other is not null && other.Value == Value;

    public override bool Equals(object? obj) => obj is NationalId other && Equals(other);

    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Masked;
}
