using System.Globalization;
using Homeward.Registry.Application.Imports;
using Homeward.Registry.Infrastructure.Imports;
using Homeward.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Homeward.Registry.Tests.Imports;

/// <summary>The registry rehearsing an import of <see cref="Rows"/> made-up people when it starts (more than two chunks).</summary>
public sealed class RehearsingRegistry() : ServiceUnderTest<Program>("Registry", "registry")
{
    public const int Rows = 2 * ImportRehearsal.ChunkSize + 50;

    protected override IReadOnlyDictionary<string, string?> Settings(Dictionary<string, string?> defaults)
    {
        defaults["Registry:Imports:RehearsalRows"] = Rows.ToString(CultureInfo.InvariantCulture);
        return defaults;
    }
}

/// <summary>
/// The import rehearsal at start-up takes made-up rows through every step of an import, leaves nothing behind, and is
/// part of the service's start.
/// </summary>
public sealed class ImportRehearsalTests(RehearsingRegistry registry) : IClassFixture<RehearsingRegistry>
{
    [Fact]
    public async Task A_rehearsal_takes_every_row_through_the_import_and_leaves_the_registry_and_its_indexes_as_they_were()
    {
        var before = await CountsAsync();

        await using var scope = registry.Services.CreateAsyncScope();
        var job = await scope.ServiceProvider.GetRequiredService<ImportRehearsal>().RunAsync(RehearsingRegistry.Rows, CancellationToken.None);

        // Every made-up row passes the rules of a real import, so each is registered before its chunk is rolled back.
        Assert.Empty(job.Errors);
        Assert.Equal(
            (RehearsingRegistry.Rows, RehearsingRegistry.Rows, 0, 0, 0),
            (job.ProcessedRows, job.Created, job.Updated, job.Unchanged, job.Rejected));
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(0L, await registry.Database.ScalarAsAdminAsync<long>("SELECT count(*) FROM registry.workers WHERE birth_date < '1901-01-01'"));
        Assert.Equal(0L, await registry.Database.ScalarAsAdminAsync<long>($"SELECT count(*) FROM registry.import_jobs WHERE id = '{job.Id}'"));
    }

    [Fact]
    public async Task The_registry_finishes_starting_only_once_its_rehearsal_is_done()
    {
        var logs = new LogCapture();
        using var loggers = new LoggerFactory([logs]);

        await RehearsalAtStart(loggers, new Lifetime(stopping: false)).StartAsync(CancellationToken.None);

        Assert.Contains(logs.Lines, line => line.Contains($"Rehearsed an import of {RehearsingRegistry.Rows} made-up rows", StringComparison.Ordinal));
        Assert.Contains(registry.Services.GetServices<IHostedService>(), service => service is ImportRehearsalAtStart);
    }

    [Fact]
    public async Task A_process_already_stopping_as_the_migration_job_does_skips_the_rehearsal()
    {
        var logs = new LogCapture();
        using var loggers = new LoggerFactory([logs]);

        await RehearsalAtStart(loggers, new Lifetime(stopping: true)).StartAsync(CancellationToken.None);

        Assert.DoesNotContain(logs.Lines, line => line.Contains("rehears", StringComparison.OrdinalIgnoreCase));
    }

    private ImportRehearsalAtStart RehearsalAtStart(ILoggerFactory loggers, IHostApplicationLifetime lifetime) => new(
        registry.Services.GetRequiredService<IServiceScopeFactory>(),
        registry.Services.GetRequiredService<IOptions<LedgerImportOptions>>(),
        lifetime,
        loggers.CreateLogger<ImportRehearsalAtStart>());

    /// <summary>
    /// The rows of the tables an import writes, and the bytes on disk of those it adds rows to with their indexes: a row
    /// written and rolled back still takes heap space, and a GIN index keeps its entries in the pending list.
    /// </summary>
    private async Task<(long Workers, long StatusChanges, long Events, long Jobs, long Bytes)> CountsAsync() => (
        await registry.Database.ScalarAsAdminAsync<long>("SELECT count(*) FROM registry.workers"),
        await registry.Database.ScalarAsAdminAsync<long>("SELECT count(*) FROM registry.status_changes"),
        await registry.Database.ScalarAsAdminAsync<long>("SELECT count(*) FROM registry.outbox_messages"),
        await registry.Database.ScalarAsAdminAsync<long>("SELECT count(*) FROM registry.import_jobs"),
        await registry.Database.ScalarAsAdminAsync<long>(
            "SELECT pg_total_relation_size('registry.workers') + pg_total_relation_size('registry.status_changes') + pg_total_relation_size('registry.outbox_messages')"));

    /// <summary>A host's lifetime, already stopping or not.</summary>
    private sealed class Lifetime(bool stopping) : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => new(stopping);

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => throw new InvalidOperationException("The rehearsal never stops its host.");
    }
}
