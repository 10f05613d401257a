using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Registry.Application.Monitoring;

/// <summary>
/// A staff member visited the household of a worker of their division and found the record right; the visit takes the
/// worker out of the "returned but not yet visited" part of the work queue.
/// </summary>
/// <param name="VisitedAt">When the visit happened; now when not given.</param>
public sealed record RecordVisit(Guid WorkerId, DateTimeOffset? VisitedAt) : ICommand<VisitView>;

public sealed record VisitView(Guid WorkerId, DateTimeOffset VisitedAt, DateTimeOffset? LastVisitedAt, DateTimeOffset LastConfirmedAt);

public sealed class RecordVisitValidator : AbstractValidator<RecordVisit>
{
    public RecordVisitValidator(TimeProvider clock)
    {
        RuleFor(c => c.VisitedAt).MustBeAPastMoment(clock);
    }
}

public sealed class RecordVisitHandler(IRegistryDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<RecordVisit, VisitView>
{
    public async ValueTask<VisitView> Handle(RecordVisit command, CancellationToken cancellationToken)
    {
        var worker = await db.Workers
            .WithinDivisionOf(currentUser, w => w.HouseholdDivisionCode)
            .FirstOrDefaultAsync(w => w.Id == command.WorkerId, cancellationToken)
            ?? throw new NotFoundException("Worker", command.WorkerId);

        var visitedAt = command.VisitedAt ?? clock.GetUtcNow();
        worker.RecordVisit(visitedAt);
        await db.SaveChangesAsync(cancellationToken);
        return new VisitView(worker.Id, visitedAt, worker.LastVisitedAt, worker.LastConfirmedAt);
    }
}
