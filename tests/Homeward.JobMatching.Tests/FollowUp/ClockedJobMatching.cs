using Homeward.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Homeward.JobMatching.Tests.FollowUp;

/// <summary>
/// Job matching on its own database whose clock the test moves: follow-ups come due and rights cases go overdue
/// when the test advances <see cref="Clock"/>, and the scheduler runs on the same clock.
/// </summary>
public sealed class ClockedJobMatching : IAsyncLifetime
{
    private readonly JobMatchingService _service = new();
    private WebApplicationFactory<Program> _clocked = null!;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public JobMatchingService Service => _service;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _service.InitializeAsync();
        _clocked = _service.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("JobMatching:FollowUp:Interval", "01:00:00");
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        });
        Client = ClientFor(Caller.CityAdmin());
    }

    public HttpClient ClientFor(Caller caller)
    {
        var client = _clocked.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _service.Tokens.TokenFor(caller));
        return client;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await _clocked.DisposeAsync();
        await _service.DisposeAsync();
    }
}
