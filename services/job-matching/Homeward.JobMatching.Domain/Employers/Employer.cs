using Homeward.SharedKernel;
using Homeward.SharedKernel.Divisions;
using Homeward.SharedKernel.Organizations;

namespace Homeward.JobMatching.Domain.Employers;

/// <summary>Where an employer's jobs are: in the city (a division of it) or in a partner city of labour cooperation.</summary>
public enum EmployerLocality
{
    Local = 0,
    PartnerCity = 1,
}

/// <summary>Enterprise size class (大型/中型/小型/微型 of the national statistical standard).</summary>
public enum EmployerSize
{
    Micro = 0,
    Small = 1,
    Medium = 2,
    Large = 3,
}

/// <summary>
/// An enterprise that offers jobs. A local enterprise is located in a division of the city; a partner-city enterprise
/// is located in that partner city and is looked after by the office that recorded it, whose division is then the
/// employer's <see cref="Division"/> for access. The credit code identifies it: one employer per code.
/// </summary>
public sealed class Employer : IHasRowVersion
{
    private readonly List<EmployerContact> _contacts = [];

    private Employer()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string CreditCode { get; private set; } = string.Empty;

    public EmployerLocality Locality { get; private set; }

    /// <summary>The 12-digit division the employer belongs to: its location when local, the recording office when in a partner city.</summary>
    public string Division { get; private set; } = string.Empty;

    /// <summary>The partner city (its partner id) of a partner-city enterprise; null for a local one.</summary>
    public string? PartnerCity { get; private set; }

    /// <summary>GB/T 4754 section letter.</summary>
    public string Industry { get; private set; } = string.Empty;

    public EmployerSize Size { get; private set; }

    public IReadOnlyList<EmployerContact> Contacts => _contacts;

    public DateTimeOffset RegisteredAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint RowVersion { get; private set; }

    public bool IsLocal => Locality == EmployerLocality.Local;

    public static Employer Register(
        Guid id,
        string name,
        UnifiedSocialCreditCode creditCode,
        EmployerLocation location,
        string industry,
        EmployerSize size,
        IEnumerable<EmployerContact> contacts,
        DateTimeOffset now)
    {
        var employer = new Employer { Id = id, CreditCode = creditCode.Value, RegisteredAt = now };
        employer.Change(name, location, industry, size, now);
        employer.ReplaceContacts(contacts, now);
        return employer;
    }

    public void Change(string name, EmployerLocation location, string industry, EmployerSize size, DateTimeOffset now)
    {
        Name = name.Trim();
        Locality = location.Locality;
        Division = location.Division.Value;
        PartnerCity = location.PartnerCity;
        Industry = industry;
        Size = size;
        UpdatedAt = now;
    }

    public void ReplaceContacts(IEnumerable<EmployerContact> contacts, DateTimeOffset now)
    {
        _contacts.Clear();
        _contacts.AddRange(contacts);
        UpdatedAt = now;
    }
}

/// <summary>
/// Where an employer is. <paramref name="Division"/> is the location of a local employer, or the office that looks
/// after a partner-city employer.
/// </summary>
public sealed record EmployerLocation(EmployerLocality Locality, DivisionCode Division, string? PartnerCity)
{
    public static EmployerLocation Local(DivisionCode division) => new(EmployerLocality.Local, division, null);

    public static EmployerLocation InPartnerCity(string partnerCity, DivisionCode recordingOffice) =>
        new(EmployerLocality.PartnerCity, recordingOffice, partnerCity);
}
