using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.Registry.Domain.Imports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Registry.Application.Imports;

/// <summary>Claims the oldest queued import and runs it to the end; false when no import was waiting.</summary>
public sealed record RunNextImport : ICommand<bool>;

public sealed class RunNextImportHandler(
    IRegistryDbContext db,
    IImportJobQueue queue,
    ILedgerFiles files,
    LedgerImporter importer,
    IBulkWrites bulkWrites,
    TimeProvider clock) : ICommandHandler<RunNextImport, bool>
{
    public async ValueTask<bool> Handle(RunNextImport command, CancellationToken cancellationToken)
    {
        IReadOnlyList<LedgerRecord> records = [];
        var job = await queue.ClaimNextAsync(
            async claimed =>
            {
                var file = await db.ImportFiles.AsNoTracking().FirstAsync(f => f.ImportJobId == claimed.Id, cancellationToken);
                try
                {
                    records = [.. files.Read(file.Content, claimed.Format).Records];
                    claimed.Start(records.Count, clock.GetUtcNow());
                }
                catch (LedgerFileException unreadable)
                {
                    claimed.Start(0, clock.GetUtcNow());
                    claimed.Fail(unreadable.Message, clock.GetUtcNow());
                }
            },
            cancellationToken);
        if (job is null)
        {
            return false;
        }

        if (job.Status == ImportStatus.Running)
        {
            await RunAsync(job, records, cancellationToken);
        }

        await db.ImportFiles.Where(f => f.ImportJobId == job.Id).ExecuteDeleteAsync(cancellationToken);
        return true;
    }

    private async Task RunAsync(ImportJob job, IReadOnlyList<LedgerRecord> records, CancellationToken cancellationToken)
    {
        // The job's events are published once it has finished, not while it writes them (IBulkWrites).
        using var bulkWrite = bulkWrites.Begin();
        try
        {
            await importer.RunAsync(job, records, cancellationToken);

            // The chunks wrote the job's progress on connections of their own; only its end is left to record.
            job.Complete(clock.GetUtcNow());
            await db.ImportJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(
                set => set.SetProperty(j => j.Status, job.Status).SetProperty(j => j.FinishedAt, job.FinishedAt),
                cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // Committed chunks stay (each is whole); the job says where it stopped and why.
            await db.ImportJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(
                set => set
                    .SetProperty(j => j.Status, ImportStatus.Failed)
                    .SetProperty(j => j.Failure, $"The import stopped ({failure.GetType().Name}); the rows counted as processed are committed (whole chunks, not always the first ones), the rest are not; importing the file again completes it.")
                    .SetProperty(j => j.FinishedAt, clock.GetUtcNow()),
                cancellationToken);
            throw;
        }
    }
}
