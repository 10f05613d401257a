using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Privacy;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Application.Common;
using Homeward.JobMatching.Domain.Employers;
using Homeward.SharedKernel.Divisions;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Homeward.JobMatching.Application.Employers;

/// <summary>
/// Replaces an employer's name, location, industry, size and contacts, if the caller still has the version they read.
/// The credit code never changes. The employer must lie within the caller's division, before and after.
/// </summary>
public sealed record ChangeEmployer(
    Guid EmployerId,
    uint ExpectedVersion,
    string Name,
    EmployerLocality? Locality,
    string? Division,
    string? PartnerCity,
    string? Industry,
    EmployerSize? Size,
    IReadOnlyList<ContactInput?> Contacts) : ICommand<EmployerView>, IEmployerFacts;

public sealed class ChangeEmployerValidator : AbstractValidator<ChangeEmployer>
{
    public ChangeEmployerValidator(IOptions<JobMatchingOptions> options) => this.EmployerFactRules(options.Value);
}

public sealed class ChangeEmployerHandler(
    IJobMatchingDbContext db,
    IPersonalDataProtector protector,
    ICurrentUser currentUser,
    TimeProvider clock) : ICommandHandler<ChangeEmployer, EmployerView>
{
    public async ValueTask<EmployerView> Handle(ChangeEmployer command, CancellationToken cancellationToken)
    {
        var employer = await db.Employers
            .Include(e => e.Contacts)
            .WithinDivisionOf(currentUser, e => e.Division)
            .FirstOrDefaultAsync(e => e.Id == command.EmployerId, cancellationToken)
            ?? throw new NotFoundException("Employer", command.EmployerId);
        if (employer.RowVersion != command.ExpectedVersion)
        {
            throw new PreconditionFailedException("Employer", command.EmployerId);
        }

        db.ExpectRowVersion(employer, command.ExpectedVersion);
        var now = clock.GetUtcNow();
        // A partner-city employer that stays one keeps the office that looks after it, whoever edits it.
        var location = !employer.IsLocal && command.Locality == EmployerLocality.PartnerCity
            ? EmployerLocation.InPartnerCity(command.PartnerCity!, DivisionCode.Parse(employer.Division))
            : EmployerRules.LocationOf(command, currentUser);
        employer.Change(command.Name, location, command.Industry!, command.Size!.Value, now);
        db.EmployerContacts.RemoveRange(employer.Contacts);
        employer.ReplaceContacts(EmployerRules.ContactsOf(command, protector, now), now);
        await db.SaveChangesAsync(cancellationToken);
        return EmployerView.From(employer);
    }
}
