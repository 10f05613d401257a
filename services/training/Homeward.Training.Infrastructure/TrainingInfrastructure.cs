using Homeward.BuildingBlocks.Infrastructure.Messaging;
using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.Training.Application;
using Homeward.Training.Application.Common;
using Homeward.Training.Application.Enrollments;
using Homeward.Training.Infrastructure.Consumers;
using Homeward.Training.Infrastructure.Persistence;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Homeward.Training.Infrastructure;

public static class TrainingInfrastructure
{
    public const string ServiceName = "training";

    public static IServiceCollection AddTrainingInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddServiceDatabase<TrainingDbContext>(configuration, "Training", TrainingDbContext.Schema);
        services.AddScoped<ITrainingDbContext>(provider => provider.GetRequiredService<TrainingDbContext>());
        services.AddServiceMessaging(configuration, ServiceName, bus =>
        {
            bus.AddConsumer<WorkerRegisteredConsumer, BatchConsumerDefinition<WorkerRegisteredConsumer>>();
            bus.AddConsumer<WorkerProfileUpdatedConsumer, BatchConsumerDefinition<WorkerProfileUpdatedConsumer>>();
            bus.AddConsumer<EmploymentStatusChangedConsumer, BatchConsumerDefinition<EmploymentStatusChangedConsumer>>();
            bus.AddConsumer<SkillGapIdentifiedConsumer, BatchConsumerDefinition<SkillGapIdentifiedConsumer>>();
            bus.AddConsumer<WorkerPlacedConsumer, BatchConsumerDefinition<WorkerPlacedConsumer>>();
        });
        services.AddOptions<TrainingOptions>().Bind(configuration.GetSection(TrainingOptions.Section))
            .Validate(options => options.AreValid, "Training: shares are between 0 and 1, the pass mark 0 to 100, session size and window positive, an issuer named.")
            .ValidateOnStart();
        services.AddSingleton<EnrollmentGate>();
        return services;
    }
}
