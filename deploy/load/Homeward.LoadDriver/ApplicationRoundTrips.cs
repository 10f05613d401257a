using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Homeward.LoadDriver;

/// <param name="Api">The subsidy API's base address, e.g. http://127.0.0.1:5050/api/subsidy/v1/ (through the gateway).</param>
/// <param name="Rate">HTTP requests per second: round trips start at a third of it, each being three requests.</param>
public sealed record ApplicationRoundTripOptions(
    Uri Api, Guid PolicyId, double Rate, double DurationSeconds, double WarmupSeconds, int MaxConnections, string BearerToken, string AdminConnection);

/// <summary>
/// Submits subsidy applications and reads them back at a fixed rate (open loop): round trip i starts at start + 3i / rate
/// whatever the responses do, and opens a draft for a worker who has no application of the policy yet (POST
/// /applications), submits it with the draft's ETag (POST /applications/{id}/submission, If-Match) and reads it back
/// (GET /applications/{id}). The draft's latency counts from when the round trip was due, so queueing in the client is
/// measured; the submission and the read follow the answer before them and count from when they were sent. Prints the
/// rate achieved and p50/p90/p99/max of each request, and the failures by request and status.
/// </summary>
public static class ApplicationRoundTrips
{
    private const int RequestsPerRoundTrip = 3;

    private static readonly string[] Steps = ["draft", "submit", "read"];

    public static async Task<int> RunAsync(ApplicationRoundTripOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var roundTripRate = options.Rate / RequestsPerRoundTrip;
        var warmup = (int)(roundTripRate * options.WarmupSeconds);
        var measured = (int)(roundTripRate * options.DurationSeconds);
        var workers = await WorkersWithoutApplicationAsync(options, warmup + measured, cancellationToken);
        if (workers.Count < warmup + measured)
        {
            throw new ArgumentException($"only {workers.Count} workers have no application of policy {options.PolicyId}; {warmup + measured} are needed (seed more)");
        }

        using var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.MaxConnections,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        {
            BaseAddress = options.Api,
            Timeout = TimeSpan.FromSeconds(30),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.BearerToken);

        await RunPhaseAsync(client, options.PolicyId, roundTripRate, workers[..warmup], cancellationToken);
        var started = Stopwatch.GetTimestamp();
        var results = await RunPhaseAsync(client, options.PolicyId, roundTripRate, workers[warmup..], cancellationToken);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        output.WriteLine(Format($"requests_per_second {results.Sum(r => r.Completed) / seconds:0.00}"));
        for (var step = 0; step < Steps.Length; step++)
        {
            var latencies = new LatencySummary(results.Where(r => r.Completed > step).Select(r => r.Milliseconds[step]));
            output.WriteLine(Format($"{Steps[step]}_p50_ms {latencies.Percentile(50):0.00}"));
            output.WriteLine(Format($"{Steps[step]}_p90_ms {latencies.Percentile(90):0.00}"));
            output.WriteLine(Format($"{Steps[step]}_p99_ms {latencies.Percentile(99):0.00}"));
            output.WriteLine(Format($"{Steps[step]}_max_ms {latencies.Max:0.00}"));
        }

        var failures = results.Where(r => r.Failure is not null).GroupBy(r => r.Failure).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        output.WriteLine(Format($"failed {failures.Sum(g => g.Count())}"));
        foreach (var failure in failures)
        {
            output.WriteLine(Format($"  {failure.Key}: {failure.Count()}"));
        }

        return 0;
    }

    private static async Task<RoundTrip[]> RunPhaseAsync(HttpClient client, Guid policyId, double rate, List<Guid> workers, CancellationToken cancellationToken)
    {
        var roundTrips = new Task<RoundTrip>[workers.Count];
        await OpenLoopScheduler.RunAsync(
            rate,
            workers.Count,
            (index, due) => roundTrips[index] = RoundTripAsync(client, policyId, workers[index], due),
            cancellationToken);
        return await Task.WhenAll(roundTrips);
    }

    private static async Task<RoundTrip> RoundTripAsync(HttpClient client, Guid policyId, Guid workerId, long due)
    {
        var milliseconds = new double[Steps.Length];
        try
        {
            using var draft = await client.PostAsJsonAsync("applications", new { policyId, workerId });
            var body = await draft.Content.ReadAsStringAsync();
            milliseconds[0] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
            if (draft.StatusCode != HttpStatusCode.Created || draft.Headers.ETag is not { } etag)
            {
                return new RoundTrip(milliseconds, 1, $"draft {(int)draft.StatusCode}");
            }

            using var created = JsonDocument.Parse(body);
            var id = created.RootElement.GetProperty("id").GetGuid();
            var sent = Stopwatch.GetTimestamp();
            using var submission = new HttpRequestMessage(HttpMethod.Post, $"applications/{id}/submission");
            submission.Headers.IfMatch.Add(etag);
            using var submitted = await client.SendAsync(submission, HttpCompletionOption.ResponseContentRead);
            milliseconds[1] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
            if (submitted.StatusCode != HttpStatusCode.OK)
            {
                return new RoundTrip(milliseconds, 2, $"submit {(int)submitted.StatusCode}");
            }

            sent = Stopwatch.GetTimestamp();
            using var read = await client.GetAsync($"applications/{id}", HttpCompletionOption.ResponseContentRead);
            milliseconds[2] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
            return read.StatusCode == HttpStatusCode.OK ? new RoundTrip(milliseconds, 3, null) : new RoundTrip(milliseconds, 3, $"read {(int)read.StatusCode}");
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException)
        {
            return new RoundTrip(milliseconds, 0, exception.GetType().Name);
        }
    }

    /// <summary>Registered workers without an application of the policy, so that every draft is a new one.</summary>
    private static async Task<List<Guid>> WorkersWithoutApplicationAsync(ApplicationRoundTripOptions options, int count, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(options.AdminConnection);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT w.worker_id FROM subsidy.workers w
            WHERE w.registered_at IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM subsidy.applications a WHERE a.worker_id = w.worker_id AND a.policy_id = $1)
            ORDER BY w.worker_id LIMIT $2
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = options.PolicyId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = count });
        var workers = new List<Guid>(count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            workers.Add(reader.GetGuid(0));
        }

        return workers;
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The latency of each request made (the first <see cref="Completed"/> of them) and why the round trip stopped, if it failed.</summary>
    private sealed record RoundTrip(double[] Milliseconds, int Completed, string? Failure);
}
