using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace Homeward.Testing;

/// <summary>Where the tests' PostgreSQL and RabbitMQ are.</summary>
/// <param name="PostgresAdmin">Connection string of a role that may create databases and roles.</param>
/// <param name="RabbitMq">amqp:// URI of the broker (its path is ignored: every test class gets its own virtual host).</param>
/// <param name="RabbitManagement">http:// URI of the management API, with credentials, to create virtual hosts.</param>
public sealed record TestServers(string PostgresAdmin, Uri RabbitMq, Uri RabbitManagement)
{
    public const string PostgresVariable = "HOMEWARD_TEST_POSTGRES";
    public const string RabbitMqVariable = "HOMEWARD_TEST_RABBITMQ";
    public const string RabbitManagementVariable = "HOMEWARD_TEST_RABBITMQ_MANAGEMENT";

    private static readonly Lazy<Task<TestServers>> Resolved = new(ResolveAsync);

    /// <summary>
    /// Resolved once per test process: (1) the environment (what <c>./homeward test</c> exports); (2) containers
    /// started through Testcontainers when a Docker engine answers; (3) otherwise a failure that says what to do.
    /// </summary>
    public static Task<TestServers> GetAsync() => Resolved.Value;

    private static async Task<TestServers> ResolveAsync()
    {
        var postgres = Environment.GetEnvironmentVariable(PostgresVariable);
        var rabbit = Environment.GetEnvironmentVariable(RabbitMqVariable);
        if (!string.IsNullOrWhiteSpace(postgres) && !string.IsNullOrWhiteSpace(rabbit))
        {
            var rabbitUri = new Uri(rabbit);
            var management = Environment.GetEnvironmentVariable(RabbitManagementVariable) is { Length: > 0 } configured
                ? new Uri(configured)
                : new Uri($"http://{rabbitUri.UserInfo}@{rabbitUri.Host}:15672");
            return new TestServers(postgres, rabbitUri, management);
        }

        if (!await DockerIsAvailableAsync())
        {
            throw new InvalidOperationException(
                $"""
                 The integration tests need PostgreSQL and RabbitMQ, and found neither configured nor a Docker engine.
                 Run them with ./homeward test, which starts both natively and exports {PostgresVariable},
                 {RabbitMqVariable} and {RabbitManagementVariable}; or set those variables yourself (an admin connection
                 string that may create databases and roles, an amqp:// URI, and the management API's http:// URI with
                 credentials); or start a Docker engine so that Testcontainers can run both.
                 """);
        }

        return await StartContainersAsync();
    }

    private static async Task<bool> DockerIsAvailableAsync()
    {
        try
        {
            return await Task.Run(() => TestcontainersSettings.OS.DockerEndpointAuthConfig is not null);
        }
        catch (Exception exception) when (exception is InvalidOperationException or DockerUnavailableException or TypeInitializationException)
        {
            return false;
        }
    }

    private static async Task<TestServers> StartContainersAsync()
    {
        var postgres = new PostgreSqlBuilder("postgres:15")
            .WithCommand("-c", "max_connections=400")
            .WithEnvironment("LANG", "C.UTF-8")
            .Build();
        var rabbit = new RabbitMqBuilder("rabbitmq:3-management").WithPortBinding(15672, true).Build();
        await Task.WhenAll(postgres.StartAsync(), rabbit.StartAsync());

        var rabbitUri = new Uri(rabbit.GetConnectionString());
        var management = new Uri($"http://{rabbitUri.UserInfo}@{rabbit.Hostname}:{rabbit.GetMappedPublicPort(15672)}");
        return new TestServers(postgres.GetConnectionString(), rabbitUri, management);
    }
}
