using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Web;
using Homeward.BuildingBlocks.Web.Correlation;
using Homeward.Gateway;
using Homeward.Gateway.Dashboard;
using Homeward.Gateway.Kpis;
using Yarp.ReverseProxy.Transforms;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(new ServiceDescription(
    "gateway",
    "Homeward",
    "One entry point: token validation, rate limits, routing to every service, one Swagger UI for all of them."));
builder.Services.AddOptions<GatewayOptions>().Bind(builder.Configuration.GetSection(GatewayOptions.Section));
builder.Services.AddGatewayProtection();
builder.Services.AddKpiComposition();
builder.Services.AddReverseProxy()
    .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
    .AddTransforms(transforms => transforms.AddRequestTransform(context =>
    {
        // The service sees the same correlation id as the caller and the gateway's own logs.
        context.ProxyRequest.Headers.Remove(CorrelationMiddleware.HeaderName);
        context.ProxyRequest.Headers.TryAddWithoutValidation(CorrelationMiddleware.HeaderName, CorrelationContext.Current);
        return ValueTask.CompletedTask;
    }));

var app = builder.Build();
app.UseServiceDefaults(beforeAuthorization: gateway =>
{
    gateway.UseRateLimitHeaders();
    gateway.UseRateLimiter();
    gateway.UseRequestBodyCap();
    gateway.UseGatewaySwaggerUi();
    gateway.UseOpsDashboard();
});
app.MapServiceDefaults();
app.MapKpiComposition();
app.MapReverseProxy();
app.Run();

/// <summary>Entry point, visible to the end-to-end tests.</summary>
public partial class Program;
