using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Privacy;
using Homeward.JobMatching.Application.Employers;
using Homeward.JobMatching.Domain.Partners;
using Homeward.SharedKernel.Identity;
using Homeward.SharedKernel.Industries;
using Homeward.SharedKernel.Privacy;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.Partners;

/// <param name="Sector">GB/T 4754 section letter the quota is for; one of the agreement's sectors.</param>
/// <param name="Workers">How many of our workers the partner city means to take in the sector.</param>
public sealed record SectorQuotaInput(string? Sector, int? Workers);

/// <summary>Records an agreement of labour cooperation with a registered partner city.</summary>
public sealed record ConcludePartnerAgreement(
    string PartnerCityId,
    string? Title,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    IReadOnlyList<string?> Sectors,
    IReadOnlyList<SectorQuotaInput?> Quotas,
    IReadOnlyList<ContactInput?> Contacts) : ICommand<PartnerAgreementView>;

public sealed class ConcludePartnerAgreementValidator : AbstractValidator<ConcludePartnerAgreement>
{
    public ConcludePartnerAgreementValidator()
    {
        RuleFor(c => c.Title).Must(t => !string.IsNullOrWhiteSpace(t) && t.Trim().Length <= 100).WithMessage("The title is 1 to 100 characters.");
        RuleFor(c => c.ValidFrom).NotNull().WithMessage("The first day of the agreement is required.");
        RuleFor(c => c.ValidTo).NotNull().WithMessage("The last day of the agreement is required.")
            .Must((c, to) => to >= c.ValidFrom).When(c => c.ValidFrom is not null && c.ValidTo is not null)
            .WithMessage("The agreement ends on or after the day it starts.");
        RuleFor(c => c.Sectors).Must(s => s.Count is >= 1 and <= 20).WithMessage("An agreement covers 1 to 20 sectors.");
        RuleForEach(c => c.Sectors).Must(Industries.IsKnown).WithMessage("A sector is a GB/T 4754 section letter, A to T.");
        RuleFor(c => c.Quotas).Must(q => q.Count <= 20).WithMessage("An agreement has at most 20 quotas.");
        RuleForEach(c => c.Quotas).Custom((quota, context) =>
        {
            if (quota is null)
            {
                context.AddFailure("A quota cannot be null.");
                return;
            }

            if (!context.InstanceToValidate.Sectors.Contains(quota.Sector))
            {
                context.AddFailure("sector", "A quota is for one of the agreement's sectors.");
            }

            if (quota.Workers is not (>= 1 and <= 1_000_000))
            {
                context.AddFailure("workers", "A quota is 1 to 1,000,000 workers.");
            }
        });
        RuleFor(c => c.Contacts).Must(c => c.Count <= EmployerRules.MaxContacts).WithMessage($"An agreement has at most {EmployerRules.MaxContacts} contacts.");
        RuleForEach(c => c.Contacts).Custom((contact, context) =>
        {
            if (contact is null)
            {
                context.AddFailure("A contact cannot be null.");
                return;
            }

            if (string.IsNullOrWhiteSpace(contact.Name) || contact.Name.Trim().Length > 30)
            {
                context.AddFailure("name", "A contact's name is 1 to 30 characters.");
            }

            if (contact.Role is { Length: > 50 })
            {
                context.AddFailure("role", "A contact's role is at most 50 characters.");
            }

            if (!PhoneNumber.TryParse(contact.Phone, out _))
            {
                context.AddFailure("phone", "A phone number is an 11-digit mainland mobile number starting with 13–19.");
            }
        });
    }
}

public sealed class ConcludePartnerAgreementHandler(IJobMatchingDbContext db, IPersonalDataProtector protector, TimeProvider clock)
    : ICommandHandler<ConcludePartnerAgreement, PartnerAgreementView>
{
    public async ValueTask<PartnerAgreementView> Handle(ConcludePartnerAgreement command, CancellationToken cancellationToken)
    {
        if (!await db.PartnerCities.AnyAsync(c => c.Id == command.PartnerCityId, cancellationToken))
        {
            throw new NotFoundException("PartnerCity", command.PartnerCityId);
        }

        var now = clock.GetUtcNow();
        var agreement = PartnerAgreement.Conclude(
            Guid.CreateVersion7(now),
            command.PartnerCityId,
            command.Title!,
            command.ValidFrom!.Value,
            command.ValidTo!.Value,
            [.. command.Sectors.Select(s => s!)],
            [.. command.Quotas.Select(q => new SectorQuota(q!.Sector!, q.Workers!.Value))],
            command.Contacts.Select(c => PartnerContact.Create(
                Guid.CreateVersion7(now), c!.Name!, c.Role, protector.Protect(PersonalDataKind.Phone, PhoneNumber.Parse(c.Phone).Value))),
            now);
        db.PartnerAgreements.Add(agreement);
        await db.SaveChangesAsync(cancellationToken);
        var fulfilment = await QuotaFulfilment.OfAsync(db, [agreement], null, cancellationToken);
        return PartnerAgreementView.From(agreement, fulfilment[agreement.Id]);
    }
}

/// <summary>A partner city's agreements, the latest period first.</summary>
public sealed record ListPartnerAgreements(string PartnerCityId) : IQuery<IReadOnlyList<PartnerAgreementView>>;

public sealed class ListPartnerAgreementsHandler(IJobMatchingDbContext db) : IQueryHandler<ListPartnerAgreements, IReadOnlyList<PartnerAgreementView>>
{
    public async ValueTask<IReadOnlyList<PartnerAgreementView>> Handle(ListPartnerAgreements query, CancellationToken cancellationToken)
    {
        if (!await db.PartnerCities.AnyAsync(c => c.Id == query.PartnerCityId, cancellationToken))
        {
            throw new NotFoundException("PartnerCity", query.PartnerCityId);
        }

        var agreements = await db.PartnerAgreements.AsNoTracking()
            .Include(a => a.Contacts)
            .Where(a => a.PartnerCityId == query.PartnerCityId)
            .OrderByDescending(a => a.ValidFrom).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        var fulfilment = await QuotaFulfilment.OfAsync(db, agreements, null, cancellationToken);
        return [.. agreements.Select(a => PartnerAgreementView.From(a, fulfilment[a.Id]))];
    }
}
