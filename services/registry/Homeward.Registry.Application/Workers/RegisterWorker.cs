using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Application.Privacy;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Contracts.Registry;
using Homeward.Registry.Domain.Workers;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Divisions;
using Homeward.SharedKernel.Identity;
using Homeward.SharedKernel.Privacy;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Registry.Application.Workers;

/// <summary>
/// Registers a returning worker in a village within the caller's division; a national ID number already on record is
/// a conflict pointing to that record (even when that record lies outside the caller's division: one record per person).
/// </summary>
public sealed record RegisterWorker(
    string NationalId,
    string Name,
    string? Phone,
    string HouseholdDivision,
    WorkerProfile Profile,
    EmploymentStatus Status,
    InformationSource Source) : ICommand<WorkerView>;

public sealed class RegisterWorkerValidator : AbstractValidator<RegisterWorker>
{
    public RegisterWorkerValidator(TimeProvider clock)
    {
        RuleFor(c => c.NationalId).Custom((value, context) =>
        {
            if (!NationalId.TryParse(value, clock.Today(), out _, out var error))
            {
                context.AddFailure(error.Describe());
            }
        });
        RuleFor(c => c.Name).MustBeAName();
        RuleFor(c => c.Phone).MustBeAPhone().When(c => !string.IsNullOrWhiteSpace(c.Phone));
        RuleFor(c => c.HouseholdDivision).MustBeAnActiveVillage();
        this.ProfileRules(c => c.Profile, clock);
        RuleFor(c => c.Status).IsInEnum();
        RuleFor(c => c.Source).IsInEnum();
    }
}

public sealed class RegisterWorkerHandler(
    IRegistryDbContext db,
    IPersonalDataProtector protector,
    IOutbox outbox,
    ICurrentUser currentUser,
    TimeProvider clock) : ICommandHandler<RegisterWorker, WorkerView>
{
    public async ValueTask<WorkerView> Handle(RegisterWorker command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var household = DivisionCode.Parse(command.HouseholdDivision);
        currentUser.EnsureMayPlaceIn(household);
        var nationalId = NationalId.Parse(command.NationalId, CityCalendar.DayOf(now));
        var protectedId = protector.Protect(PersonalDataKind.NationalId, nationalId.Value);

        var existing = await db.Workers.AsNoTracking()
            .Where(w => w.NationalId.LookupHash == protectedId.LookupHash)
            .Select(w => (Guid?)w.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is { } existingId)
        {
            throw AlreadyRegistered(existingId);
        }

        var phone = string.IsNullOrWhiteSpace(command.Phone)
            ? null
            : protector.Protect(PersonalDataKind.Phone, PhoneNumber.Parse(command.Phone).Value);
        var (worker, initialStatus) = Worker.Register(
            Guid.CreateVersion7(now),
            nationalId,
            protectedId,
            command.Name,
            phone,
            household,
            command.Profile,
            command.Status,
            command.Source,
            currentUser.Id,
            now);

        db.Workers.Add(worker);
        db.StatusChanges.Add(initialStatus);
        outbox.Enqueue(new WorkerRegistered(
            Guid.CreateVersion7(now),
            now,
            worker.Id,
            worker.Name,
            worker.Gender == Gender.Male ? "male" : "female",
            worker.BirthDate,
            worker.HouseholdDivisionCode,
            WorkerFactsMapper.From(worker)));

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            // Another request registered the same person between our check and our insert.
            var winner = await db.Workers.AsNoTracking()
                .Where(w => w.NationalId.LookupHash == protectedId.LookupHash)
                .Select(w => w.Id)
                .FirstAsync(cancellationToken);
            throw AlreadyRegistered(winner);
        }

        return WorkerView.From(worker);
    }

    private static ConflictException AlreadyRegistered(Guid workerId) =>
        new("worker-already-registered", "A worker with this national ID number is already registered.", WorkerPaths.Of(workerId));
}
