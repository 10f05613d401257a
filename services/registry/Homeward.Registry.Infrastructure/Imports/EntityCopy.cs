using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace Homeward.Registry.Infrastructure.Imports;

/// <summary>
/// Binary COPY of entities in exactly the form EF Core stores them: the columns, value converters (enums as text,
/// value objects as jsonb) and owned values of the entity's mapping in the model, so that rows written in bulk read
/// back like rows EF wrote (a JSON column's value as the same JSON in UTF-8). The row version (xmin) and
/// store-generated columns are left to the database.
/// </summary>
internal sealed class EntityCopy<T>
    where T : class
{
    private readonly IReadOnlyList<Column> _columns;

    public EntityCopy(IModel model)
    {
        var entityType = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        Table = $"\"{entityType.GetSchema()}\".\"{entityType.GetTableName()}\"";
        var columns = entityType.GetProperties()
            .Where(Stored)
            .Select(p => new Column(p.GetColumnName(), TypeOf(p), Reader(p, owner => owner)))
            .ToList();
        foreach (var owned in entityType.GetNavigations().Where(n => n.TargetEntityType.IsOwned()))
        {
            var navigation = owned.GetGetter();
            columns.AddRange(owned.TargetEntityType.GetProperties()
                .Where(p => Stored(p) && !p.IsShadowProperty())
                .Select(p => new Column(p.GetColumnName(), TypeOf(p), Reader(p, owner => navigation.GetClrValue(owner)))));
        }

        _columns = columns;
        ColumnList = string.Join(", ", _columns.Select(c => $"\"{c.Name}\""));
    }

    public string Table { get; }

    /// <summary>The quoted column names, in the order rows are written.</summary>
    public string ColumnList { get; }

    public IEnumerable<string> ColumnNames => _columns.Select(c => c.Name);

    public async Task WriteAsync(NpgsqlConnection connection, string table, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        // Each value is converted (JSON of value objects, enum names) just before it is written, so it dies young: a
        // chunk's values converted ahead all outlived several collections and made a third of the import's CPU GC.
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {table} ({ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var column in _columns)
            {
                if (column.Read(row) is { } value)
                {
                    await importer.WriteAsync(value, column.Type, cancellationToken);
                }
                else
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static bool Stored(IProperty property) =>
        !property.IsConcurrencyToken && property.ValueGenerated != ValueGenerated.OnAddOrUpdate && !property.IsShadowProperty();

    private static Func<T, object?> Reader(IProperty property, Func<T, object?> target)
    {
        var getter = property.GetGetter();
        // A JSON column goes as the UTF-8 that jsonb is sent in, without a UTF-16 string to transcode in between.
        Func<object, object?> convert = property.GetTypeMapping().Converter switch
        {
            null => value => value,
            IJsonColumnConverter json => value => json.ToUtf8Json(value),
            var converter => value => converter.ConvertToProvider(value),
        };
        return row => target(row) is { } owner && getter.GetClrValue(owner) is { } value ? convert(value) : null;
    }

    private static NpgsqlDbType TypeOf(IProperty property)
    {
        var type = property.GetColumnType();
        return type switch
        {
            "uuid" => NpgsqlDbType.Uuid,
            "jsonb" => NpgsqlDbType.Jsonb,
            "bytea" => NpgsqlDbType.Bytea,
            "date" => NpgsqlDbType.Date,
            "integer" => NpgsqlDbType.Integer,
            "bigint" => NpgsqlDbType.Bigint,
            "boolean" => NpgsqlDbType.Boolean,
            "numeric" => NpgsqlDbType.Numeric,
            "timestamp with time zone" => NpgsqlDbType.TimestampTz,
            "text[]" => NpgsqlDbType.Array | NpgsqlDbType.Text,
            _ when type.StartsWith("character varying", StringComparison.Ordinal) || type == "text" => NpgsqlDbType.Varchar,
            _ when type.StartsWith("character", StringComparison.Ordinal) => NpgsqlDbType.Char,
            _ => throw new NotSupportedException($"Column {property.GetColumnName()} of type {type} has no COPY mapping."),
        };
    }

    private sealed record Column(string Name, NpgsqlDbType Type, Func<T, object?> Read);
}
