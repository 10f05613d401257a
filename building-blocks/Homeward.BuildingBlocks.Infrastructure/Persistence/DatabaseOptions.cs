namespace Homeward.BuildingBlocks.Infrastructure.Persistence;

/// <summary>Configuration section "Database".</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>
    /// Apply pending migrations when the service starts (local mode and tests). At scale a migration job applies them
    /// once before the new version rolls out, and this stays off.
    /// </summary>
    public bool MigrateOnStartup { get; set; }

    /// <summary>
    /// Run as the migration job: apply pending migrations, then stop the process (exit code 0; a failed migration
    /// fails the start and exits non-zero). The service image and configuration are the same as the service's.
    /// </summary>
    public bool ExitAfterMigration { get; set; }
}
