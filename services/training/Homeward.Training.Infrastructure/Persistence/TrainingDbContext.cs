using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.Training.Application;
using Homeward.Training.Domain.Catalog;
using Homeward.Training.Domain.Certificates;
using Homeward.Training.Domain.Demand;
using Homeward.Training.Domain.Enrollments;
using Homeward.Training.Domain.Outcomes;
using Homeward.Training.Domain.Sessions;
using Homeward.Training.Domain.Workers;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Training.Infrastructure.Persistence;

public sealed class TrainingDbContext(DbContextOptions<TrainingDbContext> options)
    : ServiceDbContext(options, Schema), ITrainingDbContext
{
    public new const string Schema = "training";

    public DbSet<Worker> Workers => Set<Worker>();

    public DbSet<Provider> Providers => Set<Provider>();

    public DbSet<Course> Courses => Set<Course>();

    public DbSet<TrainingSession> Sessions => Set<TrainingSession>();

    public DbSet<Enrollment> Enrollments => Set<Enrollment>();

    public DbSet<Lesson> Lessons => Set<Lesson>();

    public DbSet<Attendance> Attendances => Set<Attendance>();

    public DbSet<Certificate> Certificates => Set<Certificate>();

    public DbSet<PriorLearningAssessment> PriorLearningAssessments => Set<PriorLearningAssessment>();

    public DbSet<SkillGap> SkillGaps => Set<SkillGap>();

    public DbSet<EmploymentRecord> EmploymentRecords => Set<EmploymentRecord>();

    public DbSet<TrainingNeedCount> TrainingNeedCounts => Set<TrainingNeedCount>();

    public async Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (Database.CurrentTransaction is not null)
        {
            // A request with an Idempotency-Key already runs in the transaction that stores its response: the work
            // joins it, and it commits (or rolls back) with the response.
            return await work(cancellationToken);
        }

        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var result = await work(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch
        {
            // What the failed attempt tracked must not leak into a retry or a later save of this context.
            ChangeTracker.Clear();
            throw;
        }
    }

    public async Task<TrainingSession?> LockSessionAsync(Guid sessionId, CancellationToken cancellationToken) =>
        await Sessions.FromSql($"SELECT *, xmin FROM training.sessions WHERE id = {sessionId} FOR UPDATE").FirstOrDefaultAsync(cancellationToken);

    public async Task<List<Worker>> LockWorkersAsync(IReadOnlyCollection<Guid> workerIds, CancellationToken cancellationToken) =>
        await Workers.FromSql($"SELECT * FROM training.workers WHERE worker_id = ANY({workerIds.ToArray()}) ORDER BY worker_id FOR UPDATE")
            .ToListAsync(cancellationToken);

    public async Task CountTrainingNeedsAsync(IReadOnlyCollection<TrainingNeedChange> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return;
        }

        var divisions = changes.Select(c => c.Division).ToArray();
        var trades = changes.Select(c => c.TradeCode).ToArray();
        var workers = changes.Select(c => c.Workers).ToArray();
        await Database.ExecuteSqlAsync(
            $"""
            INSERT INTO training.training_need_counts (division, trade_code, workers)
            SELECT division, trade_code, sum(workers) FROM unnest({divisions}, {trades}, {workers}) AS change(division, trade_code, workers)
            GROUP BY division, trade_code ORDER BY division, trade_code
            ON CONFLICT (division, trade_code) DO UPDATE SET workers = training_need_counts.workers + excluded.workers
            """,
            cancellationToken);
    }
}
