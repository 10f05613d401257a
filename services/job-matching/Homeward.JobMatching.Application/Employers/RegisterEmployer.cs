using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Privacy;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Application.Common;
using Homeward.JobMatching.Domain.Employers;
using Homeward.SharedKernel.Organizations;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Homeward.JobMatching.Application.Employers;

/// <summary>
/// Records an enterprise that offers jobs: a local one in a division within the caller's, or one of a partner city
/// looked after by the caller's office. A credit code already on record is a conflict pointing to that employer.
/// </summary>
public sealed record RegisterEmployer(
    string Name,
    string CreditCode,
    EmployerLocality? Locality,
    string? Division,
    string? PartnerCity,
    string? Industry,
    EmployerSize? Size,
    IReadOnlyList<ContactInput?> Contacts) : ICommand<EmployerView>, IEmployerFacts;

public sealed class RegisterEmployerValidator : AbstractValidator<RegisterEmployer>
{
    public RegisterEmployerValidator(IOptions<JobMatchingOptions> options)
    {
        RuleFor(c => c.CreditCode).Must(code => UnifiedSocialCreditCode.TryParse(code, out _))
            .WithMessage("A unified social credit code has 18 characters from 0-9 and A-Y without I, O, S, V, Z, and a matching check character (GB 32100).");
        this.EmployerFactRules(options.Value);
    }
}

public sealed class RegisterEmployerHandler(
    IJobMatchingDbContext db,
    IPersonalDataProtector protector,
    ICurrentUser currentUser,
    TimeProvider clock) : ICommandHandler<RegisterEmployer, EmployerView>
{
    public async ValueTask<EmployerView> Handle(RegisterEmployer command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var location = EmployerRules.LocationOf(command, currentUser);
        var creditCode = UnifiedSocialCreditCode.Parse(command.CreditCode);
        var existing = await db.Employers.AsNoTracking()
            .Where(e => e.CreditCode == creditCode.Value)
            .Select(e => (Guid?)e.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is { } existingId)
        {
            throw AlreadyRegistered(existingId);
        }

        var employer = Employer.Register(
            Guid.CreateVersion7(now),
            command.Name,
            creditCode,
            location,
            command.Industry!,
            command.Size!.Value,
            EmployerRules.ContactsOf(command, protector, now),
            now);
        db.Employers.Add(employer);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            // Another request recorded the same enterprise between our check and our insert.
            var winner = await db.Employers.AsNoTracking()
                .Where(e => e.CreditCode == creditCode.Value)
                .Select(e => e.Id)
                .FirstAsync(cancellationToken);
            throw AlreadyRegistered(winner);
        }

        return EmployerView.From(employer);
    }

    private static ConflictException AlreadyRegistered(Guid employerId) =>
        new("employer-already-registered", "An employer with this unified social credit code is already registered.", JobMatchingPaths.Employer(employerId));
}
