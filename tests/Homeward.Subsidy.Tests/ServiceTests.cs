using Homeward.Subsidy.Infrastructure.Persistence;
using Homeward.Testing;

namespace Homeward.Subsidy.Tests;

/// <summary>The subsidy service starts on its own schema and role, reports its health and documents its API.</summary>
public sealed class ServiceTests(SubsidyService subsidy) : ServiceConventionTests<Program, SubsidyDbContext>(
    subsidy,
    new ServiceConvention(
        "subsidy",
        "Homeward Subsidy API",
        "/api/subsidy/v1",
        ["subsidy.read", "subsidy.write"],
        ["__ef_migrations_history", "idempotent_requests", "inbox_messages", "outbox_messages", "workers"])),
    IClassFixture<SubsidyService>;
