using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;

namespace Homeward.LoadDriver;

/// <summary>What happened to one scheduled event on the driver's side.</summary>
public struct Emission
{
    /// <summary>Stopwatch timestamps: when the event was due, and when the driver saw it succeed or fail.</summary>
    public long Due;

    public long Completed;

    public bool Succeeded;

    /// <summary>HTTP status (HTTP mode); 0 when the request never got an answer or in outbox mode.</summary>
    public int Status;

    /// <summary>The worker id (HTTP mode: from the 201's Location) or the event id (outbox mode).</summary>
    public Guid Key;

    public string? Error;
}

/// <summary>Turns scheduled events into committed WorkerRegistered events in the registry's outbox.</summary>
public interface IEventEmitter : IAsyncDisposable
{
    /// <summary>Starts event <paramref name="index"/>; called on the scheduler thread, returns at once.</summary>
    void Emit(int index, long due);

    /// <summary>Completes when every started event has succeeded or failed.</summary>
    Task DrainAsync();

    /// <summary>Events acknowledged so far (HTTP 201 received / outbox insert committed).</summary>
    long Acknowledged { get; }
}

/// <summary>
/// HTTP mode: POSTs a registration per event directly to the registry (no gateway), so the event is written by the real
/// use case: validation, PII encryption, duplicate check, worker row and outbox row in one SaveChanges.
/// </summary>
public sealed class HttpRegistrationEmitter : IEventEmitter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private readonly HttpClient _client;
    private readonly SyntheticWorkers _workers;
    private readonly Emission[] _log;
    private readonly Task[] _inFlight;
    private int _started;
    private long _acknowledged;

    public HttpRegistrationEmitter(Uri registry, int maxConnections, string? bearerToken, SyntheticWorkers workers, Emission[] log)
    {
        _client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        {
            BaseAddress = registry,
            Timeout = TimeSpan.FromSeconds(60),
        };
        if (bearerToken is not null)
        {
            _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        _workers = workers;
        _log = log;
        _inFlight = new Task[log.Length];
    }

    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    public void Emit(int index, long due)
    {
        var worker = _workers.Next();
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new RegisterWorkerBody(worker.NationalId, worker.Name, worker.Phone, worker.HouseholdDivision),
            Json);
        _log[index].Due = due;
        // Started on the scheduler thread: it returns at the first await (the request is written asynchronously).
        _inFlight[index] = SendAsync(index, body);
        _started = index + 1;
    }

    public Task DrainAsync() => Task.WhenAll(_inFlight.Take(_started));

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task SendAsync(int index, byte[] body)
    {
        // Each event owns its slot of the log, so no lock is needed; no ref local either, as the method awaits.
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = JsonContentType;
            using var response = await _client.PostAsync("api/registry/v1/workers", content);
            _log[index].Status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.Created
                && response.Headers.Location is { } location
                && Guid.TryParse(location.OriginalString.AsSpan(location.OriginalString.LastIndexOf('/') + 1), out var workerId))
            {
                _log[index].Key = workerId;
                _log[index].Succeeded = true;
                Interlocked.Increment(ref _acknowledged);
            }
            else
            {
                var problem = await response.Content.ReadAsStringAsync();
                _log[index].Error = $"{(int)response.StatusCode}: {(problem.Length > 300 ? problem[..300] : problem)}";
            }
        }
        catch (Exception exception)
        {
            _log[index].Error = $"{exception.GetType().Name}: {exception.Message}";
        }
        finally
        {
            _log[index].Completed = Stopwatch.GetTimestamp();
        }
    }

    private sealed record RegisterWorkerBody(string NationalId, string Name, string Phone, string HouseholdDivision);
}

/// <summary>
/// Outbox mode: inserts WorkerRegistered rows straight into registry.outbox_messages over the registry's own role, in
/// small transactions (whatever is due when a writer is free, at most <c>maxBatch</c> events; at 1,000/s mostly one or
/// two), so that what is measured
/// is the event pipeline alone: NOTIFY wake-up → dispatcher → RabbitMQ → JobMatching consumer and inbox. The rows look
/// exactly like the ones the registration use case writes (same type URN, camelCase payload of the contract). No
/// worker row is written: it is the pipeline, not the registry's HTTP path, that is under test.
/// </summary>
public sealed class OutboxInsertEmitter : IEventEmitter
{
    public const string WorkerRegisteredUrn = "urn:message:homeward:registry:worker-registered:v1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly NpgsqlDataSource _registry;
    private readonly SyntheticWorkers _workers;
    private readonly Emission[] _log;
    private readonly int _maxBatch;
    private readonly Channel<PendingEvent> _queue = Channel.CreateUnbounded<PendingEvent>(
        new UnboundedChannelOptions { SingleWriter = true, SingleReader = false });

    private readonly Task[] _writers;
    private long _acknowledged;

    public OutboxInsertEmitter(string registryConnection, int writers, int maxBatch, SyntheticWorkers workers, Emission[] log)
    {
        var builder = new NpgsqlConnectionStringBuilder(registryConnection)
        {
            MaxPoolSize = writers,
            MinPoolSize = writers,
            NoResetOnClose = true,
            ApplicationName = "homeward-load-driver",
        };
        _registry = NpgsqlDataSource.Create(builder.ConnectionString);
        _workers = workers;
        _log = log;
        _maxBatch = maxBatch;
        _writers = Enumerable.Range(0, writers).Select(_ => Task.Run(WriteAsync)).ToArray();
    }

    /// <summary>The worker ids of the synthetic events, so the run can remove its candidates afterwards.</summary>
    public List<Guid> WorkerIds { get; } = [];

    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    public void Emit(int index, long due)
    {
        var worker = _workers.Next();
        var workerId = Guid.CreateVersion7();
        WorkerIds.Add(workerId);
        _log[index].Due = due;
        _queue.Writer.TryWrite(new PendingEvent(index, Guid.CreateVersion7(), workerId, worker));
    }

    public async Task DrainAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_writers);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _registry.DisposeAsync();
    }

    private async Task WriteAsync()
    {
        var batch = new List<PendingEvent>(_maxBatch);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < _maxBatch && reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            string? error = null;
            try
            {
                await InsertAsync(batch);
            }
            catch (Exception exception)
            {
                error = $"{exception.GetType().Name}: {exception.Message}";
            }

            var completed = Stopwatch.GetTimestamp();
            foreach (var pending in batch)
            {
                _log[pending.Index].Key = pending.EventId;
                _log[pending.Index].Completed = completed;
                _log[pending.Index].Succeeded = error is null;
                _log[pending.Index].Error = error;
            }

            if (error is null)
            {
                Interlocked.Add(ref _acknowledged, batch.Count);
            }
        }
    }

    private async Task InsertAsync(List<PendingEvent> batch)
    {
        await using var connection = await _registry.OpenConnectionAsync();

        // Like the use case, the event's time is taken just before the transaction that stores it commits. The batch
        // is one INSERT statement, hence one transaction (autocommit) and one round trip: the driver shares the two
        // cores with what it measures, so it keeps its own cost down.
        var occurredAt = DateTimeOffset.UtcNow;
        var ids = new Guid[batch.Count];
        var payloads = new string[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var pending = batch[i];
            ids[i] = pending.EventId;
            payloads[i] = JsonSerializer.Serialize(
                new WorkerRegisteredPayload(
                    pending.EventId,
                    occurredAt,
                    pending.WorkerId,
                    pending.Worker.Name,
                    pending.Worker.Gender,
                    pending.Worker.BirthDate,
                    pending.Worker.HouseholdDivision),
                Json);
        }

        await using var command = new NpgsqlCommand(
            """
            INSERT INTO registry.outbox_messages (id, type, payload, headers, occurred_at, attempts)
            SELECT e.id, $2, e.payload::jsonb, '{}'::jsonb, $4, 0
            FROM unnest($1::uuid[], $3::text[]) AS e(id, payload)
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = ids });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = WorkerRegisteredUrn });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = payloads, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = occurredAt });
        await command.ExecuteNonQueryAsync();
    }

    private sealed record PendingEvent(int Index, Guid EventId, Guid WorkerId, SyntheticWorker Worker);

    /// <summary>The camelCase JSON of Homeward.Contracts.Registry.WorkerRegistered, as the registry's outbox stores it.</summary>
    private sealed record WorkerRegisteredPayload(
        Guid EventId,
        DateTimeOffset OccurredAt,
        Guid WorkerId,
        string Name,
        string Gender,
        DateOnly BirthDate,
        string HouseholdDivision);
}
