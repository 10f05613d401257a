using System.Globalization;

namespace Homeward.LoadDriver;

/// <summary>
/// Where the machine's CPU time went during a run, per process group, from /proc (Linux only; elsewhere it reports
/// nothing). On a 2-core machine that runs the services, PostgreSQL, RabbitMQ and the driver together this is what
/// explains a limit.
/// </summary>
public sealed class CpuMeter
{
    private const double TicksPerSecond = 100; // USER_HZ, fixed at 100 on Linux

    private static readonly (string Group, Func<string, string, bool> Matches)[] Groups =
    [
        ("registry", (_, cmd) => cmd.Contains("Homeward.Registry.Api", StringComparison.Ordinal)),
        ("job-matching", (_, cmd) => cmd.Contains("Homeward.JobMatching.Api", StringComparison.Ordinal)),
        ("gateway", (_, cmd) => cmd.Contains("Homeward.Gateway", StringComparison.Ordinal)),
        ("other services", (_, cmd) => cmd.Contains(".Api.dll", StringComparison.Ordinal) || cmd.Contains("Homeward.Identity", StringComparison.Ordinal)),
        ("postgres", (comm, _) => comm is "postgres"),
        ("rabbitmq", (comm, _) => comm.StartsWith("beam", StringComparison.Ordinal) || comm is "epmd" or "erl_child_setup"),
    ];

    private readonly Snapshot? _start = Take();
    private readonly DateTime _startedAt = DateTime.UtcNow;

    /// <summary>Cores used per group (1.0 = one core busy) since construction, plus "machine" (all processes).</summary>
    public IReadOnlyList<(string Group, double Cores)> Stop()
    {
        var end = Take();
        if (_start is null || end is null)
        {
            return [];
        }

        var seconds = (DateTime.UtcNow - _startedAt).TotalSeconds;

        // Per process: what it used since the start (all of it if it started since). A process that ended meanwhile
        // (a PostgreSQL backend) is lost to its group and shows up under "everything else".
        var byGroup = new Dictionary<string, long>();
        foreach (var (pid, (group, ticks)) in end.ByProcess)
        {
            var before = _start.ByProcess.TryGetValue(pid, out var start) ? start.Ticks : 0;
            byGroup[group] = byGroup.GetValueOrDefault(group) + Math.Max(0, ticks - before);
        }

        var result = new List<(string, double)>();
        double attributed = 0;
        foreach (var group in Groups.Select(g => g.Group).Append("load driver"))
        {
            var used = byGroup.GetValueOrDefault(group);
            attributed += used;
            result.Add((group, used / TicksPerSecond / seconds));
        }

        var busy = end.MachineBusy - _start.MachineBusy;
        result.Add(("everything else", Math.Max(0, busy - attributed) / TicksPerSecond / seconds));
        result.Add(("machine (of " + Environment.ProcessorCount + ")", busy / TicksPerSecond / seconds));
        return result;
    }

    private static Snapshot? Take()
    {
        if (!File.Exists("/proc/stat"))
        {
            return null;
        }

        var self = Environment.ProcessId;
        var byProcess = new Dictionary<int, (string Group, long Ticks)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var open = stat.IndexOf('(', StringComparison.Ordinal);
                var close = stat.LastIndexOf(')');
                var comm = stat[(open + 1)..close];
                var fields = stat[(close + 2)..].Split(' ');
                // After the command: state is field 0, utime field 11, stime field 12.
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                string? group;
                if (pid == self)
                {
                    group = "load driver";
                }
                else
                {
                    var cmd = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
                    group = Groups.FirstOrDefault(g => g.Matches(comm, cmd)).Group;
                }

                if (group is not null)
                {
                    byProcess[pid] = (group, ticks);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException)
            {
                // The process ended while we looked.
            }
        }

        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal …: busy is everything but idle and iowait.
        var busy = cpu.Take(8).Sum() - cpu[3] - cpu[4];
        return new Snapshot(byProcess, busy);
    }

    private sealed record Snapshot(Dictionary<int, (string Group, long Ticks)> ByProcess, long MachineBusy);
}
