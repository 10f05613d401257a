using System.Globalization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Homeward.BuildingBlocks.Web.Api;

/// <summary>
/// States the range of every integer the API reads or writes: the range of its CLR type, which the strict JSON and
/// route binding enforce (a number outside it is a 400). A narrower range already documented is kept.
/// </summary>
public sealed class IntegerRangeSchemaFilter : ISchemaFilter
{
    private static readonly Dictionary<Type, (decimal Minimum, decimal Maximum)> Ranges = new()
    {
        [typeof(byte)] = (byte.MinValue, byte.MaxValue),
        [typeof(sbyte)] = (sbyte.MinValue, sbyte.MaxValue),
        [typeof(short)] = (short.MinValue, short.MaxValue),
        [typeof(ushort)] = (ushort.MinValue, ushort.MaxValue),
        [typeof(int)] = (int.MinValue, int.MaxValue),
        [typeof(uint)] = (uint.MinValue, uint.MaxValue),
        [typeof(long)] = (long.MinValue, long.MaxValue),
        [typeof(ulong)] = (ulong.MinValue, ulong.MaxValue),
    };

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || context.Type is null)
        {
            return;
        }

        var type = Nullable.GetUnderlyingType(context.Type) ?? context.Type;
        if (!Ranges.TryGetValue(type, out var range))
        {
            return;
        }

        concrete.Minimum ??= range.Minimum.ToString(CultureInfo.InvariantCulture);
        concrete.Maximum ??= range.Maximum.ToString(CultureInfo.InvariantCulture);
    }
}
