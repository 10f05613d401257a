using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Infrastructure.Outbox;
using Homeward.BuildingBlocks.Tests.Probe;
using Homeward.Contracts.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Homeward.BuildingBlocks.Tests.Outbox;

public sealed class OutboxAtomicityTests(ProbeServers servers) : IClassFixture<ProbeServers>, IAsyncLifetime
{
    private ProbeHost _host = null!;

    public async Task InitializeAsync() => _host = await ProbeHost.StartAsync(servers.Database, servers.VirtualHost.AmqpUri);

    public async Task DisposeAsync()
    {
        await servers.Database.ExecuteAsAdminAsync("DROP TRIGGER IF EXISTS fail_after_insert ON probe.outbox_messages");
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_business_row_and_its_event_are_stored_by_one_save()
    {
        var registered = await _host.RecordAsync("together");

        Assert.Equal(1, await _host.CountAsync("records", $"id = '{registered.WorkerId}'"));
        Assert.Equal(1, await _host.CountAsync("outbox_messages", $"id = '{registered.EventId}'"));
    }

    [Fact]
    public async Task A_failure_after_the_insert_leaves_neither_the_row_nor_its_event()
    {
        var eventsBefore = await _host.CountAsync("outbox_messages");
        await servers.Database.ExecuteAsAdminAsync(
            """
            CREATE OR REPLACE FUNCTION probe.fail_after_insert() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN RAISE EXCEPTION 'forced failure after the insert'; END $$;
            CREATE TRIGGER fail_after_insert AFTER INSERT ON probe.outbox_messages
                FOR EACH ROW EXECUTE FUNCTION probe.fail_after_insert();
            """);

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => _host.RecordAsync("doomed"));

        Assert.Equal(0, await _host.CountAsync("records", "label = 'doomed'"));
        Assert.Equal(eventsBefore, await _host.CountAsync("outbox_messages"));
    }

    [Fact]
    public async Task An_enqueued_event_is_stored_only_by_the_next_save()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
        var registered = new WorkerRegistered(
            Guid.CreateVersion7(), DateTimeOffset.UtcNow, Guid.CreateVersion7(), "王芳", "female", new DateOnly(1992, 5, 1), "419921101201");

        scope.ServiceProvider.GetRequiredService<IOutbox>().Enqueue(registered);
        Assert.Equal(0, await _host.CountAsync("outbox_messages", $"id = '{registered.EventId}'"));

        await db.SaveChangesAsync();
        Assert.Equal(1, await _host.CountAsync("outbox_messages", $"id = '{registered.EventId}'"));
        Assert.Single(db.ChangeTracker.Entries<OutboxMessage>());
    }
}
