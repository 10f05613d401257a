using Homeward.BuildingBlocks.Infrastructure.Messaging;
using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.JobMatching.Application;
using Homeward.JobMatching.Infrastructure.Consumers;
using Homeward.JobMatching.Infrastructure.Persistence;
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
        services.AddServiceMessaging(configuration, ServiceName, bus =>
        {
            bus.AddConsumer<WorkerRegisteredConsumer>();
            bus.AddConsumer<WorkerProfileUpdatedConsumer>();
        });
        return services;
    }
}
