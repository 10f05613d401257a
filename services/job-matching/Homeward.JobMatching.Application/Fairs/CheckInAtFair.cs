using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Domain.Fairs;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.Fairs;

public sealed record FairCheckInView(Guid Id, Guid FairId, Guid WorkerId, string WorkerDivision, DateTimeOffset CheckedInAt);

/// <summary>A worker of the caller's division came to the fair; a second check-in of the same worker is a conflict.</summary>
public sealed record CheckInAtFair(Guid FairId, Guid? WorkerId) : ICommand<FairCheckInView>;

public sealed class CheckInAtFairValidator : AbstractValidator<CheckInAtFair>
{
    public CheckInAtFairValidator() => RuleFor(c => c.WorkerId).NotEmpty().WithMessage("The worker is required.");
}

public sealed class CheckInAtFairHandler(IJobMatchingDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<CheckInAtFair, FairCheckInView>
{
    public async ValueTask<FairCheckInView> Handle(CheckInAtFair command, CancellationToken cancellationToken)
    {
        var fair = await FairAccess.FindAsync(db, command.FairId, cancellationToken);
        var worker = await db.Candidates.AsNoTracking()
            .WithinDivisionOf(currentUser, c => c.HouseholdDivisionCode)
            .Where(c => c.WorkerId == command.WorkerId && c.RegisteredAt != null)
            .Select(c => new { c.WorkerId, c.HouseholdDivisionCode })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Candidate", command.WorkerId!.Value);
        var now = clock.GetUtcNow();
        var checkIn = FairCheckIn.Record(Guid.CreateVersion7(now), fair.Id, worker.WorkerId, worker.HouseholdDivisionCode, currentUser.Id, now);
        db.FairCheckIns.Add(checkIn);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            throw new ConflictException("fair-already-checked-in", "The worker is already checked in at this fair.");
        }

        return new FairCheckInView(checkIn.Id, checkIn.FairId, checkIn.WorkerId, checkIn.WorkerDivision, checkIn.CheckedInAt);
    }
}
