using System.Globalization;

namespace Homeward.LoadDriver;

/// <summary>Percentiles (nearest rank) of a set of latencies in milliseconds.</summary>
public sealed class LatencySummary
{
    private readonly double[] _sorted;

    public LatencySummary(IEnumerable<double> milliseconds)
    {
        _sorted = milliseconds.ToArray();
        Array.Sort(_sorted);
    }

    public int Count => _sorted.Length;

    public double Max => _sorted.Length == 0 ? double.NaN : _sorted[^1];

    public double Min => _sorted.Length == 0 ? double.NaN : _sorted[0];

    public double Percentile(double p)
    {
        if (_sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100 * _sorted.Length);
        return _sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)];
    }

    public override string ToString() => Count == 0
        ? "no samples"
        : Format($"p50 {Percentile(50):0.0} ms, p95 {Percentile(95):0.0} ms, p99 {Percentile(99):0.0} ms, max {Max:0.0} ms (n = {Count})");

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A least-squares line through (seconds, value) samples: is a backlog growing over the run?</summary>
public static class Trend
{
    /// <summary>Units per second; 0 with fewer than two samples.</summary>
    public static double Slope(IReadOnlyList<(double Seconds, double Value)> samples)
    {
        if (samples.Count < 2)
        {
            return 0;
        }

        var meanX = samples.Average(s => s.Seconds);
        var meanY = samples.Average(s => s.Value);
        var covariance = samples.Sum(s => (s.Seconds - meanX) * (s.Value - meanY));
        var variance = samples.Sum(s => (s.Seconds - meanX) * (s.Seconds - meanX));
        return variance == 0 ? 0 : covariance / variance;
    }
}
