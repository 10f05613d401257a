using Homeward.BuildingBlocks.Application.Behaviors;
using Homeward.BuildingBlocks.Web;
using Homeward.BuildingBlocks.Web.Api;
using Homeward.JobMatching.Api.Candidates;
using Homeward.JobMatching.Api.Employers;
using Homeward.JobMatching.Api.Fairs;
using Homeward.JobMatching.Api.FollowUp;
using Homeward.JobMatching.Api.Matching;
using Homeward.JobMatching.Api.Partners;
using Homeward.JobMatching.Api.Placements;
using Homeward.JobMatching.Api.Recommendations;
using Homeward.JobMatching.Api.Reports;
using Homeward.JobMatching.Api.Vacancies;
using Homeward.JobMatching.Application.Candidates;
using Homeward.JobMatching.Infrastructure;
using Mediator;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceApi(
    new ServiceDescription(
        JobMatchingInfrastructure.ServiceName,
        "Homeward Job Matching API",
        "Employers, vacancies, explainable matching, recommendations and placements."),
    typeof(GetCandidate));
builder.Services.AddJobMatchingInfrastructure(builder.Configuration);
builder.Services.AddMediator((MediatorOptions options) =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.Assemblies = [typeof(GetCandidate)];
    // Listed literally: the source generator reads this lambda at compile time. Outermost first: log, validate, handle.
    options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>)];
});

var app = builder.Build();
app.UseServiceApi()
    .MapCandidateEndpoints()
    .MapEmployerEndpoints()
    .MapVacancyEndpoints()
    .MapMatchingEndpoints()
    .MapRecommendationEndpoints()
    .MapPlacementEndpoints()
    .MapReportEndpoints()
    .MapPartnerCityEndpoints()
    .MapPartnerSyncEndpoints()
    .MapJobFairEndpoints()
    .MapFollowUpEndpoints();
app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
