using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Registry.Application.Imports;

/// <summary>An import's status, progress and counts; visible to callers whose division covers the job's.</summary>
public sealed record GetImport(Guid ImportId) : IQuery<ImportJobView>;

public sealed class GetImportHandler(IRegistryDbContext db, ICurrentUser currentUser) : IQueryHandler<GetImport, ImportJobView>
{
    public async ValueTask<ImportJobView> Handle(GetImport query, CancellationToken cancellationToken)
    {
        var job = await db.ImportJobs.AsNoTracking()
            .WithinDivisionOf(currentUser, j => j.ScopeDivisionCode)
            .Where(j => j.Id == query.ImportId)
            .Select(j => new ImportJobView(
                j.Id, j.FileName, j.Format, j.ContentHash, j.Status, j.ScopeDivisionCode, j.TotalRows, j.ProcessedRows,
                j.Created, j.Updated, j.Unchanged, j.Rejected, j.Failure, j.CreatedAt, j.StartedAt, j.FinishedAt))
            .FirstOrDefaultAsync(cancellationToken);
        return job ?? throw new NotFoundException("Import", query.ImportId);
    }
}
