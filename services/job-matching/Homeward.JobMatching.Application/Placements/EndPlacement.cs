using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Domain.Placements;
using Homeward.SharedKernel;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.Placements;

/// <summary>
/// Ends a placement of a worker of the caller's division (If-Match), with the reason, and announces PlacementEnded.
/// The vacancy keeps its filled count: it counts hires made, and a departure is followed up, not silently refilled.
/// </summary>
public sealed record EndPlacement(Guid PlacementId, uint ExpectedVersion, DateOnly? EndDate, PlacementEndReason? Reason, string? Note) : ICommand<PlacementView>;

public sealed class EndPlacementValidator : AbstractValidator<EndPlacement>
{
    public EndPlacementValidator(TimeProvider clock)
    {
        RuleFor(c => c.EndDate).NotNull().WithMessage("The end date is required.")
            .Must(day => day <= clock.Today()).When(c => c.EndDate is not null).WithMessage("A placement ends today or on an earlier day.");
        RuleFor(c => c.Reason).NotNull().WithMessage("The reason is contractEnded, resigned, dismissed, couldNotAdapt, rightsViolated or other.").IsInEnum();
        RuleFor(c => c.Note).MaximumLength(500).WithMessage("A note has at most 500 characters.");
    }
}

public sealed class EndPlacementHandler(IJobMatchingDbContext db, IOutbox outbox, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<EndPlacement, PlacementView>
{
    public async ValueTask<PlacementView> Handle(EndPlacement command, CancellationToken cancellationToken)
    {
        var placement = await db.Placements
            .WithinDivisionOf(currentUser, p => p.WorkerDivision)
            .FirstOrDefaultAsync(p => p.Id == command.PlacementId, cancellationToken)
            ?? throw new NotFoundException("Placement", command.PlacementId);
        if (placement.RowVersion != command.ExpectedVersion)
        {
            throw new PreconditionFailedException("Placement", command.PlacementId);
        }

        db.ExpectRowVersion(placement, command.ExpectedVersion);
        PlacementEnding.End(
            placement, command.EndDate!.Value, command.Reason!.Value, string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim(), outbox, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return PlacementView.From(placement);
    }
}
