using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Registry.Domain.Imports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Registry.Application.Imports;

/// <summary>
/// The rows an import refused, with row number, column and reason, in row order. A job keeps the first
/// <see cref="ImportJob.MaxReportedErrors"/> reasons; its rejected count covers every refused row.
/// </summary>
public sealed record ListImportErrors(Guid ImportId, PageRequest Page) : IQuery<Page<ImportRowError>>;

public sealed class ListImportErrorsHandler(IRegistryDbContext db, ICurrentUser currentUser) : IQueryHandler<ListImportErrors, Page<ImportRowError>>
{
    public async ValueTask<Page<ImportRowError>> Handle(ListImportErrors query, CancellationToken cancellationToken)
    {
        var errors = await db.ImportJobs.AsNoTracking()
            .WithinDivisionOf(currentUser, j => j.ScopeDivisionCode)
            .Where(j => j.Id == query.ImportId)
            .Select(j => j.Errors)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Import", query.ImportId);

        // Errors are kept in row order, so once the import has finished the position in the list is a stable cursor
        // (while it runs, chunks committing out of file order may add rows before the position).
        var after = query.Page.After<int?>() ?? -1;
        var fetched = errors
            .Select((error, position) => (error, position))
            .Skip(after + 1)
            .Take(query.Page.Limit + 1)
            .ToList();
        var page = Page<(ImportRowError Error, int Position)>.FromOverFetch(fetched, query.Page, e => (int?)e.Position);
        return page.Map(e => e.Error);
    }
}
