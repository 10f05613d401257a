using Homeward.BuildingBlocks.Infrastructure.Messaging;
using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.Subsidy.Application;
using Homeward.Subsidy.Infrastructure.Persistence;
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
        services.AddServiceMessaging(configuration, ServiceName);
        return services;
    }
}
