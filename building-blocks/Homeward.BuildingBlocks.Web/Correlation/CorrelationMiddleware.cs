using System.Diagnostics;
using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Infrastructure.Messaging;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Homeward.BuildingBlocks.Web.Correlation;

/// <summary>
/// Takes the X-Correlation-Id the gateway (or a client) sent, or starts one, and carries it in the response, the log
/// scope, the current trace and every event the request writes to the outbox.
/// </summary>
public sealed class CorrelationMiddleware(RequestDelegate next, ILogger<CorrelationMiddleware> logger)
{
    public const string HeaderName = MessagingHeaders.CorrelationId;
    private const int MaxLength = 100;

    public async Task InvokeAsync(HttpContext context)
    {
        var correlationId = Accept(context.Request.Headers[HeaderName].ToString()) ?? Guid.NewGuid().ToString();
        // Set when the response starts: the exception handler clears headers set earlier before it writes a problem.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = correlationId;
            return Task.CompletedTask;
        });
        CorrelationContext.Current = correlationId;
        Activity.Current?.SetTag("correlation.id", correlationId);
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = correlationId }))
        {
            await next(context);
        }
    }

    /// <summary>Only short values of letters, digits and '-', '_', '.', ':' are kept; anything else could forge log lines.</summary>
    public static string? Accept(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':')
            ? value
            : null;
}
