using Homeward.BuildingBlocks.Infrastructure.Messaging;
using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.BuildingBlocks.Infrastructure.Privacy;
using Homeward.Registry.Application;
using Homeward.Registry.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Homeward.Registry.Infrastructure;

public static class RegistryInfrastructure
{
    public const string ServiceName = "registry";

    public static IServiceCollection AddRegistryInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddServiceDatabase<RegistryDbContext>(configuration, "Registry", RegistryDbContext.Schema);
        services.AddScoped<IRegistryDbContext>(provider => provider.GetRequiredService<RegistryDbContext>());
        services.AddPersonalDataProtection(configuration);
        services.AddServiceMessaging(configuration, ServiceName);
        return services;
    }
}
