using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Application.Privacy;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Contracts.Registry;
using Homeward.SharedKernel.Divisions;
using Homeward.SharedKernel.Identity;
using Homeward.SharedKernel.Privacy;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Registry.Application.Workers;

/// <summary>
/// Changes a worker's name, phone or household village, if the caller still has the version they read. Moving the
/// record to a village outside the caller's division is refused.
/// </summary>
public sealed record ChangeWorkerProfile(Guid WorkerId, uint ExpectedVersion, string? Name, string? Phone, string? HouseholdDivision)
    : ICommand<WorkerView>;

public sealed class ChangeWorkerProfileValidator : AbstractValidator<ChangeWorkerProfile>
{
    public ChangeWorkerProfileValidator()
    {
        RuleFor(c => c.Name).MustBeAName().When(c => c.Name is not null);
        RuleFor(c => c.Phone).MustBeAPhone().When(c => c.Phone is not null);
        RuleFor(c => c.HouseholdDivision).MustBeAnActiveVillage().When(c => c.HouseholdDivision is not null);
    }
}

public sealed class ChangeWorkerProfileHandler(
    IRegistryDbContext db,
    IPersonalDataProtector protector,
    IOutbox outbox,
    ICurrentUser currentUser,
    TimeProvider clock) : ICommandHandler<ChangeWorkerProfile, WorkerView>
{
    public async ValueTask<WorkerView> Handle(ChangeWorkerProfile command, CancellationToken cancellationToken)
    {
        var worker = await db.Workers
            .WithinDivisionOf(currentUser, w => w.HouseholdDivisionCode)
            .FirstOrDefaultAsync(w => w.Id == command.WorkerId, cancellationToken)
            ?? throw new NotFoundException("Worker", command.WorkerId);
        db.ExpectRowVersion(worker, command.ExpectedVersion);

        DivisionCode? household = command.HouseholdDivision is null ? null : DivisionCode.Parse(command.HouseholdDivision);
        if (household is { } target)
        {
            currentUser.EnsureMayPlaceIn(target);
        }

        var phone = command.Phone is null ? null : protector.Protect(PersonalDataKind.Phone, PhoneNumber.Parse(command.Phone).Value);
        var now = clock.GetUtcNow();
        var changed = worker.ChangeProfile(command.Name, phone, household, now);
        var publicFacts = changed.Where(field => field != "phone").ToList();
        if (publicFacts.Count > 0)
        {
            outbox.Enqueue(new WorkerProfileUpdated(Guid.CreateVersion7(now), now, worker.Id, publicFacts, worker.Name, worker.HouseholdDivisionCode));
        }

        await db.SaveChangesAsync(cancellationToken);
        return WorkerView.From(worker);
    }
}
