using FluentValidation;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Registry.Domain.Monitoring;
using Homeward.SharedKernel;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Homeward.Registry.Application.Monitoring;

/// <summary>
/// What an office should attend to first, so that two staff can serve twelve thousand workers: open discrepancies,
/// returned workers not yet visited and stale records of the division, ordered by <see cref="WorkQueueUrgency"/>.
/// The database returns only the oldest <c>limit</c> items of each kind; the most urgent of those are the queue.
/// </summary>
/// <param name="Division">The caller's division when not given; one outside it shows nothing.</param>
public sealed record GetWorkQueue(string? Division, int? Limit) : IQuery<WorkQueueView>;

public sealed record WorkQueueView(string? Division, DateTimeOffset GeneratedAt, int StaleAfterDays, IReadOnlyList<WorkQueueItem> Items);

public sealed class GetWorkQueueValidator : AbstractValidator<GetWorkQueue>
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public GetWorkQueueValidator()
    {
        RuleFor(q => q.Division).MustBeADivision();
        RuleFor(q => q.Limit).Must(limit => limit is null or >= 1 and <= MaxLimit).WithMessage($"The limit is between 1 and {MaxLimit}.");
    }
}

public sealed class GetWorkQueueHandler(
    IRegistryDbContext db,
    ICurrentUser currentUser,
    IOptions<WorkQueueOptions> options,
    TimeProvider clock) : IQueryHandler<GetWorkQueue, WorkQueueView>
{
    public async ValueTask<WorkQueueView> Handle(GetWorkQueue query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var limit = query.Limit ?? GetWorkQueueValidator.DefaultLimit;
        var staleAfterDays = options.Value.StaleAfterDays;
        var workers = db.VisibleWorkers(currentUser, query.Division).AsNoTracking();

        var discrepancies = await db.Discrepancies.AsNoTracking()
            .Where(d => d.Status == DiscrepancyStatus.Open)
            .Join(workers, d => d.WorkerId, w => w.Id, (d, w) => new { Discrepancy = d, Worker = w })
            .OrderBy(x => x.Discrepancy.OpenedAt)
            .ThenBy(x => x.Discrepancy.Id)
            .Take(limit)
            .Select(x => new WorkQueueCandidate(
                x.Worker.Id,
                x.Worker.Name,
                x.Worker.HouseholdDivisionCode,
                WorkQueueReason.OpenDiscrepancy,
                x.Discrepancy.OpenedAt,
                x.Discrepancy.Id,
                x.Discrepancy.Field))
            .ToListAsync(cancellationToken);

        var returns = await workers
            .Where(w => w.ReturnedOn != null && w.LastVisitedAt == null)
            .OrderBy(w => w.ReturnedOn)
            .ThenBy(w => w.Id)
            .Take(limit)
            .Select(w => new { w.Id, w.Name, w.HouseholdDivisionCode, ReturnedOn = w.ReturnedOn!.Value })
            .ToListAsync(cancellationToken);

        var staleBefore = now.AddDays(-staleAfterDays);
        var stale = await workers
            .Where(w => w.LastConfirmedAt < staleBefore)
            .OrderBy(w => w.LastConfirmedAt)
            .ThenBy(w => w.Id)
            .Take(limit)
            .Select(w => new WorkQueueCandidate(w.Id, w.Name, w.HouseholdDivisionCode, WorkQueueReason.StaleRecord, w.LastConfirmedAt, null, null))
            .ToListAsync(cancellationToken);

        var candidates = discrepancies
            .Concat(returns.Select(r => new WorkQueueCandidate(
                r.Id,
                r.Name,
                r.HouseholdDivisionCode,
                WorkQueueReason.NewReturnWithoutVisit,
                CityCalendar.StartOf(r.ReturnedOn),
                null,
                null)))
            .Concat(stale);
        return new WorkQueueView(
            query.Division ?? currentUser.Division?.Value,
            now,
            staleAfterDays,
            WorkQueueUrgency.Rank(candidates, now, staleAfterDays, limit));
    }
}
