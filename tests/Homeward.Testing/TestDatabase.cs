using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Npgsql;

namespace Homeward.Testing;

/// <summary>
/// A database of its own for one test class, provisioned by the same SQL as local mode: every requested service
/// schema gets its own login role that owns it and nothing else. Dropped, with its roles, on dispose.
/// </summary>
public sealed partial class TestDatabase : IAsyncDisposable
{
    private readonly string _adminConnectionString;
    private readonly Dictionary<string, (string Role, string Password)> _roles;

    private TestDatabase(string name, string adminConnectionString, Dictionary<string, (string, string)> roles)
    {
        Name = name;
        _adminConnectionString = adminConnectionString;
        _roles = roles;
    }

    public string Name { get; }

    /// <summary>The superuser's connection to this database, for assertions on raw rows and for forcing failures.</summary>
    public string AdminConnectionString => new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = Name }.ConnectionString;

    public static async Task<TestDatabase> CreateAsync(params string[] schemas)
    {
        var servers = await TestServers.GetAsync();
        var name = "hw_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        var admin = new NpgsqlConnectionStringBuilder(servers.PostgresAdmin) { Pooling = false }.ConnectionString;
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var roles = schemas.ToDictionary(
            schema => schema,
            schema => ($"{name}_{schema}", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))));
        var database = new TestDatabase(name, admin, roles);
        await database.ExecuteAsAdminAsync(Render("database.sql", ("database", name)));
        foreach (var (schema, (role, password)) in roles)
        {
            await database.ExecuteAsAdminAsync(Render(
                "service.sql",
                ("database", name),
                ("schema", schema),
                ("role", role),
                ("password", password)));
        }

        return database;
    }

    /// <summary>The connection string a service uses: its own role, which can reach only its own schema.</summary>
    public string ConnectionStringFor(string schema)
    {
        var (role, password) = _roles[schema];
        return new NpgsqlConnectionStringBuilder(_adminConnectionString)
        {
            Database = Name,
            Username = role,
            Password = password,
            Pooling = true,
        }.ConnectionString;
    }

    public async Task ExecuteAsAdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsAdminAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return (T)Convert.ChangeType(value!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection))
        {
            await drop.ExecuteNonQueryAsync();
        }

        foreach (var (role, _) in _roles.Values)
        {
            await using var dropRole = new NpgsqlCommand($"DROP ROLE IF EXISTS \"{role}\"", connection);
            await dropRole.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Fills a deploy/postgres template exactly as deploy/local/lib.sh does, refusing anything but identifiers and hex.</summary>
    private static string Render(string template, params (string Name, string Value)[] values)
    {
        var sql = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "postgres", template));
        foreach (var (placeholder, value) in values)
        {
            if (!SafeValue().IsMatch(value))
            {
                throw new ArgumentException($"Refusing to put '{value}' into SQL.", nameof(values));
            }

            sql = sql.Replace("{{" + placeholder + "}}", value, StringComparison.Ordinal);
        }

        return sql;
    }

    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex SafeValue();
}
