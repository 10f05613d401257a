using System.Diagnostics.CodeAnalysis;

namespace Homeward.SharedKernel.Organizations;

/// <summary>
/// Unified social credit code of a legal person or other organisation (GB 32100-2015): registration authority (1),
/// organisation type (1), registering division (6 digits), organisation code (9) and a check character, over an
/// alphabet of 31 characters that omits I, O, S, V and Z.
/// </summary>
public readonly record struct UnifiedSocialCreditCode
{
    public const int Length = 18;
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private UnifiedSocialCreditCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>The 6-digit GB/T 2260 code of the division where the organisation was registered.</summary>
    public string RegistrationDivision => Value[2..8];

    public static UnifiedSocialCreditCode Parse(string? value) =>
        TryParse(value, out var code)
            ? code
            : throw new DomainException(
                "credit-code-invalid",
                "A unified social credit code has 18 characters from 0-9 and A-Y without I, O, S, V, Z, and a matching check character.");

    public static bool TryParse(string? value, [NotNullWhen(true)] out UnifiedSocialCreditCode code)
    {
        code = default;
        var text = value?.Trim().ToUpperInvariant();
        if (text is null || text.Length != Length)
        {
            return false;
        }

        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        var sum = 0;
        for (var i = 0; i < Length - 1; i++)
        {
            var index = Alphabet.IndexOf(text[i], StringComparison.Ordinal);
            if (index < 0)
            {
                return false;
            }

            sum += index * Weights[i];
        }

        if (Alphabet.IndexOf(text[^1], StringComparison.Ordinal) < 0 || ComputeCheckCharacter(sum) != text[^1])
        {
            return false;
        }

        code = new UnifiedSocialCreditCode(text);
        return true;
    }

    /// <summary>The check character for the first 17 characters of a code.</summary>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != Length - 1)
        {
            throw new ArgumentException("Exactly 17 characters are needed.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            var index = Alphabet.IndexOf(char.ToUpperInvariant(first17[i]));
            if (index < 0)
            {
                throw new ArgumentException($"'{first17[i]}' is not in the credit-code alphabet.", nameof(first17));
            }

            sum += index * Weights[i];
        }

        return ComputeCheckCharacter(sum);
    }

    public override string ToString() => Value ?? string.Empty;

    private static char ComputeCheckCharacter(int weightedSum) => Alphabet[(31 - (weightedSum % 31)) % 31];
}
