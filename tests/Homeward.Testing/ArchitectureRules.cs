using System.Reflection;
using NetArchTest.Rules;
using Xunit;

namespace Homeward.Testing;

/// <summary>
/// The dependency rule of ARCHITECTURE.md, checked on compiled assemblies: Api → Infrastructure → Application →
/// Domain, the domain free of frameworks, the application free of persistence and messaging technology.
/// </summary>
public static class ArchitectureRules
{
    private static readonly string[] Frameworks =
        ["Microsoft.EntityFrameworkCore", "Npgsql", "MassTransit", "Mediator", "FluentValidation", "Microsoft.AspNetCore"];

    private static readonly string[] Technology =
        ["Npgsql", "MassTransit", "Microsoft.AspNetCore", "Homeward.BuildingBlocks.Infrastructure", "Homeward.BuildingBlocks.Web"];

    public static void AssertLayers(Assembly domain, Assembly application, Assembly infrastructure, Assembly api)
    {
        var applicationNamespace = application.GetName().Name!;
        var infrastructureNamespace = infrastructure.GetName().Name!;
        var apiNamespace = api.GetName().Name!;

        AssertNoDependency(domain, [applicationNamespace, infrastructureNamespace, apiNamespace, .. Frameworks]);
        AssertNoDependency(application, [infrastructureNamespace, apiNamespace, .. Technology]);
        AssertNoDependency(infrastructure, [apiNamespace, "Homeward.BuildingBlocks.Web"]);
    }

    private static void AssertNoDependency(Assembly assembly, string[] forbidden)
    {
        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.True(
            result.IsSuccessful,
            $"{assembly.GetName().Name} must not depend on {string.Join(", ", forbidden)}; offending types: "
            + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
