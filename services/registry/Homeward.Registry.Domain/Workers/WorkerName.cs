using System.Globalization;

namespace Homeward.Registry.Domain.Workers;

/// <summary>
/// A person's name as on the resident ID card: 2 to 30 letters (Chinese or Latin), with the middle dot '·' of
/// transliterated minority names and spaces between Latin words. Digits and other symbols are refused.
/// </summary>
public static class WorkerName
{
    public const int MinLength = 2;
    public const int MaxLength = 30;

    public static bool IsValid(string? name)
    {
        var trimmed = name?.Trim();
        if (trimmed is null || trimmed.Length is < MinLength or > MaxLength)
        {
            return false;
        }

        return trimmed.All(c => c is '·' or ' ' || char.GetUnicodeCategory(c) is UnicodeCategory.OtherLetter
            || char.IsAsciiLetter(c));
    }
}
