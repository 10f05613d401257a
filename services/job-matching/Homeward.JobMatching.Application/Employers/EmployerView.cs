using Homeward.JobMatching.Domain.Employers;

namespace Homeward.JobMatching.Application.Employers;

/// <param name="Id">Names the contact whose full number a reveal asks for; a change of the employer gives its contacts new ids.</param>
/// <param name="PhoneMasked">The contact's phone number as every response shows it: first three and last four digits.</param>
public sealed record EmployerContactView(Guid Id, string Name, string? Role, string PhoneMasked);

/// <summary>An employer as use cases return it: contacts' phone numbers only masked.</summary>
public sealed record EmployerView(
    Guid Id,
    string Name,
    string CreditCode,
    EmployerLocality Locality,
    string Division,
    string? PartnerCity,
    string Industry,
    EmployerSize Size,
    IReadOnlyList<EmployerContactView> Contacts,
    DateTimeOffset RegisteredAt,
    DateTimeOffset UpdatedAt,
    uint RowVersion)
{
    public static EmployerView From(Employer employer) => new(
        employer.Id,
        employer.Name,
        employer.CreditCode,
        employer.Locality,
        employer.Division,
        employer.PartnerCity,
        employer.Industry,
        employer.Size,
        [.. employer.Contacts.Select(c => new EmployerContactView(c.Id, c.Name, c.Role, c.Phone.Masked))],
        employer.RegisteredAt,
        employer.UpdatedAt,
        employer.RowVersion);
}
