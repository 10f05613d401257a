using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Homeward.BuildingBlocks.Application.Behaviors;

/// <summary>
/// Logs which use case ran, how long it took and how it ended. Only the message type is logged, never its content:
/// commands carry national ID numbers and phone numbers.
/// </summary>
public sealed partial class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            LogHandled(logger, typeof(TMessage).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller gave up (a client aborting under overload): one line each would add load where there is too much.
            LogCancelled(logger, typeof(TMessage).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
        catch (Exception exception)
        {
            LogFailed(logger, typeof(TMessage).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, exception.GetType().Name);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{UseCase} handled in {ElapsedMs:0.0} ms")]
    private static partial void LogHandled(ILogger logger, string useCase, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{UseCase} cancelled by its caller after {ElapsedMs:0.0} ms")]
    private static partial void LogCancelled(ILogger logger, string useCase, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{UseCase} ended with {Error} after {ElapsedMs:0.0} ms")]
    private static partial void LogFailed(ILogger logger, string useCase, double elapsedMs, string error);
}
