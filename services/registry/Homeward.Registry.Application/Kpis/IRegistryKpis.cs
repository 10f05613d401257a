using Homeward.Registry.Domain.Workers;

namespace Homeward.Registry.Application.Kpis;

/// <summary>Counts the registry's figures in the store, with aggregates, in one pass over a division's workers.</summary>
public interface IRegistryKpis
{
    /// <param name="divisionRange">The smallest and largest 12-digit household division code to count.</param>
    /// <param name="period">From (inclusive; the beginning of records when null) to (exclusive).</param>
    Task<KpiCounts> CountAsync(
        (string First, string Last) divisionRange,
        (DateTimeOffset? From, DateTimeOffset To) period,
        CancellationToken cancellationToken);
}

/// <param name="Groups">One entry per status and education that occurs.</param>
/// <param name="Verified">Verifications made in the period in the division.</param>
/// <param name="Confirmed">Of those, the ones that found every checked fact right.</param>
public sealed record KpiCounts(IReadOnlyList<WorkerGroupCounts> Groups, int Verified, int Confirmed);

/// <summary>The workers of one status and education.</summary>
/// <param name="Education">Null for workers whose education is not recorded.</param>
/// <param name="RegisteredInPeriod">Registered in the period.</param>
/// <param name="WithoutCertificate">Holding no certificate at all, self-reported or verified.</param>
/// <param name="UpdatedInPeriod">Whose record was last changed in the period.</param>
/// <param name="Recommended">First recommended a job in the period.</param>
/// <param name="Placed">Of those recommended, the ones the platform later placed (see <see cref="GetKpis"/>).</param>
public sealed record WorkerGroupCounts(
    EmploymentStatus Status,
    EducationLevel? Education,
    int Workers,
    int RegisteredInPeriod,
    int WithoutCertificate,
    int UpdatedInPeriod,
    int Recommended,
    int Placed);
