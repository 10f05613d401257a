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
}
