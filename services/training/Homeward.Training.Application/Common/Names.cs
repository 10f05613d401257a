using System.Text.Json;

namespace Homeward.Training.Application.Common;

/// <summary>Enum values as events and other services carry them: camelCase names.</summary>
public static class Names
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>Reads a camelCase name; an unknown name yields null rather than a failure.</summary>
    public static TEnum? Parse<TEnum>(string? name)
        where TEnum : struct, Enum =>
        name is not null && Enum.TryParse<TEnum>(name, ignoreCase: true, out var value) && Enum.IsDefined(value) ? value : null;
}
