using Homeward.JobMatching.Infrastructure.Persistence;
using Homeward.Testing;

namespace Homeward.JobMatching.Tests;

/// <summary>Job matching starts on its own schema and role, reports its health and documents its API.</summary>
public sealed class ServiceTests(JobMatchingService jobMatching) : ServiceConventionTests<Program, JobMatchingDbContext>(
    jobMatching,
    new ServiceConvention(
        "jobmatching",
        "Homeward Job Matching API",
        "/api/job-matching/v1",
        ["jobmatching.read", "jobmatching.write", "jobmatching.reveal", "partner.sync"],
        [
            "__ef_migrations_history", "candidates", "employers", "idempotent_requests", "inbox_messages", "outbox_messages", "placements",
            "recommendations", "vacancies",
        ])),
    IClassFixture<JobMatchingService>;
