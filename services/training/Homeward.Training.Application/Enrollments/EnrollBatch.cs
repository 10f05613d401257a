using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Training.Domain.Enrollments;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Training.Application.Enrollments;

/// <summary>
/// Enrolls a roster of up to <see cref="MaxWorkers"/> workers in one open session, in one transaction and in the order
/// given: each gets a seat while one is left (TrainingEnrolled), then a place on the waitlist, exactly as if enrolled
/// one after the other. A worker who already has an enrollment in the session is reported with it, not enrolled again,
/// so sending the same roster twice changes nothing; a worker training does not know as registered in the caller's
/// division is refused on its own (worker-not-found) without stopping the others.
/// </summary>
/// <remarks>
/// The session's row is locked once for the whole roster, and the existing enrollments are read under that lock, so a
/// single enrollment of one of the same workers arriving meanwhile is either seen here or refused there (already-enrolled).
/// </remarks>
public sealed record EnrollBatch(Guid SessionId, IReadOnlyList<Guid?>? WorkerIds) : ICommand<EnrollmentBatchReport>
{
    public const int MaxWorkers = 500;
}

public enum EnrollmentBatchResult
{
    Created = 0,
    AlreadyEnrolled = 1,
    Rejected = 2,
}

/// <param name="Index">The worker's position in the request, from 0.</param>
/// <param name="Enrollment">The enrollment made (created) or found (alreadyEnrolled); null when rejected.</param>
/// <param name="Problem">Why the worker was refused; null otherwise.</param>
public sealed record EnrollmentBatchItem(int Index, Guid WorkerId, EnrollmentBatchResult Result, EnrollmentView? Enrollment, BatchItemProblem? Problem);

public sealed record EnrollmentBatchReport(int Created, int AlreadyEnrolled, int Rejected, IReadOnlyList<EnrollmentBatchItem> Items);

public sealed class EnrollBatchValidator : AbstractValidator<EnrollBatch>
{
    public EnrollBatchValidator()
    {
        RuleFor(c => c.WorkerIds).NotNull().WithMessage("The workers are required.");
        When(c => c.WorkerIds is not null, () =>
        {
            RuleFor(c => c.WorkerIds!.Count).InclusiveBetween(1, EnrollBatch.MaxWorkers).OverridePropertyName(nameof(EnrollBatch.WorkerIds))
                .WithMessage($"A batch enrolls 1 to {EnrollBatch.MaxWorkers} workers.");
            RuleForEach(c => c.WorkerIds).NotNull().WithMessage("A worker id cannot be null.");
            RuleFor(c => c.WorkerIds).Custom((ids, context) =>
            {
                var first = new Dictionary<Guid, int>();
                for (var index = 0; index < ids!.Count; index++)
                {
                    if (ids[index] is { } id && !first.TryAdd(id, index))
                    {
                        context.AddFailure($"{nameof(EnrollBatch.WorkerIds)}[{index}]", $"The worker is already in this batch at index {first[id]}.");
                    }
                }
            });
        });
    }
}

public sealed class EnrollBatchHandler(ITrainingDbContext db, IOutbox outbox, ICurrentUser currentUser, EnrollmentGate gate, TimeProvider clock)
    : ICommandHandler<EnrollBatch, EnrollmentBatchReport>
{
    public async ValueTask<EnrollmentBatchReport> Handle(EnrollBatch command, CancellationToken cancellationToken)
    {
        var workerIds = command.WorkerIds!.Select(id => id!.Value).ToList();
        var workers = await db.Workers.AsNoTracking()
            .WithinDivisionOf(currentUser, w => w.HouseholdDivision)
            .Where(w => workerIds.Contains(w.WorkerId) && w.RegisteredAt != null)
            .ToDictionaryAsync(w => w.WorkerId, cancellationToken);
        var known = workers.Keys.ToList();

        // As for one enrollment, only what must be serialised happens under the session's lock.
        var (arrivals, waitlist) = await gate.RunAsync(
            () => db.InTransactionAsync(
                async ct =>
                {
                    var session = await db.LockSessionAsync(command.SessionId, ct) ?? throw new NotFoundException("Session", command.SessionId);
                    var existing = await db.Enrollments.AsNoTracking()
                        .Where(e => e.SessionId == session.Id && known.Contains(e.WorkerId))
                        .ToDictionaryAsync(e => e.WorkerId, ct);
                    var now = clock.GetUtcNow();
                    var outcomes = new List<(EnrollmentBatchResult Result, Enrollment? Enrollment)>(workerIds.Count);
                    foreach (var workerId in workerIds)
                    {
                        if (!workers.TryGetValue(workerId, out var worker))
                        {
                            outcomes.Add((EnrollmentBatchResult.Rejected, null));
                        }
                        else if (existing.TryGetValue(workerId, out var enrolled))
                        {
                            outcomes.Add((EnrollmentBatchResult.AlreadyEnrolled, enrolled));
                        }
                        else
                        {
                            outcomes.Add((EnrollmentBatchResult.Created, SessionArrivals.Arrive(db, outbox, session, worker, now)));
                        }
                    }

                    if (outcomes.Any(o => o.Result == EnrollmentBatchResult.Created))
                    {
                        await db.SaveChangesAsync(ct);
                    }

                    // Positions as of this commit: read under the lock, no arrival can come in between.
                    var waiting = outcomes.Any(o => o.Enrollment?.Status == EnrollmentStatus.Waitlisted)
                        ? await db.Enrollments.AsNoTracking()
                            .Where(e => e.SessionId == session.Id && e.Status == EnrollmentStatus.Waitlisted)
                            .OrderBy(e => e.Arrival)
                            .Select(e => e.Arrival)
                            .ToListAsync(ct)
                        : [];
                    return (outcomes, waiting);
                },
                cancellationToken),
            cancellationToken);

        var items = arrivals.Select((outcome, index) =>
        {
            var (result, enrollment) = outcome;
            var workerId = workerIds[index];
            if (enrollment is null)
            {
                return new EnrollmentBatchItem(index, workerId, result, null, BatchItemProblem.NotFound(
                    "worker-not-found", $"No registered worker {workerId} is known to training in your division."));
            }

            var position = waitlist.BinarySearch(enrollment.Arrival);
            return new EnrollmentBatchItem(index, workerId, result, EnrollmentView.From(enrollment, workers[workerId].Name, position >= 0 ? position + 1 : null), null);
        }).ToList();
        return new EnrollmentBatchReport(
            items.Count(i => i.Result == EnrollmentBatchResult.Created),
            items.Count(i => i.Result == EnrollmentBatchResult.AlreadyEnrolled),
            items.Count(i => i.Result == EnrollmentBatchResult.Rejected),
            items);
    }
}
