using Homeward.BuildingBlocks.Application.Behaviors;
using Homeward.Testing;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Homeward.BuildingBlocks.Tests.Application;

public sealed class LoggingBehaviorTests : IDisposable
{
    private readonly LogCapture _logs = new();
    private readonly ILoggerFactory _loggerFactory;
    private readonly LoggingBehavior<ProbeQuery, int> _behavior;

    public LoggingBehaviorTests()
    {
        _loggerFactory = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));
        _behavior = new LoggingBehavior<ProbeQuery, int>(_loggerFactory.CreateLogger<LoggingBehavior<ProbeQuery, int>>());
    }

    public void Dispose() => _loggerFactory.Dispose();

    [Fact]
    public async Task A_use_case_its_caller_cancelled_is_logged_at_debug_only()
    {
        using var aborted = new CancellationTokenSource();
        await aborted.CancelAsync();

        await Assert.ThrowsAsync<OperationCanceledException>(async () =>
            await _behavior.Handle(new ProbeQuery(), (_, token) => ValueTask.FromException<int>(new OperationCanceledException(token)), aborted.Token));

        var line = Assert.Single(_logs.Lines);
        Assert.StartsWith("Debug", line, StringComparison.Ordinal);
        Assert.Contains("ProbeQuery cancelled by its caller", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_use_case_that_fails_is_logged_at_information_with_the_kind_of_failure()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await _behavior.Handle(new ProbeQuery(), (_, _) => ValueTask.FromException<int>(new InvalidOperationException("broken")), CancellationToken.None));

        var line = Assert.Single(_logs.Lines);
        Assert.StartsWith("Information", line, StringComparison.Ordinal);
        Assert.Contains("ProbeQuery ended with InvalidOperationException", line, StringComparison.Ordinal);
    }

    public sealed record ProbeQuery : IQuery<int>;
}
