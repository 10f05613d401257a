using Homeward.BuildingBlocks.Infrastructure.Messaging;
using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.Training.Application;
using Homeward.Training.Infrastructure.Persistence;
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
        services.AddServiceMessaging(configuration, ServiceName);
        return services;
    }
}
