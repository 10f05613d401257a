using Homeward.BuildingBlocks.Infrastructure.Messaging;
using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.BuildingBlocks.Infrastructure.Privacy;
using Homeward.Registry.Application;
using Homeward.Registry.Application.Imports;
using Homeward.Registry.Application.Kpis;
using Homeward.Registry.Application.Monitoring;
using Homeward.Registry.Application.Search;
using Homeward.Registry.Infrastructure.Consumers;
using Homeward.Registry.Infrastructure.Imports;
using Homeward.Registry.Infrastructure.Kpis;
using Homeward.Registry.Infrastructure.Persistence;
using Homeward.Registry.Infrastructure.Search;
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
        services.AddServiceMessaging(configuration, ServiceName, bus =>
        {
            bus.AddConsumer<WorkerRecommendedConsumer>();
            bus.AddConsumer<WorkerPlacedConsumer>();
            bus.AddConsumer<PlacementEndedConsumer>();
            bus.AddConsumer<PlacementReportedConsumer>();
            bus.AddConsumer<TrainingEnrolledConsumer>();
            bus.AddConsumer<TrainingCompletedConsumer>();
            bus.AddConsumer<TrainingDroppedConsumer>();
            bus.AddConsumer<CertificateIssuedConsumer>();
            bus.AddConsumer<BusinessRegisteredConsumer>();
        });
        services.AddScoped<IWorkerSearch, WorkerSearch>();
        services.AddScoped<IRegistryKpis, RegistryKpis>();
        services.AddOptions<WorkQueueOptions>().Bind(configuration.GetSection(WorkQueueOptions.Section))
            .Validate(options => options.StaleAfterDays > 0, "Registry:WorkQueue:StaleAfterDays is a positive number of days.")
            .ValidateOnStart();
        services.AddOptions<LedgerImportOptions>().Bind(configuration.GetSection(LedgerImportOptions.Section))
            .Validate(
                options => options.ChunkSize > 0 && options.ConcurrentChunks > 0 && options.RehearsalRows >= 0,
                "Registry:Imports:ChunkSize and ConcurrentChunks are positive, RehearsalRows is 0 or more.")
            .ValidateOnStart();
        services.AddLedgerImports();
        return services;
    }
}
