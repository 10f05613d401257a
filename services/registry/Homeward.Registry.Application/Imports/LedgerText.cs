using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Homeward.Registry.Domain.Workers;

namespace Homeward.Registry.Application.Imports;

/// <summary>Values written into ledger cells in the form <see cref="LedgerEntry.Read"/> reads them back.</summary>
public static class LedgerText
{
    public static string? Of(EducationLevel? value) => value is { } v ? Name(v) : null;

    public static string? Of(IReadOnlyList<Skill> skills) =>
        skills.Count == 0 ? null : string.Join(';', skills.Select(s => $"{s.TradeCode}:{Name(s.Level)}"));

    public static string? Of(IReadOnlyList<Certificate> certificates) =>
        certificates.Count == 0 ? null : string.Join(';', certificates.Select(c =>
            $"{c.Number}:{Name(c.Kind)}:{c.TradeCode}:{(c.Level is { } level ? Name(level) : null)}:{Of(c.IssuedOn)}:{c.Issuer}"));

    public static string? Of(IReadOnlyList<string> trades) => trades.Count == 0 ? null : string.Join(';', trades);

    public static string Of(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Of(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    public static string Of(int number) => number.ToString(CultureInfo.InvariantCulture);

    public static string Of(bool flag) => flag ? "yes" : "no";

    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>An enum value by its name in any case ("juniorHigh", "JuniorHigh"); numbers are not names.</summary>
    public static bool TryParse<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum => Names<TEnum>.ByName.TryGetValue(text, out value);

    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<string, TEnum> ByName =
            Enum.GetValues<TEnum>().ToFrozenDictionary(v => v.ToString(), StringComparer.OrdinalIgnoreCase);
    }
}
