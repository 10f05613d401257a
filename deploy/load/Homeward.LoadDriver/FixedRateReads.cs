using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Homeward.LoadDriver;

/// <param name="Body">JSON to POST with every request (a search); null to GET.</param>
public sealed record FixedRateReadOptions(Uri Url, double Rate, double DurationSeconds, double WarmupSeconds, int MaxConnections, string? BearerToken, byte[]? Body);

/// <summary>
/// Reads one address (GET, or POST of one JSON body for a search) at a fixed rate, evenly spaced (open loop): request i leaves at start + i / rate whatever the
/// responses do, and its latency counts from when it was due, so queueing in the client is measured, not hidden.
/// Unlike a set of closed-loop workers on synchronized tickers, arrivals do not come in bursts.
/// </summary>
public static class FixedRateReads
{
    public static async Task<int> RunAsync(FixedRateReadOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        using var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.MaxConnections,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (options.BearerToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.BearerToken);
        }

        await RunPhaseAsync(client, options, options.WarmupSeconds, cancellationToken);
        var measured = await RunPhaseAsync(client, options, options.DurationSeconds, cancellationToken);

        var latencies = new LatencySummary(measured.Latencies);
        string Line(string name, double value) => string.Create(CultureInfo.InvariantCulture, $"{name} {value:0.00}");
        output.WriteLine(Line("requests_per_second", measured.Latencies.Length / measured.Seconds));
        output.WriteLine(Line("p50_ms", latencies.Percentile(50)));
        output.WriteLine(Line("p90_ms", latencies.Percentile(90)));
        output.WriteLine(Line("p99_ms", latencies.Percentile(99)));
        output.WriteLine(Line("max_ms", latencies.Max));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"failed {measured.Failed}"));
        // How late the driver itself sent requests: part of every latency above, and not the service's.
        output.WriteLine(Line("late_p99_ms", new LatencySummary(measured.Lateness).Percentile(99)));
        return 0;
    }

    private static async Task<(double[] Latencies, double[] Lateness, int Failed, double Seconds)> RunPhaseAsync(
        HttpClient client, FixedRateReadOptions options, double seconds, CancellationToken cancellationToken)
    {
        var count = (int)(options.Rate * seconds);
        var latencies = new double[count];
        var succeeded = new bool[count];
        var inFlight = new Task[count];
        var started = Stopwatch.GetTimestamp();
        var lateness = await OpenLoopScheduler.RunAsync(
            options.Rate,
            count,
            (index, due) => inFlight[index] = ReadAsync(client, options, index, due, latencies, succeeded),
            cancellationToken);
        await Task.WhenAll(inFlight);
        return (latencies, lateness, succeeded.Count(ok => !ok), Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private static async Task ReadAsync(HttpClient client, FixedRateReadOptions options, int index, long due, double[] latencies, bool[] succeeded)
    {
        try
        {
            using var request = new HttpRequestMessage(options.Body is null ? HttpMethod.Get : HttpMethod.Post, options.Url);
            if (options.Body is not null)
            {
                request.Content = new ByteArrayContent(options.Body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
            }

            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            succeeded[index] = response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            succeeded[index] = false;
        }
        catch (TaskCanceledException)
        {
            succeeded[index] = false;
        }

        latencies[index] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
    }
}
