using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Homeward.LoadDriver;

public enum LoadMode
{
    Http,
    Outbox,
}

public sealed record PropagationOptions(
    double Rate,
    double DurationSeconds,
    double WarmupSeconds,
    double GraceSeconds,
    LoadMode Mode,
    Uri Registry,
    int MaxConnections,
    int Writers,
    int MaxBatch,
    string Consumer,
    string AdminConnection,
    string? RegistryConnection,
    string? BearerToken,
    bool KeepData);

/// <summary>
/// Commit in Registry → effect in JobMatching. Events are started at a fixed rate (warm-up first, not counted); each
/// measured event's latency is <c>jobmatching.inbox_messages.received_at − registry.outbox_messages.occurred_at</c>,
/// both read from the database afterwards, so nothing the driver does (or how late it sees a response) enters the
/// figure. During the run the outbox backlog is sampled every second to show whether the dispatcher keeps up.
/// </summary>
public static class PropagationScenario
{
    private static readonly TimeSpan CleanupWait = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Cores that processes outside the platform may use during a run before it counts as disturbed. The idle background
    /// of the 2-core machine (idle .NET processes, the kernel's memory monitor, the run's own network interrupts) is
    /// about 0.1 core.
    /// </summary>
    private const double DisturbanceLimit = 0.25;

    public static async Task<int> RunAsync(PropagationOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var adminConnection = new NpgsqlConnectionStringBuilder(options.AdminConnection)
        {
            ApplicationName = "homeward-load-driver",
            MaxPoolSize = 4,
            CommandTimeout = 120,
        };
        await using var admin = NpgsqlDataSource.Create(adminConnection.ConnectionString);
        await CheckSchemaAsync(admin, cancellationToken);

        var warmupCount = (int)Math.Round(options.Rate * options.WarmupSeconds);
        var measuredCount = (int)Math.Round(options.Rate * options.DurationSeconds);
        var log = new Emission[warmupCount + measuredCount];
        var workers = new SyntheticWorkers();

        output.WriteLine(Format(
            $"propagation: mode {ModeName(options.Mode)}, {options.Rate:0.#} events/s for {options.DurationSeconds:0.#} s after {options.WarmupSeconds:0.#} s warm-up ({measuredCount} measured events), grace {options.GraceSeconds:0} s"));
        output.WriteLine(options.Mode == LoadMode.Http
            ? $"  POST {new Uri(options.Registry, "api/registry/v1/workers")} (open loop, up to {options.MaxConnections} connections)"
            : Format($"  INSERT INTO registry.outbox_messages as role registry ({options.Writers} writers, ≤ {options.MaxBatch} events per transaction)"));
        output.WriteLine(Format($"  started {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss} UTC, load average {LoadAverage()}"));
        output.Flush();

        await using IEventEmitter emitter = options.Mode == LoadMode.Http
            ? new HttpRegistrationEmitter(options.Registry, options.MaxConnections, options.BearerToken, workers, log)
            : new OutboxInsertEmitter(options.RegistryConnection!, options.Writers, options.MaxBatch, workers, log);

        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var sampler = new BacklogSampler(admin, options.Consumer, since, () => emitter.Acknowledged);
        using var stopSampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sampling = sampler.RunAsync(stopSampling.Token);

        var loadStart = Stopwatch.GetTimestamp();
        var measureStart = loadStart + (long)(options.WarmupSeconds * Stopwatch.Frequency);
        var cpuMeter = Task.Run(
            async () =>
            {
                await Task.Delay(TimeSpan.FromSeconds(options.WarmupSeconds), cancellationToken);
                return new CpuMeter();
            },
            cancellationToken);

        var lateness = await OpenLoopScheduler.RunAsync(options.Rate, log.Length, emitter.Emit, cancellationToken);
        var loadEnd = Stopwatch.GetTimestamp();
        var loadEndWall = DateTime.UtcNow;
        var cpu = (await cpuMeter).Stop();

        await emitter.DrainAsync();
        var measured = log.AsMemory(warmupCount);

        // 1. Which committed events belong to the measured load, and when did each occur.
        var events = await ResolveEventsAsync(admin, options.Mode, measured, since, cancellationToken);

        // 2. Wait for their effects (the sampler keeps watching the backlog meanwhile).
        var eventIds = events.Keys.ToArray();
        var graceEnd = Stopwatch.GetTimestamp() + (long)(options.GraceSeconds * Stopwatch.Frequency);
        long applied;
        while ((applied = await CountAppliedAsync(admin, options.Consumer, eventIds, cancellationToken)) < eventIds.Length
               && Stopwatch.GetTimestamp() < graceEnd)
        {
            await Task.Delay(500, cancellationToken);
        }

        await stopSampling.CancelAsync();
        await sampling;

        // 3. Per event: commit → effect.
        var received = await ReadReceivedAsync(admin, options.Consumer, eventIds, cancellationToken);

        Report(output, options, measured.Span, lateness.AsSpan(warmupCount), events, received, sampler.Samples,
            measureStart, loadEnd, loadEndWall, cpu);

        if (options.Mode == LoadMode.Outbox && !options.KeepData && emitter is OutboxInsertEmitter outbox)
        {
            // Events still queued would recreate candidates after the cleanup: let the consumer finish first.
            var cleanupEnd = Stopwatch.GetTimestamp() + (long)(CleanupWait.TotalSeconds * Stopwatch.Frequency);
            if (applied < eventIds.Length)
            {
                output.WriteLine(Format($"cleanup    waiting up to {CleanupWait.TotalMinutes:0} min for the {eventIds.Length - applied} effects still on their way (figures above are final)"));
                output.Flush();
            }

            while (applied < eventIds.Length && Stopwatch.GetTimestamp() < cleanupEnd)
            {
                await Task.Delay(2000, cancellationToken);
                applied = await CountAppliedAsync(admin, options.Consumer, eventIds, cancellationToken);
            }

            var removed = await RemoveSyntheticCandidatesAsync(admin, outbox.WorkerIds, cancellationToken);
            output.WriteLine(Format(
                $"cleanup    removed the run's {removed} synthetic candidates from jobmatching.candidates (--keep-data keeps them); {eventIds.Length - applied} events were still not applied"));
        }

        var lost = events.Count - received.Count;
        return events.Count == 0 || lost > 0 ? 3 : 0;
    }

    private static async Task CheckSchemaAsync(NpgsqlDataSource admin, CancellationToken cancellationToken)
    {
        await using var command = admin.CreateCommand(
            "SELECT to_regclass('registry.outbox_messages') IS NOT NULL AND to_regclass('jobmatching.inbox_messages') IS NOT NULL");
        if (await command.ExecuteScalarAsync(cancellationToken) is not true)
        {
            throw new InvalidOperationException("registry.outbox_messages or jobmatching.inbox_messages is missing: is the platform up (./homeward up)?");
        }
    }

    private static async Task<Dictionary<Guid, DateTime>> ResolveEventsAsync(
        NpgsqlDataSource admin,
        LoadMode mode,
        ReadOnlyMemory<Emission> measured,
        DateTimeOffset since,
        CancellationToken cancellationToken)
    {
        var keys = new List<Guid>(measured.Length);
        foreach (var emission in measured.Span)
        {
            if (emission.Succeeded)
            {
                keys.Add(emission.Key);
            }
        }

        await using var command = mode == LoadMode.Http
            ? admin.CreateCommand(
                """
                SELECT id, occurred_at FROM registry.outbox_messages
                WHERE type = $2 AND occurred_at >= $3 AND payload->>'workerId' = ANY($1)
                """)
            : admin.CreateCommand("SELECT id, occurred_at FROM registry.outbox_messages WHERE id = ANY($1)");
        if (mode == LoadMode.Http)
        {
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = keys.Select(k => k.ToString()).ToArray() });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = OutboxInsertEmitter.WorkerRegisteredUrn });
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = since });
        }
        else
        {
            command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. keys] });
        }

        var events = new Dictionary<Guid, DateTime>(keys.Count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events[reader.GetGuid(0)] = reader.GetDateTime(1);
        }

        return events;
    }

    private static async Task<long> CountAppliedAsync(NpgsqlDataSource admin, string consumer, Guid[] eventIds, CancellationToken cancellationToken)
    {
        await using var command = admin.CreateCommand(
            "SELECT count(*) FROM jobmatching.inbox_messages WHERE consumer = $2 AND message_id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = eventIds });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = consumer });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<Dictionary<Guid, DateTime>> ReadReceivedAsync(
        NpgsqlDataSource admin,
        string consumer,
        Guid[] eventIds,
        CancellationToken cancellationToken)
    {
        await using var command = admin.CreateCommand(
            "SELECT message_id, received_at FROM jobmatching.inbox_messages WHERE consumer = $2 AND message_id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = eventIds });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = consumer });
        var received = new Dictionary<Guid, DateTime>(eventIds.Length);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            received[reader.GetGuid(0)] = reader.GetDateTime(1);
        }

        return received;
    }

    private static async Task<int> RemoveSyntheticCandidatesAsync(NpgsqlDataSource admin, List<Guid> workerIds, CancellationToken cancellationToken)
    {
        await using var command = admin.CreateCommand("DELETE FROM jobmatching.candidates WHERE worker_id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. workerIds] });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Report(
        TextWriter output,
        PropagationOptions options,
        ReadOnlySpan<Emission> measured,
        ReadOnlySpan<double> lateness,
        Dictionary<Guid, DateTime> events,
        Dictionary<Guid, DateTime> received,
        IReadOnlyList<BacklogSample> samples,
        long measureStart,
        long loadEnd,
        DateTime loadEndWall,
        IReadOnlyList<(string Group, double Cores)> cpu)
    {
        var ticksPerMs = Stopwatch.Frequency / 1000.0;
        var succeeded = 0;
        var driverLatencies = new List<double>(measured.Length);
        var failures = new Dictionary<string, int>(StringComparer.Ordinal);
        long firstDue = long.MaxValue, lastCompleted = 0;
        foreach (var emission in measured)
        {
            firstDue = Math.Min(firstDue, emission.Due);
            lastCompleted = Math.Max(lastCompleted, emission.Completed);
            if (emission.Succeeded)
            {
                succeeded++;
                driverLatencies.Add((emission.Completed - emission.Due) / ticksPerMs);
            }
            else
            {
                var reason = emission.Error ?? "no outcome";
                failures[reason] = failures.GetValueOrDefault(reason) + 1;
            }
        }

        var what = options.Mode == LoadMode.Http ? "201 Created" : "committed";
        var ackSpan = (lastCompleted - firstDue) / (double)Stopwatch.Frequency;
        output.WriteLine();
        output.WriteLine(Format(
            $"load       {measured.Length} scheduled, {succeeded} {what}, {measured.Length - succeeded} failed; last acknowledged {ackSpan:0.00} s after the first was due"));
        var lateSummary = new LatencySummary(lateness.ToArray());
        output.WriteLine(Format(
            $"schedule   driver lateness behind the fixed schedule: p99 {lateSummary.Percentile(99):0.0} ms, max {lateSummary.Max:0.0} ms"));
        foreach (var (reason, count) in failures.OrderByDescending(f => f.Value).Take(5))
        {
            output.WriteLine(Format($"  failure  {count} × {reason}"));
        }

        output.WriteLine(Format(
            $"{(options.Mode == LoadMode.Http ? "http" : "insert"),-10} due → acknowledged (open loop, includes client-side queueing): {new LatencySummary(driverLatencies)}"));

        var occurred = events.Values.Order().ToArray();
        if (occurred.Length > 1)
        {
            var span = (occurred[^1] - occurred[0]).TotalSeconds;
            output.WriteLine(Format(
                $"committed  {occurred.Length} events in {span:0.00} s = {(occurred.Length - 1) / span:0.0} events/s achieved (target {options.Rate:0.#}/s)"));
        }

        if (events.Count < succeeded)
        {
            output.WriteLine(Format($"  WARNING  {succeeded - events.Count} acknowledged events have no outbox row"));
        }

        var latencies = new List<double>(received.Count);
        foreach (var (id, receivedAt) in received)
        {
            latencies.Add((receivedAt - events[id]).TotalMilliseconds);
        }

        var lost = events.Count - received.Count;
        var receivedTimes = received.Values.Order().ToArray();
        if (receivedTimes.Length > 1)
        {
            var span = (receivedTimes[^1] - receivedTimes[0]).TotalSeconds;
            output.WriteLine(Format(
                $"applied    {receivedTimes.Length} effects in {span:0.00} s = {(receivedTimes.Length - 1) / span:0.0} events/s; lost {lost} (no effect within the {options.GraceSeconds:0} s grace after the load, be it lost or still queued); last effect {(receivedTimes[^1] - loadEndWall).TotalSeconds:0.00} s after the load ended"));
        }
        else
        {
            output.WriteLine(Format($"applied    {receivedTimes.Length} effects; lost {lost}"));
        }

        var summary = new LatencySummary(latencies);
        output.WriteLine(Format($"LATENCY    commit → effect (inbox received_at − outbox occurred_at): {summary}"));

        // Stability over the run: the same percentiles per 10-second window of occurred_at.
        if (occurred.Length > 0 && options.DurationSeconds >= 20)
        {
            var first = occurred[0];
            var windows = received
                .GroupBy(r => (int)((events[r.Key] - first).TotalSeconds / 10))
                .OrderBy(g => g.Key)
                .Select(g =>
                {
                    var window = new LatencySummary(g.Select(r => (r.Value - events[r.Key]).TotalMilliseconds));
                    return Format($"{g.Key * 10}s: p50 {window.Percentile(50):0.0} p99 {window.Percentile(99):0.0} max {window.Max:0.0}");
                });
            output.WriteLine($"  per 10 s  {string.Join(" | ", windows)}");
        }

        ReportBacklog(output, options, samples, measureStart, loadEnd);

        if (cpu.Count > 0)
        {
            output.WriteLine("cpu        cores used during the measured load (1.0 = one core): "
                + string.Join(", ", cpu.Select(c => Format($"{c.Group} {c.Cores:0.00}"))));
            var disturbance = cpu.FirstOrDefault(c => c.Group == "everything else").Cores;
            if (disturbance > DisturbanceLimit)
            {
                output.WriteLine(Format(
                    $"  WARNING  processes outside the platform used {disturbance:0.00} cores during the run (builds or tests of other engineers?): the figures are pessimistic; run again when the machine is quiet"));
            }
        }

        output.WriteLine(Format($"finished   load average {LoadAverage()}"));
    }

    private static void ReportBacklog(
        TextWriter output,
        PropagationOptions options,
        IReadOnlyList<BacklogSample> samples,
        long measureStart,
        long loadEnd)
    {
        var during = samples.Where(s => s.At >= measureStart && s.At <= loadEnd).ToList();
        if (during.Count == 0)
        {
            output.WriteLine("backlog    no samples during the measured load");
            return;
        }

        double Seconds(BacklogSample s) => (s.At - measureStart) / (double)Stopwatch.Frequency;
        var pendingSlope = Trend.Slope(during.Select(s => (Seconds(s), (double)s.Pending)).ToList());
        var inFlightSlope = Trend.Slope(during.Select(s => (Seconds(s), (double)(s.Acknowledged - s.Applied))).ToList());

        // Growing = the dispatcher falls behind by more than 1% of the offered rate on the least-squares line, or more
        // than one second's worth of events is still waiting at the end of the load.
        var threshold = Math.Max(1, options.Rate * 0.01);
        var last = during[^1];
        var grew = pendingSlope > threshold || last.Pending > options.Rate;
        output.WriteLine(Format(
            $"BACKLOG    outbox pending (sampled every 1 s, {during.Count} samples during the load): min {during.Min(s => s.Pending)}, max {during.Max(s => s.Pending)}, last {last.Pending}; trend {Signed(pendingSlope)} events/s → {(grew ? "GROWING" : "not growing")}"));
        var inFlight = during.Select(s => s.Acknowledged - s.Applied).ToList();
        var behind = inFlightSlope > threshold || inFlight[^1] > options.Rate;
        output.WriteLine(Format(
            $"  pipeline committed but not yet applied in JobMatching (outbox + broker queue + consumer): min {inFlight.Min()}, max {inFlight.Max()}, last {inFlight[^1]}; trend {Signed(inFlightSlope)} events/s → {(behind ? "FALLING BEHIND" : "keeping up")}"));
        var series = string.Join(" ", samples.Where(s => s.At >= measureStart).Select(s => s.Pending.ToString(CultureInfo.InvariantCulture)));
        output.WriteLine($"  pending  per second from the start of the measured load (and the drain after it): {series}");
    }

    private static string Signed(double value)
    {
        var rounded = Math.Round(value, 2);
        if (rounded == 0)
        {
            rounded = 0; // no "-0.00"
        }

        return rounded >= 0 ? Format($"+{rounded:0.00}") : Format($"{rounded:0.00}");
    }

    private static string ModeName(LoadMode mode) =>
        mode == LoadMode.Http ? "http (registrations through the registry API)" : "outbox (direct outbox inserts; event pipeline only)";

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
