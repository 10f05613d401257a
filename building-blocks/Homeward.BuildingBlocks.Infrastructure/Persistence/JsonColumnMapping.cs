using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Homeward.BuildingBlocks.Infrastructure.Persistence;

public static class JsonColumnMapping
{
    /// <summary>How the columns store their values; also for bulk loaders that write the rows without EF Core.</summary>
    public static JsonSerializerOptions SerializerOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static JsonSerializerOptions Options => SerializerOptions;

    /// <summary>
    /// Stores an immutable value (a record or a list of records) as one jsonb column, compared by its JSON so that a
    /// replaced value with the same content is no change. For facts that are read and written whole and searched
    /// through dedicated columns, not inside the JSON.
    /// </summary>
    public static PropertyBuilder<T> HasJsonColumn<T>(this PropertyBuilder<T> property)
    {
        property.HasConversion(
                new JsonColumnConverter<T>(),
                new ValueComparer<T>(
                    (left, right) => JsonSerializer.Serialize(left, Options) == JsonSerializer.Serialize(right, Options),
                    value => JsonSerializer.Serialize(value, Options).GetHashCode(StringComparison.Ordinal),
                    value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Options), Options)!))
            .HasColumnType("jsonb");
        return property;
    }

    /// <summary>A JSON column's conversion, by which bulk writers recognise one.</summary>
    public sealed class JsonColumnConverter<T>() : ValueConverter<T, string>(
        value => JsonSerializer.Serialize(value, Options),
        json => JsonSerializer.Deserialize<T>(json, Options)!), IJsonColumnConverter
    {
        public byte[] ToUtf8Json(object value) => JsonSerializer.SerializeToUtf8Bytes((T)value, Options);
    }
}

/// <summary>A JSON column's conversion straight to the UTF-8 a <c>jsonb</c> column is sent as, for bulk writers.</summary>
public interface IJsonColumnConverter
{
    byte[] ToUtf8Json(object value);
}
