using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Application.Privacy;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Domain.Audit;
using Homeward.SharedKernel.Privacy;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.Employers;

/// <summary>
/// Shows an employer contact's full phone number to a permitted member of staff of the office that looks after the
/// employer, and records who saw which number, when and why. The audit record is stored before anything is shown:
/// no record, no reveal.
/// </summary>
public sealed record RevealContactPhone(Guid EmployerId, Guid ContactId, string Reason) : ICommand<RevealedContactPhone>;

public sealed record RevealedContactPhone(Guid EmployerId, Guid ContactId, string Name, string Phone, Guid AuditId);

public sealed class RevealContactPhoneValidator : AbstractValidator<RevealContactPhone>
{
    public RevealContactPhoneValidator()
    {
        RuleFor(c => c.Reason).Must(reason => reason?.Trim().Length is >= PersonalDataReveal.MinReasonLength and <= PersonalDataReveal.MaxReasonLength)
            .WithMessage($"Say why you need the full number, in {PersonalDataReveal.MinReasonLength} to {PersonalDataReveal.MaxReasonLength} characters.");
    }
}

public sealed class RevealContactPhoneHandler(
    IJobMatchingDbContext db,
    IPersonalDataProtector protector,
    ICurrentUser currentUser,
    TimeProvider clock) : ICommandHandler<RevealContactPhone, RevealedContactPhone>
{
    public async ValueTask<RevealedContactPhone> Handle(RevealContactPhone command, CancellationToken cancellationToken)
    {
        // The full number is only for the office that looks after the employer.
        var employerVisible = await db.Employers
            .WithinDivisionOf(currentUser, e => e.Division)
            .AnyAsync(e => e.Id == command.EmployerId, cancellationToken);
        if (!employerVisible)
        {
            throw new NotFoundException("Employer", command.EmployerId);
        }

        var contact = await db.EmployerContacts.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == command.ContactId && c.EmployerId == command.EmployerId, cancellationToken)
            ?? throw new NotFoundException("Contact", command.ContactId);

        var now = clock.GetUtcNow();
        var audit = PersonalDataReveal.Record(
            Guid.CreateVersion7(now),
            command.EmployerId,
            contact.Id,
            currentUser.Id,
            currentUser.Name,
            currentUser.Division?.Value ?? string.Empty,
            command.Reason,
            now,
            CorrelationContext.Current);
        db.PersonalDataReveals.Add(audit);
        await db.SaveChangesAsync(cancellationToken);

        return new RevealedContactPhone(command.EmployerId, contact.Id, contact.Name, protector.Reveal(PersonalDataKind.Phone, contact.Phone), audit.Id);
    }
}
