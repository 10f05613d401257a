using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Application.Privacy;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Registry.Application.Workers;
using Homeward.Registry.Domain.Monitoring;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Divisions;
using Homeward.SharedKernel.Identity;
using Homeward.SharedKernel.Privacy;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Registry.Application.Monitoring;

/// <summary>
/// Staff of the worker's division settle a discrepancy, once, with a reason. Accepting writes the observed value into
/// the record (a new household village must lie within the resolver's division); rejecting keeps the record, which
/// the resolver has thereby confirmed. The discrepancy keeps who decided, when and why.
/// </summary>
/// <param name="Phone">
/// The new number when a phone discrepancy is accepted: only its mask was kept, so the resolver enters the number they
/// confirmed with the worker, and it must match that mask.
/// </param>
public sealed record ResolveDiscrepancy(Guid DiscrepancyId, uint ExpectedVersion, bool? Accept, string? Reason, string? Phone)
    : ICommand<DiscrepancyView>;

public sealed class ResolveDiscrepancyValidator : AbstractValidator<ResolveDiscrepancy>
{
    public const int MaxReasonLength = 500;

    public ResolveDiscrepancyValidator()
    {
        RuleFor(c => c.Accept).NotNull().WithMessage("Say whether the observed value is accepted (true) or rejected (false).");
        RuleFor(c => c.Reason)
            .Must(reason => reason?.Trim().Length is >= Discrepancy.MinReasonLength and <= MaxReasonLength)
            .WithMessage($"Say why, in {Discrepancy.MinReasonLength} to {MaxReasonLength} characters.");
        RuleFor(c => c.Phone).MustBeAPhone().When(c => c.Phone is not null);
    }
}

public sealed class ResolveDiscrepancyHandler(
    IRegistryDbContext db,
    IPersonalDataProtector protector,
    IOutbox outbox,
    ICurrentUser currentUser,
    TimeProvider clock) : ICommandHandler<ResolveDiscrepancy, DiscrepancyView>
{
    public async ValueTask<DiscrepancyView> Handle(ResolveDiscrepancy command, CancellationToken cancellationToken)
    {
        var row = await db.VisibleDiscrepancies(currentUser, null)
            .FirstOrDefaultAsync(r => r.Discrepancy.Id == command.DiscrepancyId, cancellationToken)
            ?? throw new NotFoundException("Discrepancy", command.DiscrepancyId);
        var discrepancy = row.Discrepancy;
        // Checked before the business rules too, so a caller with a stale copy learns that first.
        if (discrepancy.RowVersion != command.ExpectedVersion)
        {
            throw new PreconditionFailedException("Discrepancy", command.DiscrepancyId);
        }

        db.ExpectRowVersion(discrepancy, command.ExpectedVersion);
        var worker = await db.Workers.FirstAsync(w => w.Id == discrepancy.WorkerId, cancellationToken);

        var now = clock.GetUtcNow();
        var accept = command.Accept!.Value;
        discrepancy.Resolve(accept, currentUser.Id, command.Reason!, now);
        if (accept)
        {
            if (discrepancy.Field == ObservedField.HouseholdDivision)
            {
                currentUser.EnsureMayPlaceIn(DivisionCode.Parse(discrepancy.ObservedValue));
            }

            ObservedValueWriter.Apply(
                db,
                outbox,
                worker,
                discrepancy.Field,
                discrepancy.ObservedValue,
                discrepancy.Field == ObservedField.Phone ? ConfirmedPhone(command.Phone, discrepancy) : null,
                discrepancy.Source,
                currentUser.Id,
                $"discrepancy {discrepancy.Id} accepted",
                now);
        }
        else
        {
            worker.Confirm(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.VisibleDiscrepancies(currentUser, null).AsNoTracking()
            .Where(r => r.Discrepancy.Id == discrepancy.Id)
            .ToViews(db)
            .FirstAsync(cancellationToken);
    }

    private ProtectedValue ConfirmedPhone(string? phone, Discrepancy discrepancy)
    {
        if (phone is null)
        {
            throw new RequestValidationException("phone", "Accepting a new phone number needs the number, confirmed with the worker.");
        }

        var number = PhoneNumber.Parse(phone);
        if (number.Masked != discrepancy.ObservedValue)
        {
            throw new DomainException(
                "discrepancy-phone-mismatch",
                $"The number does not match the observed one ({discrepancy.ObservedValue}).");
        }

        return protector.Protect(PersonalDataKind.Phone, number.Value);
    }
}
