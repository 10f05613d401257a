using Homeward.BuildingBlocks.Application.Behaviors;
using Homeward.BuildingBlocks.Web;
using Homeward.BuildingBlocks.Web.Api;
using Homeward.Registry.Api.Imports;
using Homeward.Registry.Api.Kpis;
using Homeward.Registry.Api.Monitoring;
using Homeward.Registry.Api.PersonalData;
using Homeward.Registry.Api.Search;
using Homeward.Registry.Api.Status;
using Homeward.Registry.Api.Workers;
using Homeward.Registry.Application.Workers;
using Homeward.Registry.Infrastructure;
using Mediator;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceApi(
    new ServiceDescription(
        RegistryInfrastructure.ServiceName,
        "Homeward Registry API",
        "The living record of every returning worker: registration, profile, employment status and monitoring."),
    typeof(RegisterWorker));
builder.Services.AddRegistryInfrastructure(builder.Configuration);
builder.Services.AddMediator((MediatorOptions options) =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.Assemblies = [typeof(RegisterWorker)];
    // Listed literally: the source generator reads this lambda at compile time. Outermost first: log, validate, handle.
    options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>)];
});

var app = builder.Build();
app.UseServiceApi()
    .MapWorkerEndpoints()
    .MapPersonalDataEndpoints()
    .MapMonitoringEndpoints()
    .MapStatusEndpoints()
    .MapImportEndpoints()
    .MapSearchEndpoints()
    .MapKpiEndpoints();
app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
