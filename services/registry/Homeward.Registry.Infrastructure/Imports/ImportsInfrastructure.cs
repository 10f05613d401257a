using Homeward.Registry.Application.Imports;
using Microsoft.Extensions.DependencyInjection;

namespace Homeward.Registry.Infrastructure.Imports;

public static class ImportsInfrastructure
{
    /// <summary>Ledger files, the bulk writer, the job queue, the background runner of imports and the rehearsal at start-up.</summary>
    public static IServiceCollection AddLedgerImports(this IServiceCollection services)
    {
        services.AddSingleton<ILedgerFiles, LedgerFiles>();
        services.AddScoped<IWorkerLedgerStore, WorkerLedgerStore>();
        services.AddScoped<IImportJobQueue, ImportJobQueue>();
        services.AddScoped<LedgerImporter>();
        services.AddScoped<ImportRehearsal>();
        services.AddHostedService<ImportJobRunner>();
        services.AddHostedService<ImportRehearsalAtStart>();
        return services;
    }
}
