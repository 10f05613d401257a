using System.Diagnostics.CodeAnalysis;

namespace Homeward.SharedKernel.Identity;

/// <summary>
/// A mainland China mobile number: 11 digits starting with 1 and a network digit 3–9. An optional +86 / 86
/// prefix, spaces and hyphens are accepted on input and removed.
/// </summary>
/// <remarks><see cref="ToString"/> returns the masked form so that the number never reaches a log by accident.</remarks>
public sealed class PhoneNumber : IEquatable<PhoneNumber>
{
    public const int Length = 11;

    /// <summary>Longer input is refused before it is looked at; no formatting of an 11-digit number needs more.</summary>
    private const int MaxInputLength = 32;

    private PhoneNumber(string value) => Value = value;

    public string Value { get; }

    /// <summary>First three and last four digits visible: <c>138****5678</c>.</summary>
    public string Masked => Mask(Value);

    public static PhoneNumber Parse(string? value) =>
        TryParse(value, out var phone)
            ? phone
            : throw new DomainException("phone-invalid", "A phone number is an 11-digit mainland mobile number starting with 13–19.");

    public static bool TryParse(string? value, [NotNullWhen(true)] out PhoneNumber? phone)
    {
        phone = null;
        var text = value.AsSpan().Trim();
        if (text.IsEmpty || text.Length > MaxInputLength)
        {
            return false;
        }

        // '+' may only introduce the country code: "+86 138 1234 5678".
        var internationalPrefix = text[0] == '+';
        if (internationalPrefix)
        {
            text = text[1..];
        }

        Span<char> digits = stackalloc char[MaxInputLength];
        var count = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits[count++] = c;
            }
            else if (c is not (' ' or '-'))
            {
                return false;
            }
        }

        var number = digits[..count];
        if (number.Length == Length + 2 && number.StartsWith("86"))
        {
            number = number[2..];
        }
        else if (internationalPrefix)
        {
            return false;
        }

        if (number.Length != Length || number[0] != '1' || number[1] < '3')
        {
            return false;
        }

        phone = new PhoneNumber(new string(number));
        return true;
    }

    public static string Mask(string value) =>
        value.Length == Length ? string.Concat(value.AsSpan(0, 3), "****", value.AsSpan(7)) : new string('*', value.Length);

    public bool Equals(PhoneNumber? other) => other is not null && other.Value == Value;

    public override bool Equals(object? obj) => obj is PhoneNumber other && Equals(other);

    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Masked;
}
