using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;

namespace Homeward.Testing;

/// <summary>
/// A RabbitMQ virtual host of its own for one test class, so that exchanges, queues and messages of parallel tests
/// never meet. Deleted, with everything in it, on dispose.
/// </summary>
public sealed class TestVirtualHost : IAsyncDisposable
{
    private readonly HttpClient _management;

    private TestVirtualHost(string name, Uri amqpUri, HttpClient management)
    {
        Name = name;
        AmqpUri = amqpUri;
        _management = management;
    }

    public string Name { get; }

    /// <summary>The amqp:// URI of this virtual host, for ConnectionStrings:RabbitMq.</summary>
    public Uri AmqpUri { get; }

    public static async Task<TestVirtualHost> CreateAsync()
    {
        var servers = await TestServers.GetAsync();
        var name = "hw-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        var management = CreateManagementClient(servers.RabbitManagement);
        var user = Uri.UnescapeDataString(servers.RabbitMq.UserInfo.Split(':')[0]);

        (await management.PutAsync($"api/vhosts/{name}", null)).EnsureSuccessStatusCode();
        (await management.PutAsJsonAsync(
            $"api/permissions/{name}/{Uri.EscapeDataString(user)}",
            new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();

        var amqp = new UriBuilder(servers.RabbitMq) { Path = "/" + name }.Uri;
        return new TestVirtualHost(name, amqp, management);
    }

    /// <summary>The number of messages waiting in a queue of this virtual host, or null if the queue does not exist.</summary>
    public async Task<long?> QueueDepthAsync(string queue)
    {
        using var response = await _management.GetAsync($"api/queues/{Name}/{Uri.EscapeDataString(queue)}");
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<QueueInfo>();
        return body?.Messages ?? 0;
    }

    public async ValueTask DisposeAsync()
    {
        using var response = await _management.DeleteAsync($"api/vhosts/{Name}");
        _management.Dispose();
    }

    private static HttpClient CreateManagementClient(Uri managementUri)
    {
        var client = new HttpClient { BaseAddress = new UriBuilder(managementUri) { UserName = string.Empty, Password = string.Empty, Path = "/" }.Uri };
        var credentials = Uri.UnescapeDataString(managementUri.UserInfo);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        return client;
    }

    private sealed record QueueInfo(long Messages);
}
