using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Registry.Application.Workers;
using Homeward.Registry.Domain.Workers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Registry.Application.Status;

/// <summary>
/// Staff record a worker's new employment status as of now, if they still have the version of the record they read.
/// Only allowed transitions happen (the domain's <see cref="EmploymentStatusRules"/>); each is kept in the history
/// with its source and the caller as actor, and announced as EmploymentStatusChanged.
/// </summary>
public sealed record ChangeEmploymentStatus(
    Guid WorkerId,
    uint ExpectedVersion,
    EmploymentStatus? Status,
    string? Note,
    InformationSource Source) : ICommand<EmploymentStatusChangeResult>;

/// <param name="WorkerVersion">The worker's row version after the change, for the next If-Match.</param>
public sealed record EmploymentStatusChangeResult(StatusChangeView Change, uint WorkerVersion);

public sealed class ChangeEmploymentStatusValidator : AbstractValidator<ChangeEmploymentStatus>
{
    public const int MaxNoteLength = 500;

    /// <summary>Facts from other services arrive as events and ledgers through the import, never as a staff member's entry.</summary>
    private static readonly InformationSource[] NotEnteredByStaff = [InformationSource.Platform, InformationSource.LedgerImport];

    public ChangeEmploymentStatusValidator()
    {
        RuleFor(c => c.Status).NotNull().WithMessage("The new status is required.").IsInEnum();
        RuleFor(c => c.Source).IsInEnum()
            .Must(source => !NotEnteredByStaff.Contains(source))
            .WithMessage("Platform facts arrive as events and ledgers through the import; staff record a visit, a call, a self-report, an agency's or employer's data, or their own entry.");
        RuleFor(c => c.Note).MaximumLength(MaxNoteLength).WithMessage($"A note has at most {MaxNoteLength} characters.");
    }
}

public sealed class ChangeEmploymentStatusHandler(
    IRegistryDbContext db,
    IOutbox outbox,
    ICurrentUser currentUser,
    TimeProvider clock) : ICommandHandler<ChangeEmploymentStatus, EmploymentStatusChangeResult>
{
    public async ValueTask<EmploymentStatusChangeResult> Handle(ChangeEmploymentStatus command, CancellationToken cancellationToken)
    {
        var worker = await db.Workers
            .WithinDivisionOf(currentUser, w => w.HouseholdDivisionCode)
            .FirstOrDefaultAsync(w => w.Id == command.WorkerId, cancellationToken)
            ?? throw new NotFoundException("Worker", command.WorkerId);
        // Checked before the rules too: a caller who read an older record must not be told what the current one allows.
        if (worker.RowVersion != command.ExpectedVersion)
        {
            throw new PreconditionFailedException("Worker", command.WorkerId);
        }

        db.ExpectRowVersion(worker, command.ExpectedVersion);
        var now = clock.GetUtcNow();
        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        var change = worker.ChangeStatus(command.Status!.Value, command.Source, currentUser.Id, note, now);
        if (command.Source == InformationSource.DoorToDoorVisit)
        {
            worker.RecordVisit(now);
        }

        db.StatusChanges.Add(change);
        WorkerEvents.StatusChanged(outbox, worker, change, now);
        await db.SaveChangesAsync(cancellationToken);
        return new EmploymentStatusChangeResult(StatusChangeView.Of(change), worker.RowVersion);
    }
}
