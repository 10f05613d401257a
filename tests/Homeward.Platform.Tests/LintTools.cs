using System.Diagnostics;
using Homeward.Testing;

namespace Homeward.Platform.Tests;

/// <summary>
/// The Node.js checkers pinned in tools/lint (Spectral with the OWASP ruleset, the Kubernetes schema check). The
/// test command installs them with <c>npm ci --prefix tools/lint</c>.
/// </summary>
public static class LintTools
{
    public static string Folder { get; } = Path.Combine(ServiceProcess.RepositoryRoot(), "tools", "lint");

    /// <summary>Runs <paramref name="script"/> (a path under tools/lint) with node and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string script, params string[] arguments)
    {
        var path = Path.Combine(Folder, script);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: install the checkers with 'npm ci --prefix tools/lint'.");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(path);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
