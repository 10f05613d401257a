using System.Security.Cryptography;
using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.SharedKernel;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Homeward.BuildingBlocks.Web.Idempotency;

/// <summary>
/// Runs a creating request that carries an Idempotency-Key inside one database transaction that also stores its
/// response under (client, key). The key row is inserted first, so a concurrent request with the same key waits on it
/// and then replays the stored response; the business change and the stored response commit together or not at all,
/// so a key can never be recorded for an effect that did not happen, nor an effect happen twice.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    private const int MaxKeyLength = 100;

    public async Task InvokeAsync(HttpContext context)
    {
        var key = context.Request.Headers[IdempotencyEndpointExtensions.HeaderName].ToString();
        if (key.Length == 0 || context.GetEndpoint()?.Metadata.GetMetadata<IdempotencyMetadata>() is null)
        {
            await next(context);
            return;
        }

        if (key.Length > MaxKeyLength || !key.All(c => c is > ' ' and < (char)127))
        {
            throw new RequestValidationException(
                IdempotencyEndpointExtensions.HeaderName,
                "An idempotency key is 1 to 100 visible ASCII characters; a UUID is a good choice.");
        }

        var client = context.User.FindFirst("client_id")?.Value ?? context.User.FindFirst("sub")?.Value ?? "anonymous";
        var requestHash = await HashRequestAsync(context.Request);
        var dbContext = context.RequestServices.GetRequiredService<ServiceDbContext>();

        await using var transaction = await dbContext.Database.BeginTransactionAsync(context.RequestAborted);
        if (!await TryReserveAsync(dbContext, client, key, requestHash, context.RequestAborted))
        {
            await transaction.RollbackAsync(context.RequestAborted);
            await ReplayAsync(context, dbContext, client, key, requestHash);
            return;
        }

        var originalBody = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = originalBody;
        }

        if (context.Response.StatusCode >= 500)
        {
            // A failure is not a result worth replaying: release the key so the client can retry.
            await transaction.RollbackAsync(context.RequestAborted);
        }
        else
        {
            await StoreResponseAsync(dbContext, client, key, context.Response, buffer.ToArray(), context.RequestAborted);
            await transaction.CommitAsync(context.RequestAborted);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(originalBody, context.RequestAborted);
    }

    private static async Task<byte[]> HashRequestAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            hash.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return hash.GetHashAndReset();
    }

    private static async Task<bool> TryReserveAsync(
        ServiceDbContext dbContext,
        string client,
        string key,
        byte[] requestHash,
        CancellationToken cancellationToken)
    {
        var reserve = "INSERT INTO \"" + dbContext.Schema + "\".idempotent_requests "
            + "(client, key, request_hash, status_code, body, created_at) VALUES ({0}, {1}, {2}, 0, '\\x'::bytea, now()) "
            + "ON CONFLICT DO NOTHING";
        return await dbContext.Database.ExecuteSqlRawAsync(reserve, [client, key, requestHash], cancellationToken) == 1;
    }

    private static async Task StoreResponseAsync(
        ServiceDbContext dbContext,
        string client,
        string key,
        HttpResponse response,
        byte[] body,
        CancellationToken cancellationToken)
    {
        var stored = await dbContext.IdempotentRequests.SingleAsync(r => r.Client == client && r.Key == key, cancellationToken);
        stored.StatusCode = response.StatusCode;
        stored.ContentType = response.ContentType;
        stored.Location = response.Headers.Location.ToString() is { Length: > 0 } location ? location : null;
        stored.ETag = response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null;
        stored.Body = body;
        await dbContext.SaveChangesAsync(cancellationToken);
    }

    private static async Task ReplayAsync(HttpContext context, ServiceDbContext dbContext, string client, string key, byte[] requestHash)
    {
        var stored = await dbContext.IdempotentRequests.AsNoTracking()
            .SingleAsync(r => r.Client == client && r.Key == key, context.RequestAborted);
        if (!stored.RequestHash.AsSpan().SequenceEqual(requestHash))
        {
            throw new DomainException(
                "idempotency-key-reused",
                "This Idempotency-Key was already used for a different request. Use a new key for a new request.");
        }

        context.Response.StatusCode = stored.StatusCode;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        if (stored.ContentType is not null)
        {
            context.Response.ContentType = stored.ContentType;
        }

        if (stored.Location is not null)
        {
            context.Response.Headers.Location = stored.Location;
        }

        if (stored.ETag is not null)
        {
            context.Response.Headers.ETag = stored.ETag;
        }

        await context.Response.Body.WriteAsync(stored.Body, context.RequestAborted);
    }
}
