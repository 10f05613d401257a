using Homeward.SharedKernel;
using Homeward.SharedKernel.Privacy;

namespace Homeward.JobMatching.Domain.Partners;

/// <summary>How many of our workers the partner city means to take in one sector (GB/T 4754 section) over the agreement.</summary>
public sealed record SectorQuota(string Sector, int Workers);

/// <summary>
/// A labour-cooperation agreement with a partner city for a period: the sectors it covers, the quotas of workers per
/// sector, and the people to call on either side. Contacts' phone numbers are personal data: encrypted, shown masked.
/// </summary>
public sealed class PartnerAgreement : IHasRowVersion
{
    private readonly List<PartnerContact> _contacts = [];

    private PartnerAgreement()
    {
    }

    public Guid Id { get; private set; }

    public string PartnerCityId { get; private set; } = string.Empty;

    public string Title { get; private set; } = string.Empty;

    public DateOnly ValidFrom { get; private set; }

    public DateOnly ValidTo { get; private set; }

    public string[] Sectors { get; private set; } = [];

    public IReadOnlyList<SectorQuota> Quotas { get; private set; } = [];

    public IReadOnlyList<PartnerContact> Contacts => _contacts;

    public DateTimeOffset RecordedAt { get; private set; }

    public uint RowVersion { get; private set; }

    public static PartnerAgreement Conclude(
        Guid id,
        string partnerCityId,
        string title,
        DateOnly validFrom,
        DateOnly validTo,
        IReadOnlyCollection<string> sectors,
        IReadOnlyList<SectorQuota> quotas,
        IEnumerable<PartnerContact> contacts,
        DateTimeOffset now)
    {
        if (validTo < validFrom)
        {
            throw new DomainException("agreement-period-invalid", "An agreement ends on or after the day it starts.");
        }

        if (quotas.FirstOrDefault(q => !sectors.Contains(q.Sector)) is { } outside)
        {
            throw new DomainException("agreement-quota-outside-sectors", $"The quota for sector {outside.Sector} is for a sector the agreement does not cover.");
        }

        var agreement = new PartnerAgreement
        {
            Id = id,
            PartnerCityId = partnerCityId,
            Title = title.Trim(),
            ValidFrom = validFrom,
            ValidTo = validTo,
            Sectors = [.. sectors.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            Quotas = quotas,
            RecordedAt = now,
        };
        agreement._contacts.AddRange(contacts);
        return agreement;
    }

    public bool IsInForceOn(DateOnly day) => ValidFrom <= day && day <= ValidTo;
}

/// <summary>A person to call about an agreement, on our side or the partner's.</summary>
public sealed class PartnerContact
{
    private PartnerContact()
    {
    }

    public Guid Id { get; private set; }

    public Guid AgreementId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string? Role { get; private set; }

    public ProtectedValue Phone { get; private set; } = null!;

    public static PartnerContact Create(Guid id, string name, string? role, ProtectedValue phone) =>
        new() { Id = id, Name = name.Trim(), Role = string.IsNullOrWhiteSpace(role) ? null : role.Trim(), Phone = phone };
}
