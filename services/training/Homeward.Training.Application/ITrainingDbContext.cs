using Homeward.BuildingBlocks.Application;
using Homeward.Training.Domain.Catalog;
using Homeward.Training.Domain.Certificates;
using Homeward.Training.Domain.Demand;
using Homeward.Training.Domain.Enrollments;
using Homeward.Training.Domain.Outcomes;
using Homeward.Training.Domain.Sessions;
using Homeward.Training.Domain.Workers;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Training.Application;

/// <summary>Workers added to (positive) or taken from (negative) the count of a village and trade.</summary>
public sealed record TrainingNeedChange(string Division, string TradeCode, int Workers);

public interface ITrainingDbContext : IServiceDbContext
{
    DbSet<Worker> Workers { get; }

    DbSet<Provider> Providers { get; }

    DbSet<Course> Courses { get; }

    DbSet<TrainingSession> Sessions { get; }

    DbSet<Enrollment> Enrollments { get; }

    DbSet<Lesson> Lessons { get; }

    DbSet<Attendance> Attendances { get; }

    DbSet<Certificate> Certificates { get; }

    DbSet<PriorLearningAssessment> PriorLearningAssessments { get; }

    DbSet<SkillGap> SkillGaps { get; }

    DbSet<EmploymentRecord> EmploymentRecords { get; }

    DbSet<TrainingNeedCount> TrainingNeedCounts { get; }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction that commits when it returns and rolls back when it throws;
    /// the tracked changes are forgotten after a failure. Inside a transaction already begun (an idempotent request's)
    /// the work joins it.
    /// </summary>
    Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>
    /// Reads a session and locks its row until the surrounding transaction ends, so that changes to its seats happen
    /// one at a time and in the order the requests took the lock. Only inside <see cref="InTransactionAsync{T}"/>.
    /// </summary>
    Task<TrainingSession?> LockSessionAsync(Guid sessionId, CancellationToken cancellationToken);

    /// <summary>
    /// Reads workers and locks their rows until the surrounding transaction ends, so that concurrent batches about the
    /// same worker apply one after the other, each from what the other committed. Only inside <see cref="InTransactionAsync{T}"/>.
    /// </summary>
    Task<List<Worker>> LockWorkersAsync(IReadOnlyCollection<Guid> workerIds, CancellationToken cancellationToken);

    /// <summary>
    /// Adds each change to its village's and trade's count of workers needing training, in one statement that takes the
    /// counters' row locks in key order (concurrent batches never deadlock on them). Only inside <see cref="InTransactionAsync{T}"/>.
    /// </summary>
    Task CountTrainingNeedsAsync(IReadOnlyCollection<TrainingNeedChange> changes, CancellationToken cancellationToken);
}
