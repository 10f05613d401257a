using Homeward.Testing;
using Npgsql;

namespace Homeward.BuildingBlocks.Tests.Persistence;

/// <summary>The provisioning SQL gives each service a role that owns its schema and can touch nothing else.</summary>
public sealed class SchemaIsolationTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("registry", "jobmatching");
        await _database.ExecuteAsAdminAsync(
            """
            CREATE TABLE registry.secrets (id int PRIMARY KEY, value text);
            ALTER TABLE registry.secrets OWNER TO "{role}";
            CREATE TABLE jobmatching.candidates (id int PRIMARY KEY);
            """.Replace("{role}", RoleOf("registry"), StringComparison.Ordinal));
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_service_role_cannot_read_another_service_schema()
    {
        var denied = await Assert.ThrowsAsync<PostgresException>(
            () => ExecuteAsync("jobmatching", "SELECT count(*) FROM registry.secrets"));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);
    }

    [Fact]
    public async Task A_service_role_cannot_create_objects_outside_its_schema()
    {
        var inPublic = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync("jobmatching", "CREATE TABLE public.stray (id int)"));
        var newSchema = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync("jobmatching", "CREATE SCHEMA stray"));
        var inOther = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync("jobmatching", "CREATE TABLE registry.stray (id int)"));

        Assert.All([inPublic, newSchema, inOther], e => Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, e.SqlState));
    }

    [Fact]
    public async Task A_service_role_works_freely_in_its_own_schema_and_uses_the_shared_extensions()
    {
        await ExecuteAsync("jobmatching", "CREATE TABLE jobmatching.notes (id int PRIMARY KEY, name text)");
        await ExecuteAsync("jobmatching", "INSERT INTO notes VALUES (1, '张伟')");
        await ExecuteAsync("jobmatching", "SELECT similarity(name, '张玮') FROM notes");

        Assert.Equal(1L, await _database.ScalarAsAdminAsync<long>("SELECT count(*) FROM jobmatching.notes"));
    }

    private string RoleOf(string schema) => new NpgsqlConnectionStringBuilder(_database.ConnectionStringFor(schema)).Username!;

    private async Task ExecuteAsync(string asService, string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionStringFor(asService));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
