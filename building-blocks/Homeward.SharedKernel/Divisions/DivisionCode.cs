using System.Diagnostics.CodeAnalysis;

namespace Homeward.SharedKernel.Divisions;

/// <summary>
/// A division of the statistical division code scheme: 12 digits = province (2) + city (2) + county (2) +
/// township (3) + village (3). The 6-digit GB/T 2260 form of a province, city or county is accepted and padded.
/// A code's non-zero prefix names its ancestors, so "is within" is a prefix test.
/// </summary>
public readonly record struct DivisionCode : IComparable<DivisionCode>
{
    public const int Length = 12;
    public const int ShortLength = 6;

    /// <summary>The number of significant leading digits at each level.</summary>
    private static readonly int[] SignificantDigits = [0, 2, 4, 6, 9, 12];

    private DivisionCode(string value, DivisionLevel level)
    {
        Value = value;
        Level = level;
    }

    /// <summary>The 12-digit form.</summary>
    public string Value { get; }

    public DivisionLevel Level { get; }

    /// <summary>The leading digits that this division and every division within it share.</summary>
    public string Prefix => Value[..SignificantDigits[(int)Level]];

    /// <summary>The 6-digit GB/T 2260 form (only a province, city or county has one).</summary>
    public string? ShortForm => Level <= DivisionLevel.County ? Value[..ShortLength] : null;

    /// <summary>The division directly above, or null for a province.</summary>
    public DivisionCode? Parent => Level == DivisionLevel.Province
        ? null
        : FromPrefix(Value[..SignificantDigits[(int)Level - 1]], Level - 1);

    /// <summary>The smallest and largest 12-digit codes in this subtree, for range queries on a stored code.</summary>
    public (string First, string Last) SubtreeRange =>
        (Prefix.PadRight(Length, '0'), Prefix.PadRight(Length, '9'));

    public bool IsWithin(DivisionCode ancestor) => Value.StartsWith(ancestor.Prefix, StringComparison.Ordinal);

    public static DivisionCode Parse(string? value) =>
        TryParse(value, out var code)
            ? code
            : throw new DomainException(
                "division-code-invalid",
                "A division code is a 12-digit statistical code or a 6-digit GB/T 2260 code of a known province.");

    public static bool TryParse(string? value, [NotNullWhen(true)] out DivisionCode code)
    {
        code = default;
        var text = value?.Trim();
        if (text is null || (text.Length != Length && text.Length != ShortLength) || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        var full = text.PadRight(Length, '0');
        if (!Provinces.IsKnown(full.AsSpan(0, 2)))
        {
            return false;
        }

        // The level is the deepest non-zero segment; a zero segment above a non-zero one is malformed.
        var level = DivisionLevel.Province;
        var seenZeroSegment = false;
        for (var next = DivisionLevel.City; next <= DivisionLevel.Village; next++)
        {
            var start = SignificantDigits[(int)next - 1];
            var segment = full.AsSpan(start, SignificantDigits[(int)next] - start);
            var isZero = !segment.ContainsAnyExcept('0');
            if (isZero)
            {
                seenZeroSegment = true;
            }
            else if (seenZeroSegment)
            {
                return false;
            }
            else
            {
                level = next;
            }
        }

        code = new DivisionCode(full, level);
        return true;
    }

    public int CompareTo(DivisionCode other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value ?? string.Empty;

    private static DivisionCode FromPrefix(string prefix, DivisionLevel level) =>
        new(prefix.PadRight(Length, '0'), level);
}
