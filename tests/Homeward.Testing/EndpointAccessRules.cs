using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Homeward.Testing;

/// <summary>Every endpoint of a service states who may call it: an authorization policy, or AllowAnonymous on purpose.</summary>
public static class EndpointAccessRules
{
    public static void AssertEveryEndpointDeclaresAccess(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        var undeclared = endpoints
            .Where(endpoint => !endpoint.Metadata.OfType<IAllowAnonymous>().Any()
                && !endpoint.Metadata.OfType<AuthorizationPolicy>().Any()
                && !endpoint.Metadata.OfType<IAuthorizeData>().Any())
            .Select(endpoint => endpoint.DisplayName ?? endpoint.RoutePattern.RawText)
            .ToList();
        Assert.True(undeclared.Count == 0, "Endpoints without a declared access policy: " + string.Join(", ", undeclared));
    }
}
