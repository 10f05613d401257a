using Homeward.BuildingBlocks.Application.Behaviors;
using Homeward.BuildingBlocks.Web;
using Homeward.BuildingBlocks.Web.Api;
using Homeward.Training.Api.Catalog;
using Homeward.Training.Api.Certificates;
using Homeward.Training.Api.Enrollments;
using Homeward.Training.Api.Reports;
using Homeward.Training.Api.Sessions;
using Homeward.Training.Api.Trades;
using Homeward.Training.Api.Workers;
using Homeward.Training.Application.Trades;
using Homeward.Training.Infrastructure;
using Mediator;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceApi(
    new ServiceDescription(TrainingInfrastructure.ServiceName, "Homeward Training API", "Practical courses driven by real demand, and certificates that open jobs."),
    typeof(ListTrades));
builder.Services.AddTrainingInfrastructure(builder.Configuration);
builder.Services.AddMediator((MediatorOptions options) =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.Assemblies = [typeof(ListTrades)];
    // Listed literally: the source generator reads this lambda at compile time. Outermost first: log, validate, handle.
    options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>)];
});

var app = builder.Build();
app.UseServiceApi()
    .MapTradeEndpoints()
    .MapWorkerEndpoints()
    .MapCatalogEndpoints()
    .MapSessionEndpoints()
    .MapEnrollmentEndpoints()
    .MapCertificateEndpoints()
    .MapReportEndpoints();
app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
