using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Application.Placements;
using Homeward.JobMatching.Domain.FollowUp;
using Homeward.JobMatching.Domain.Placements;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Finance;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.FollowUp;

public sealed record FollowUpTaskView(
    Guid Id,
    Guid PlacementId,
    Guid WorkerId,
    string WorkerDivision,
    int MonthsAfterStart,
    DateOnly DueOn,
    FollowUpOutcome? Outcome,
    decimal? MonthlyWage,
    PlacementEndReason? LeftReason,
    string? Note,
    DateTimeOffset? CompletedAt,
    uint RowVersion)
{
    public static FollowUpTaskView From(FollowUpTask t) =>
        new(t.Id, t.PlacementId, t.WorkerId, t.WorkerDivision, t.MonthsAfterStart, t.DueOn, t.Outcome, t.MonthlyWage, t.LeftReason, t.Note, t.CompletedAt, t.RowVersion);
}

/// <summary>The work queue of check-ins with placed workers of the caller's division: open ones (default) or done ones, the earliest due first.</summary>
public sealed record ListFollowUps(bool Done, PageRequest Page) : IQuery<Page<FollowUpTaskView>>;

public sealed class ListFollowUpsHandler(IJobMatchingDbContext db, ICurrentUser currentUser) : IQueryHandler<ListFollowUps, Page<FollowUpTaskView>>
{
    public async ValueTask<Page<FollowUpTaskView>> Handle(ListFollowUps query, CancellationToken cancellationToken)
    {
        var after = query.Page.After<Guid?>();
        var fetched = await db.FollowUpTasks.AsNoTracking()
            .WithinDivisionOf(currentUser, t => t.WorkerDivision)
            .Where(t => (t.Outcome != null) == query.Done)
            .Where(t => after == null || t.Id.CompareTo(after.Value) > 0)
            .OrderBy(t => t.Id)
            .Take(query.Page.Limit + 1)
            .ToListAsync(cancellationToken);
        return Page<FollowUpTaskView>.FromOverFetch([.. fetched.Select(FollowUpTaskView.From)], query.Page, t => (Guid?)t.Id);
    }
}

/// <summary>
/// Records how a placed worker of the caller's division is doing (If-Match): still employed (at what wage), struggling,
/// or left and why. A worker who left ends the placement, if it still runs, on the day they left (the day of the
/// check-in unless given) with that reason, and PlacementEnded announces it, as when staff or the partner city end it.
/// </summary>
public sealed record RecordFollowUpOutcome(
    Guid TaskId, uint ExpectedVersion, FollowUpOutcome? Outcome, decimal? MonthlyWage, PlacementEndReason? LeftReason, string? Note, DateOnly? LeftOn = null)
    : ICommand<FollowUpTaskView>;

public sealed class RecordFollowUpOutcomeValidator : AbstractValidator<RecordFollowUpOutcome>
{
    public RecordFollowUpOutcomeValidator(TimeProvider clock)
    {
        RuleFor(c => c.Outcome).NotNull().WithMessage("The outcome is stillEmployed, struggling or left.").IsInEnum();
        RuleFor(c => c.MonthlyWage).Must(wage => wage is not { } value || (value > 0 && Money.IsValidAmount(value) && value <= 1_000_000m))
            .WithMessage("A monthly wage is a positive amount of CNY up to 1,000,000 with at most two decimals.");
        RuleFor(c => c.LeftReason).NotNull().When(c => c.Outcome == FollowUpOutcome.Left)
            .WithMessage("A worker who left has a reason: contractEnded, resigned, dismissed, couldNotAdapt, rightsViolated or other.").IsInEnum();
        RuleFor(c => c.LeftReason).Null().When(c => c.Outcome != FollowUpOutcome.Left).WithMessage("Only a worker who left has a reason.");
        RuleFor(c => c.LeftOn).Null().When(c => c.Outcome != FollowUpOutcome.Left).WithMessage("Only a worker who left has a day they left.");
        RuleFor(c => c.LeftOn).Must(day => day <= clock.Today()).When(c => c.LeftOn is not null).WithMessage("A worker left today or on an earlier day.");
        RuleFor(c => c.Note).MaximumLength(500).WithMessage("A note has at most 500 characters.");
    }
}

public sealed class RecordFollowUpOutcomeHandler(IJobMatchingDbContext db, IOutbox outbox, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RecordFollowUpOutcome, FollowUpTaskView>
{
    public async ValueTask<FollowUpTaskView> Handle(RecordFollowUpOutcome command, CancellationToken cancellationToken)
    {
        var task = await db.FollowUpTasks.WithinDivisionOf(currentUser, t => t.WorkerDivision).FirstOrDefaultAsync(t => t.Id == command.TaskId, cancellationToken)
            ?? throw new NotFoundException("FollowUp", command.TaskId);
        if (task.RowVersion != command.ExpectedVersion)
        {
            throw new PreconditionFailedException("FollowUp", command.TaskId);
        }

        db.ExpectRowVersion(task, command.ExpectedVersion);
        var now = clock.GetUtcNow();
        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        task.Complete(command.Outcome!.Value, command.MonthlyWage, command.LeftReason, note, currentUser.Id, now);
        if (command.LeftReason is { } reason
            && await db.Placements.FirstOrDefaultAsync(p => p.Id == task.PlacementId && p.EndDate == null, cancellationToken) is { } placement)
        {
            PlacementEnding.End(placement, command.LeftOn ?? clock.Today(), reason, note, outbox, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return FollowUpTaskView.From(task);
    }
}
