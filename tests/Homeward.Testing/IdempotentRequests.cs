using System.Net.Http.Json;

namespace Homeward.Testing;

public static class IdempotentRequests
{
    /// <summary>A POST under an Idempotency-Key, as a client sends it again after losing the answer.</summary>
    public static async Task<HttpResponseMessage> PostWithIdempotencyKeyAsync(this HttpClient client, string path, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }
}
