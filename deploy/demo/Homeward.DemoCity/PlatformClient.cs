using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Homeward.DemoCity;

/// <summary>A refusal the demo did not expect: the platform's problem response, with the request that got it.</summary>
public sealed class PlatformRefusedException(string request, HttpStatusCode status, string problem)
    : Exception($"{request} answered {(int)status}: {problem}");

/// <summary>
/// The gateway, called with the staff token the demo runs under. Transient failures (the gateway's rate limit, a
/// service restarting) are retried with backoff; anything else stops the demo with the platform's own words.
/// </summary>
public sealed class PlatformClient : IDisposable
{
    private const int Attempts = 6;

    private readonly HttpClient _http;

    public PlatformClient(Uri gateway, string token)
    {
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = gateway,
            Timeout = TimeSpan.FromSeconds(100),
        };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Get, path), $"GET {path}", cancellationToken);

    public Task<JsonElement> PostAsync(string path, object body, CancellationToken cancellationToken) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) }, $"POST {path}", cancellationToken);

    /// <summary>Uploads a file as multipart/form-data (field "file"), once, under an idempotency key so a retry cannot import it twice.</summary>
    public Task<JsonElement> UploadAsync(string path, string fileName, string mediaType, byte[] content, CancellationToken cancellationToken)
    {
        var key = Guid.NewGuid().ToString("N");
        return SendAsync(
            () =>
            {
                var file = new ByteArrayContent(content);
                file.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
                var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new MultipartFormDataContent { { file, "file", fileName } } };
                request.Headers.Add("Idempotency-Key", key);
                return request;
            },
            $"POST {path} ({fileName})",
            cancellationToken);
    }

    /// <summary>
    /// Sends a request built afresh for every attempt. <paramref name="retryNotFound"/>: a 404 is retried too, for
    /// records another service learns about by event a moment after they were created.
    /// </summary>
    public async Task<JsonElement> SendAsync(Func<HttpRequestMessage> build, string description, CancellationToken cancellationToken, bool retryNotFound = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                using var request = build();
                response = await _http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException) when (attempt < Attempts)
            {
                await Task.Delay(Backoff(attempt), cancellationToken);
                continue;
            }

            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
                }

                var transient = response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway
                    or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout
                    || (retryNotFound && response.StatusCode == HttpStatusCode.NotFound);
                if (!transient || attempt >= (retryNotFound ? Attempts * 4 : Attempts))
                {
                    throw new PlatformRefusedException(description, response.StatusCode, body);
                }
            }

            await Task.Delay(Backoff(attempt), cancellationToken);
        }
    }

    public void Dispose() => _http.Dispose();

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(Math.Min(5_000, 100 * Math.Pow(2, attempt - 1)));
}
