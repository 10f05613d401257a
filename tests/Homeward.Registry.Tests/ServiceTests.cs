using Homeward.Registry.Infrastructure.Persistence;
using Homeward.Testing;

namespace Homeward.Registry.Tests;

/// <summary>The registry starts on its own schema and role, reports its health and documents its API.</summary>
public sealed class ServiceTests(RegistryService registry) : ServiceConventionTests<Program, RegistryDbContext>(
    registry,
    new ServiceConvention(
        "registry",
        "Homeward Registry API",
        "/api/registry/v1",
        ["registry.read", "registry.write", "registry.reveal"],
        ["__ef_migrations_history", "idempotent_requests", "inbox_messages", "outbox_messages", "workers"])),
    IClassFixture<RegistryService>;
