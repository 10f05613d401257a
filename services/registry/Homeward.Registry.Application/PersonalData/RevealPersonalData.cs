using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Application.Privacy;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Registry.Domain.Audit;
using Homeward.SharedKernel.Privacy;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Registry.Application.PersonalData;

/// <summary>
/// Shows a worker's full national ID and phone number to a permitted member of staff, and records who saw whose
/// data, when and why. The audit record is stored before anything is shown: no record, no reveal.
/// </summary>
public sealed record RevealPersonalData(Guid WorkerId, string Reason) : ICommand<RevealedPersonalData>;

public sealed record RevealedPersonalData(Guid WorkerId, string NationalId, string? Phone, Guid AuditId);

public sealed class RevealPersonalDataValidator : AbstractValidator<RevealPersonalData>
{
    public RevealPersonalDataValidator()
    {
        RuleFor(c => c.Reason).Must(reason => reason?.Trim().Length is >= PersonalDataReveal.MinReasonLength and <= PersonalDataReveal.MaxReasonLength)
            .WithMessage($"Say why you need the full data, in {PersonalDataReveal.MinReasonLength} to {PersonalDataReveal.MaxReasonLength} characters.");
    }
}

public sealed class RevealPersonalDataHandler(
    IRegistryDbContext db,
    IPersonalDataProtector protector,
    ICurrentUser currentUser,
    TimeProvider clock) : ICommandHandler<RevealPersonalData, RevealedPersonalData>
{
    public async ValueTask<RevealedPersonalData> Handle(RevealPersonalData command, CancellationToken cancellationToken)
    {
        var worker = await db.Workers.AsNoTracking()
            .WithinDivisionOf(currentUser, w => w.HouseholdDivisionCode)
            .FirstOrDefaultAsync(w => w.Id == command.WorkerId, cancellationToken)
            ?? throw new NotFoundException("Worker", command.WorkerId);

        var now = clock.GetUtcNow();
        var fields = worker.Phone is null ? new[] { "nationalId" } : ["nationalId", "phone"];
        var audit = PersonalDataReveal.Record(
            Guid.CreateVersion7(now),
            worker.Id,
            currentUser.Id,
            currentUser.Name,
            currentUser.Division?.Value ?? string.Empty,
            command.Reason,
            fields,
            now,
            CorrelationContext.Current);
        db.PersonalDataReveals.Add(audit);
        await db.SaveChangesAsync(cancellationToken);

        return new RevealedPersonalData(
            worker.Id,
            protector.Reveal(PersonalDataKind.NationalId, worker.NationalId),
            worker.Phone is null ? null : protector.Reveal(PersonalDataKind.Phone, worker.Phone),
            audit.Id);
    }
}
