using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Application.Privacy;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Registry.Domain.Monitoring;
using Homeward.Registry.Domain.Workers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Registry.Application.Monitoring;

/// <summary>
/// A source reports one field of a worker of the caller's division; see <see cref="ObservationRecorder"/> for what the
/// report does to the record.
/// </summary>
/// <param name="ObservedAt">When the source saw the fact; now when not given.</param>
public sealed record RecordObservation(
    Guid WorkerId,
    ObservedField? Field,
    string? Value,
    InformationSource? Source,
    DateTimeOffset? ObservedAt) : ICommand<ObservationView>;

public sealed class RecordObservationValidator : AbstractValidator<RecordObservation>
{
    public RecordObservationValidator(TimeProvider clock)
    {
        RuleFor(c => c.Field).Must(field => field is { } known && Enum.IsDefined(known))
            .WithMessage("The field is one of phone, householdDivision, residence, education or employmentStatus.");
        RuleFor(c => c.Source).Must(source => source is { } known && Enum.IsDefined(known))
            .WithMessage("Say where the value comes from, e.g. doorToDoorVisit, phoneCall or selfReport.");
        RuleFor(c => c.Value)
            .Must((command, value) => ObservedFields.Normalize(command.Field!.Value, value) is not null)
            .When(c => c.Field is not null && Enum.IsDefined(c.Field.Value))
            .WithMessage(c => ObservedFields.Rule(c.Field!.Value));
        RuleFor(c => c.ObservedAt).MustBeAPastMoment(clock);
    }
}

public sealed class RecordObservationHandler(
    IRegistryDbContext db,
    IPersonalDataProtector protector,
    IOutbox outbox,
    ICurrentUser currentUser,
    TimeProvider clock) : ICommandHandler<RecordObservation, ObservationView>
{
    public async ValueTask<ObservationView> Handle(RecordObservation command, CancellationToken cancellationToken)
    {
        var worker = await db.Workers
            .WithinDivisionOf(currentUser, w => w.HouseholdDivisionCode)
            .FirstOrDefaultAsync(w => w.Id == command.WorkerId, cancellationToken)
            ?? throw new NotFoundException("Worker", command.WorkerId);

        var now = clock.GetUtcNow();
        var observation = await ObservationRecorder.RecordAsync(
            db,
            protector,
            outbox,
            worker,
            command.Field!.Value,
            command.Value!,
            command.Source!.Value,
            command.ObservedAt ?? now,
            currentUser.Id,
            now,
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ObservationView.From(observation);
    }
}
