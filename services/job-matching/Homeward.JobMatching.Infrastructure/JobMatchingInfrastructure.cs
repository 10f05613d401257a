using Homeward.BuildingBlocks.Infrastructure.Messaging;
using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.BuildingBlocks.Infrastructure.Privacy;
using Homeward.JobMatching.Application;
using Homeward.JobMatching.Application.Candidates;
using Homeward.JobMatching.Application.Common;
using Homeward.JobMatching.Application.FollowUp;
using Homeward.JobMatching.Application.Matching;
using Homeward.JobMatching.Application.Partners;
using Homeward.JobMatching.Infrastructure.Candidates;
using Homeward.JobMatching.Infrastructure.Consumers;
using Homeward.JobMatching.Infrastructure.FollowUp;
using Homeward.JobMatching.Infrastructure.Matching;
using Homeward.JobMatching.Infrastructure.Partners;
using Homeward.JobMatching.Infrastructure.Persistence;
using Homeward.JobMatching.Infrastructure.SkillGaps;
using Homeward.JobMatching.Infrastructure.Vacancies;
using Homeward.SharedKernel.Divisions;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Homeward.JobMatching.Infrastructure;

public static class JobMatchingInfrastructure
{
    public const string ServiceName = "job-matching";

    public static IServiceCollection AddJobMatchingInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddServiceDatabase<JobMatchingDbContext>(configuration, "JobMatching", JobMatchingDbContext.Schema);
        services.AddScoped<IJobMatchingDbContext>(provider => provider.GetRequiredService<JobMatchingDbContext>());
        services.AddScoped<IMatchRanking, SqlMatchRanking>();
        services.AddScoped<INewCandidates, CopyCandidateInserts>();
        services.AddScoped<INewVacancies, UnnestVacancyInserts>();
        services.AddPersonalDataProtection(configuration);
        services.AddServiceMessaging(configuration, ServiceName, bus =>
        {
            bus.AddConsumer<WorkerRegisteredConsumer, CandidateEventConsumerDefinition<WorkerRegisteredConsumer>>();
            bus.AddConsumer<WorkerProfileUpdatedConsumer, CandidateEventConsumerDefinition<WorkerProfileUpdatedConsumer>>();
            bus.AddConsumer<EmploymentStatusChangedConsumer, CandidateEventConsumerDefinition<EmploymentStatusChangedConsumer>>();
        });
        services.AddOptions<JobMatchingOptions>().Bind(configuration.GetSection(JobMatchingOptions.Section))
            .Validate(
                options => DivisionCode.TryParse(options.CityDivision, out var city) && city.Level == DivisionLevel.City,
                "JobMatching:CityDivision is the 12-digit code of a city.")
            .Validate(options => options.ExpiryInterval > TimeSpan.Zero, "JobMatching:ExpiryInterval is a positive time span.")
            .Validate(options => options.SkillGapCheckInterval > TimeSpan.Zero, "JobMatching:SkillGapCheckInterval is a positive time span.")
            .ValidateOnStart();
        services.AddOptions<MatchingOptions>().Bind(configuration.GetSection(MatchingOptions.Section))
            .Validate(options => options.ToWeights().AreValid, "JobMatching:Matching:Weights are finite, none negative, and at least one positive.")
            .Validate(options => options.RankingPage > 0 && options.ScoreChunk > 0, "JobMatching:Matching:RankingPage and ScoreChunk are positive.")
            .ValidateOnStart();
        services.AddOptions<FollowUpOptions>().Bind(configuration.GetSection(FollowUpOptions.Section))
            .Validate(options => options.IsValid, "JobMatching:FollowUp: CheckInMonths are distinct months from 1 to 60, the interval and every time to act positive.")
            .ValidateOnStart();
        services.AddHostedService<VacancyExpiry>();
        services.AddHostedService<FollowUpScheduler>();
        services.AddHostedService<SkillGapPublisher>();
        return services;
    }
}
