using Homeward.Registry.Application.Imports;
using Homeward.Registry.Domain.Imports;
using Homeward.Registry.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Registry.Infrastructure.Imports;

/// <summary>
/// Queued imports live in import_jobs; an instance claims one with FOR UPDATE SKIP LOCKED, so two instances never run
/// the same job, and a NOTIFY on <see cref="Channel"/> (sent at commit) wakes every instance's runner at once.
/// </summary>
internal sealed class ImportJobQueue(RegistryDbContext db) : IImportJobQueue
{
    public const string Channel = "registry_imports";

    public async Task AnnounceAsync(CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_notify('{Channel}', '')", cancellationToken);

    public async Task<ImportJob?> ClaimNextAsync(Func<ImportJob, Task> start, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.ImportJobs
            .FromSql($"SELECT *, xmin FROM registry.import_jobs WHERE status = 'Queued' ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);
        if (claimed is not [var job])
        {
            return null;
        }

        await start(job);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return job;
    }
}
