using System.Collections.Frozen;
using System.Text.Json;

namespace Homeward.SharedKernel;

/// <summary>
/// Enum values as events, other services and plain-word explanations carry them: camelCase names. Each name is made
/// once per value, not per call: an import of 100,000 workers names several values of each.
/// </summary>
public static class EnumNames
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Cache<TEnum>.Names.TryGetValue(value, out var name) ? name : JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>Reads a camelCase name, such as one from another service's event; an unknown name yields null rather than a failure.</summary>
    public static TEnum? Parse<TEnum>(string? name)
        where TEnum : struct, Enum =>
        name is not null && Enum.TryParse<TEnum>(name, ignoreCase: true, out var value) && Enum.IsDefined(value) ? value : null;

    private static class Cache<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> Names =
            Enum.GetValues<TEnum>().Distinct().ToFrozenDictionary(value => value, value => JsonNamingPolicy.CamelCase.ConvertName(value.ToString()));
    }
}
