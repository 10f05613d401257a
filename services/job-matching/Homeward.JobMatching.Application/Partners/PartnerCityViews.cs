using Homeward.JobMatching.Application.Employers;
using Homeward.JobMatching.Domain.Partners;

namespace Homeward.JobMatching.Application.Partners;

/// <param name="Enterprises">How many employers are recorded as located in the partner city.</param>
public sealed record PartnerCityView(string Id, string Name, int Enterprises, DateTimeOffset RegisteredAt, DateTimeOffset UpdatedAt, uint RowVersion)
{
    public static PartnerCityView From(PartnerCity city, int enterprises) =>
        new(city.Id, city.Name, enterprises, city.RegisteredAt, city.UpdatedAt, city.RowVersion);
}

/// <summary>An agreement as use cases return it: contacts' phone numbers only masked.</summary>
/// <param name="Fulfilment">Per quota, the city's placements counted against it so far (see <see cref="QuotaFulfilment"/>).</param>
public sealed record PartnerAgreementView(
    Guid Id,
    string PartnerCityId,
    string Title,
    DateOnly ValidFrom,
    DateOnly ValidTo,
    IReadOnlyList<string> Sectors,
    IReadOnlyList<SectorQuota> Quotas,
    IReadOnlyList<QuotaFulfilmentView> Fulfilment,
    IReadOnlyList<EmployerContactView> Contacts,
    DateTimeOffset RecordedAt)
{
    public static PartnerAgreementView From(PartnerAgreement agreement, IReadOnlyList<QuotaFulfilmentView> fulfilment) => new(
        agreement.Id,
        agreement.PartnerCityId,
        agreement.Title,
        agreement.ValidFrom,
        agreement.ValidTo,
        agreement.Sectors,
        agreement.Quotas,
        fulfilment,
        [.. agreement.Contacts.Select(c => new EmployerContactView(c.Id, c.Name, c.Role, c.Phone.Masked))],
        agreement.RecordedAt);
}
