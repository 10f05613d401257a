using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Application.Privacy;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Registry.Domain.Workers;
using Homeward.SharedKernel.Divisions;
using Homeward.SharedKernel.Identity;
using Homeward.SharedKernel.Privacy;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Registry.Application.Workers;

/// <summary>
/// Changes a worker's name, phone, household village and any group of profile facts, if the caller still has the
/// version they read. Moving the record to a village outside the caller's division is refused. The national ID number,
/// the birth date and gender derived from it, and the registration time are not part of the command: they never
/// change. A change that changes nothing stores nothing and announces nothing.
/// </summary>
/// <param name="Profile">Groups of facts to replace; a null group stays as it is (see <see cref="WorkerProfilePatch"/>).</param>
public sealed record ChangeWorkerProfile(
    Guid WorkerId,
    uint ExpectedVersion,
    string? Name,
    string? Phone,
    string? HouseholdDivision,
    WorkerProfilePatch Profile) : ICommand<WorkerView>;

/// <summary>The groups of profile facts a change replaces; each given group replaces the whole group (a list included).</summary>
public sealed record WorkerProfilePatch(
    Residence? Residence,
    EducationLevel? Education,
    IReadOnlyList<Skill>? Skills,
    IReadOnlyList<Certificate>? Certificates,
    IReadOnlyList<PriorWork>? PriorWork,
    ReturnHome? Return,
    JobIntention? JobIntention,
    EntrepreneurshipIntention? Entrepreneurship,
    IReadOnlyList<string>? TrainingNeeds,
    FamilySituation? Family)
{
    public static WorkerProfilePatch None { get; } = new(null, null, null, null, null, null, null, null, null, null);

    public bool IsEmpty => this == None;

    public WorkerProfile ApplyTo(WorkerProfile current) => new(
        Residence ?? current.Residence,
        Education ?? current.Education,
        Skills ?? current.Skills,
        Certificates ?? current.Certificates,
        PriorWork ?? current.PriorWork,
        Return ?? current.Return,
        JobIntention ?? current.JobIntention,
        Entrepreneurship ?? current.Entrepreneurship,
        TrainingNeeds ?? current.TrainingNeeds,
        Family ?? current.Family);
}

public sealed class ChangeWorkerProfileValidator : AbstractValidator<ChangeWorkerProfile>
{
    public ChangeWorkerProfileValidator(TimeProvider clock)
    {
        this.ProfileRules(c => c.Profile.ApplyTo(WorkerProfile.Empty), clock);
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
        // Checked here as well as on saving: a change that turns out to change nothing saves nothing, and would
        // otherwise answer 200 to a caller whose copy is stale.
        if (worker.RowVersion != command.ExpectedVersion)
        {
            throw new PreconditionFailedException("Worker", command.WorkerId);
        }

        db.ExpectRowVersion(worker, command.ExpectedVersion);

        DivisionCode? household = command.HouseholdDivision is null ? null : DivisionCode.Parse(command.HouseholdDivision);
        if (household is { } target)
        {
            currentUser.EnsureMayPlaceIn(target);
        }

        var phone = command.Phone is null ? null : protector.Protect(PersonalDataKind.Phone, PhoneNumber.Parse(command.Phone).Value);
        var now = clock.GetUtcNow();
        var profile = command.Profile.IsEmpty ? null : command.Profile.ApplyTo(worker.Profile);
        var changed = worker.ChangeProfile(command.Name, phone, household, profile, now);
        WorkerEvents.ProfileUpdated(outbox, worker, changed, now);

        await db.SaveChangesAsync(cancellationToken);
        return WorkerView.From(worker);
    }
}
