using System.Text.RegularExpressions;

namespace Homeward.BuildingBlocks.Web.Logging;

/// <summary>
/// Masks anything in a log line that looks like a national ID number (18 characters, the last possibly X) or a
/// mainland mobile number (11 digits from 13 to 19), with or without +86. A second line of defence: Homeward code
/// never logs these on purpose.
/// </summary>
public static partial class PersonalDataRedactor
{
    public static string Redact(string text) =>
        text.Length < 11 ? text : Phone().Replace(NationalId().Replace(text, "[national-id]"), "[phone]");

    [GeneratedRegex(@"(?<![0-9A-Za-z])[1-9]\d{16}[\dXx](?![0-9A-Za-z])")]
    private static partial Regex NationalId();

    [GeneratedRegex(@"(?<!\d)(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)")]
    private static partial Regex Phone();
}
