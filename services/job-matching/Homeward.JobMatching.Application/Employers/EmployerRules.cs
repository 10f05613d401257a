using FluentValidation;
using Homeward.BuildingBlocks.Application.Privacy;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Application.Common;
using Homeward.JobMatching.Domain.Employers;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Divisions;
using Homeward.SharedKernel.Identity;
using Homeward.SharedKernel.Industries;
using Homeward.SharedKernel.Privacy;

namespace Homeward.JobMatching.Application.Employers;

/// <param name="Phone">A mainland mobile number, given in full; it is stored encrypted and shown masked.</param>
public sealed record ContactInput(string? Name, string? Role, string? Phone);

/// <summary>What registration and changes of an employer share: its location, industry, size and contacts.</summary>
public interface IEmployerFacts
{
    string Name { get; }

    EmployerLocality? Locality { get; }

    string? Division { get; }

    string? PartnerCity { get; }

    string? Industry { get; }

    EmployerSize? Size { get; }

    IReadOnlyList<ContactInput?> Contacts { get; }
}

public static class EmployerRules
{
    public const int MaxNameLength = 100;
    public const int MaxContacts = 5;

    public static void EmployerFactRules<T>(this AbstractValidator<T> validator, JobMatchingOptions options)
        where T : IEmployerFacts
    {
        validator.RuleFor(c => c.Name).Must(name => !string.IsNullOrWhiteSpace(name) && name.Trim().Length is >= 2 and <= MaxNameLength)
            .WithMessage($"The name is 2 to {MaxNameLength} characters.");
        validator.RuleFor(c => c.Locality).NotNull().WithMessage("The locality is local or partnerCity.").IsInEnum();
        validator.RuleFor(c => c.Division)
            .Must(code => IsCityDivision(code, options))
            .When(c => c.Locality == EmployerLocality.Local)
            .WithMessage("A local employer's division is the 12-digit code of a current division of the city.");
        validator.RuleFor(c => c.Division)
            .Null()
            .When(c => c.Locality == EmployerLocality.PartnerCity)
            .WithMessage("A partner-city employer has no division of the city; give its partnerCity.");
        validator.RuleFor(c => c.PartnerCity)
            .Must(city => city is not null && options.PartnerCities.Contains(city, StringComparer.Ordinal))
            .When(c => c.Locality == EmployerLocality.PartnerCity)
            .WithMessage($"The partner city is one of: {string.Join(", ", options.PartnerCities)}.");
        validator.RuleFor(c => c.PartnerCity)
            .Null()
            .When(c => c.Locality == EmployerLocality.Local)
            .WithMessage("A local employer has no partner city.");
        validator.RuleFor(c => c.Industry).Must(Industries.IsKnown)
            .WithMessage("The industry is a GB/T 4754 section letter, A to T.");
        validator.RuleFor(c => c.Size).NotNull().WithMessage("The size is micro, small, medium or large.").IsInEnum();
        validator.RuleFor(c => c.Contacts).Must(contacts => contacts.Count <= MaxContacts)
            .WithMessage($"An employer has at most {MaxContacts} contacts.");
        validator.RuleForEach(c => c.Contacts).Custom((contact, context) =>
        {
            // Names given here are relative: FluentValidation prefixes them with the element's path, e.g. contacts[0].
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

    public static bool IsCityDivision(string? code, JobMatchingOptions options) =>
        DivisionCode.TryParse(code, out var division)
        && division.Level > DivisionLevel.City
        && division.IsWithin(DivisionCode.Parse(options.CityDivision))
        && DivisionDirectory.Current.Find(division) is { RetiredOn: null };

    /// <summary>Where the employer is, placed within the caller's division (a partner-city employer is looked after by the caller's office).</summary>
    public static EmployerLocation LocationOf(IEmployerFacts facts, ICurrentUser currentUser)
    {
        if (facts.Locality == EmployerLocality.Local)
        {
            var division = DivisionCode.Parse(facts.Division);
            currentUser.EnsureMayPlaceIn(division);
            return EmployerLocation.Local(division);
        }

        var office = currentUser.Division
            ?? throw new DomainException("office-division-missing", "A partner-city employer is looked after by an office; your token names none.");
        return EmployerLocation.InPartnerCity(facts.PartnerCity!, office);
    }

    public static List<EmployerContact> ContactsOf(IEmployerFacts facts, IPersonalDataProtector protector, DateTimeOffset now) =>
        [.. facts.Contacts.Select(c => EmployerContact.Create(
            Guid.CreateVersion7(now),
            c!.Name!,
            c.Role,
            protector.Protect(PersonalDataKind.Phone, PhoneNumber.Parse(c.Phone).Value)))];
}
