using Homeward.SharedKernel;

namespace Homeward.JobMatching.Domain.Fairs;

/// <summary>Whether a fair brings the city's own enterprises, or a partner city's, to our workers.</summary>
public enum FairKind
{
    Local = 0,
    CrossRegion = 1,
}

/// <summary>
/// A labour matchmaking fair (劳务对接会): on a day, at a place, organised by an office, local or with a partner
/// city's enterprises. Employers take part with some of their vacancies; workers check in; offers made on the spot
/// become recommendations, and hires from them placements.
/// </summary>
public sealed class JobFair : IHasRowVersion
{
    private JobFair()
    {
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public DateOnly Date { get; private set; }

    public string Place { get; private set; } = string.Empty;

    public FairKind Kind { get; private set; }

    /// <summary>The partner city whose enterprises come to a cross-region fair; null for a local one.</summary>
    public string? PartnerCity { get; private set; }

    /// <summary>The 12-digit division of the office that organises the fair: who changes it.</summary>
    public string OrganizerDivision { get; private set; } = string.Empty;

    public Guid[] EmployerIds { get; private set; } = [];

    public Guid[] VacancyIds { get; private set; } = [];

    public DateTimeOffset RecordedAt { get; private set; }

    public uint RowVersion { get; private set; }

    public static JobFair Plan(Guid id, string title, DateOnly date, string place, FairKind kind, string? partnerCity, string organizerDivision, DateTimeOffset now)
    {
        if ((kind == FairKind.CrossRegion) != (partnerCity is not null))
        {
            throw new DomainException("fair-partner-city-mismatch", "A cross-region fair names its partner city; a local fair names none.");
        }

        return new JobFair
        {
            Id = id,
            Title = title.Trim(),
            Date = date,
            Place = place.Trim(),
            Kind = kind,
            PartnerCity = partnerCity,
            OrganizerDivision = organizerDivision,
            RecordedAt = now,
        };
    }

    /// <summary>An employer takes part with some of its vacancies; taking part again adds the vacancies not listed yet.</summary>
    public void AddParticipant(Guid employerId, string? employerPartnerCity, IReadOnlyCollection<Guid> vacancyIds)
    {
        if (Kind == FairKind.CrossRegion && employerPartnerCity != PartnerCity)
        {
            throw new DomainException("fair-employer-not-of-partner-city", $"A cross-region fair takes enterprises of {PartnerCity} only.");
        }

        if (!EmployerIds.Contains(employerId))
        {
            EmployerIds = [.. EmployerIds, employerId];
        }

        VacancyIds = [.. VacancyIds.Union(vacancyIds)];
    }
}

/// <summary>A worker came to the fair.</summary>
public sealed class FairCheckIn
{
    private FairCheckIn()
    {
    }

    public Guid Id { get; private set; }

    public Guid FairId { get; private set; }

    public Guid WorkerId { get; private set; }

    /// <summary>The worker's household village: who may see the check-in, and where results count it.</summary>
    public string WorkerDivision { get; private set; } = string.Empty;

    public DateTimeOffset CheckedInAt { get; private set; }

    public string CheckedInBy { get; private set; } = string.Empty;

    public static FairCheckIn Record(Guid id, Guid fairId, Guid workerId, string workerDivision, string checkedInBy, DateTimeOffset now) =>
        new() { Id = id, FairId = fairId, WorkerId = workerId, WorkerDivision = workerDivision, CheckedInBy = checkedInBy, CheckedInAt = now };
}

/// <summary>An offer made at the fair: the recommendation it became, so the fair's results can follow it to a hire.</summary>
public sealed class FairOffer
{
    private FairOffer()
    {
    }

    public Guid Id { get; private set; }

    public Guid FairId { get; private set; }

    public Guid RecommendationId { get; private set; }

    public Guid WorkerId { get; private set; }

    public string WorkerDivision { get; private set; } = string.Empty;

    public Guid VacancyId { get; private set; }

    public DateTimeOffset OfferedAt { get; private set; }

    public static FairOffer Record(Guid id, Guid fairId, Guid recommendationId, Guid workerId, string workerDivision, Guid vacancyId, DateTimeOffset now) =>
        new() { Id = id, FairId = fairId, RecommendationId = recommendationId, WorkerId = workerId, WorkerDivision = workerDivision, VacancyId = vacancyId, OfferedAt = now };
}
