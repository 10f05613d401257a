namespace Homeward.BuildingBlocks.Web.Api;

/// <summary>
/// Schema names in the OpenAPI documents: the full type name, so two types of the same short name never collide, and
/// a generic type named by its arguments (<c>Homeward.BuildingBlocks.Application.Paging.Page_Homeward.Registry.X</c>)
/// rather than by its CLR name, whose brackets, commas and spaces make an invalid reference.
/// </summary>
public static class SchemaIds
{
    public static string For(Type type)
    {
        if (!type.IsGenericType)
        {
            return NameOf(type);
        }

        var definition = NameOf(type.GetGenericTypeDefinition());
        var name = definition[..definition.IndexOf('`', StringComparison.Ordinal)];
        return $"{name}_{string.Join('_', type.GetGenericArguments().Select(For))}";
    }

    private static string NameOf(Type type) => (type.FullName ?? type.Name).Replace('+', '.');
}
