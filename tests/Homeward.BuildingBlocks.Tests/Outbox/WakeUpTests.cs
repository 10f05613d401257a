using Homeward.BuildingBlocks.Tests.Probe;
using Homeward.Testing;

namespace Homeward.BuildingBlocks.Tests.Outbox;

/// <summary>
/// The dispatcher does not wait for its poll: with the poll set to an hour, events still leave at once, woken by
/// the in-process signal after a local commit and by LISTEN/NOTIFY after a commit in another process.
/// </summary>
public sealed class WakeUpTests(ProbeServers servers) : IClassFixture<ProbeServers>, IAsyncLifetime
{
    private static readonly Dictionary<string, string?> HourlyPoll = new() { ["Outbox:PollInterval"] = "01:00:00" };
    private ProbeHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await ProbeHost.StartAsync(servers.Database, servers.VirtualHost.AmqpUri, settings: HourlyPoll);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_commit_in_this_process_wakes_the_dispatcher()
    {
        var registered = await _host.RecordAsync("local commit");

        await Eventually.TrueAsync(
            async () => await _host.CountAsync("effects", $"worker_id = '{registered.WorkerId}'") == 1,
            "the event to be published without a poll");
    }

    [Fact]
    public async Task A_commit_in_another_process_wakes_the_dispatcher_through_notify()
    {
        var eventId = Guid.CreateVersion7();
        var workerId = Guid.CreateVersion7();

        // Written over another connection, as another replica of the service would.
        await servers.Database.ExecuteAsAdminAsync(
            $$"""
              INSERT INTO probe.outbox_messages (id, type, payload, headers, occurred_at, attempts)
              VALUES ('{{eventId}}', 'urn:message:homeward:registry:worker-registered:v1',
                      '{"eventId":"{{eventId}}","occurredAt":"2026-01-01T00:00:00+00:00","workerId":"{{workerId}}","name":"钱伟","gender":"male","birthDate":"1990-01-01","householdDivision":"419921101201"}',
                      '{}', now(), 0);
              """);

        await Eventually.TrueAsync(
            async () => await _host.CountAsync("effects", $"worker_id = '{workerId}'") == 1,
            "the event written by another process to be published without a poll");
    }
}
