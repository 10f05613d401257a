using Homeward.BuildingBlocks.Application.Behaviors;
using Homeward.BuildingBlocks.Web;
using Homeward.BuildingBlocks.Web.Api;
using Homeward.Subsidy.Api.Applications;
using Homeward.Subsidy.Api.Businesses;
using Homeward.Subsidy.Api.Kpis;
using Homeward.Subsidy.Api.Outreach;
using Homeward.Subsidy.Api.Payments;
using Homeward.Subsidy.Api.Policies;
using Homeward.Subsidy.Api.Workers;
using Homeward.Subsidy.Application;
using Homeward.Subsidy.Infrastructure;
using Mediator;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceApi(
    new ServiceDescription(SubsidyInfrastructure.ServiceName, "Homeward Subsidy API", "Policies that find the people they are for, fast approvals, and money that adds up."),
    typeof(ISubsidyDbContext));
builder.Services.AddSubsidyInfrastructure(builder.Configuration);
builder.Services.AddMediator((MediatorOptions options) =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.Assemblies = [typeof(ISubsidyDbContext)];
    // Listed literally: the source generator reads this lambda at compile time. Outermost first: log, validate, handle.
    options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>)];
});

var app = builder.Build();
app.UseServiceApi()
    .MapWorkerEndpoints()
    .MapPolicyEndpoints()
    .MapBusinessEndpoints()
    .MapOutreachEndpoints()
    .MapApplicationEndpoints()
    .MapPaymentEndpoints()
    .MapKpiEndpoints();
app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
