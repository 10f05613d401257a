using Homeward.BuildingBlocks.Infrastructure.Messaging;
using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.BuildingBlocks.Infrastructure.Privacy;
using Homeward.Subsidy.Application;
using Homeward.Subsidy.Infrastructure.Consumers;
using Homeward.Subsidy.Infrastructure.Persistence;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Homeward.Subsidy.Infrastructure;

public static class SubsidyInfrastructure
{
    public const string ServiceName = "subsidy";

    public static IServiceCollection AddSubsidyInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddServiceDatabase<SubsidyDbContext>(configuration, "Subsidy", SubsidyDbContext.Schema);
        services.AddScoped<ISubsidyDbContext>(provider => provider.GetRequiredService<SubsidyDbContext>());
        services.AddPersonalDataProtection(configuration);
        services.AddServiceMessaging(configuration, ServiceName, bus =>
        {
            bus.AddConsumer<WorkerRegisteredConsumer, WorkerEventConsumerDefinition<WorkerRegisteredConsumer>>();
            bus.AddConsumer<WorkerProfileUpdatedConsumer, WorkerEventConsumerDefinition<WorkerProfileUpdatedConsumer>>();
            bus.AddConsumer<EmploymentStatusChangedConsumer, WorkerEventConsumerDefinition<EmploymentStatusChangedConsumer>>();
            bus.AddConsumer<TrainingCompletedConsumer, WorkerEventConsumerDefinition<TrainingCompletedConsumer>>();
        });
        return services;
    }
}
