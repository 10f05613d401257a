using Homeward.Testing;
using Homeward.Training.Infrastructure.Persistence;

namespace Homeward.Training.Tests;

/// <summary>The training service starts on its own schema and role, reports its health and documents its API.</summary>
public sealed class ServiceTests(TrainingService training) : ServiceConventionTests<Program, TrainingDbContext>(
    training,
    new ServiceConvention(
        "training",
        "Homeward Training API",
        "/api/training/v1",
        ["training.read", "training.write"],
        [
            "__ef_migrations_history", "attendances", "certificates", "courses", "employment_records", "enrollments", "idempotent_requests",
            "inbox_messages", "lessons", "outbox_messages", "prior_learning_assessments", "providers", "sessions", "skill_gaps", "training_need_counts", "workers",
        ])),
    IClassFixture<TrainingService>;
