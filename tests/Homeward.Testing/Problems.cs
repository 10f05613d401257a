using System.Net;
using System.Text.Json;
using Xunit;

namespace Homeward.Testing;

public static class Problems
{
    /// <summary>
    /// Asserts an RFC 9457 problem response with the given status, a title and a trace id, and returns its body.
    /// </summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("traceId").GetString()));
        return problem;
    }

    /// <summary>The field names a validation problem reports.</summary>
    public static IReadOnlyCollection<string> ErrorFields(this JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(e => e.Name).ToList() : [];

    /// <summary>The status and code of the problem a batch route gives an item it rejected (every batch route answers so).</summary>
    public static (int Status, string? Code) ItemProblem(this JsonElement item) =>
        (item.GetProperty("problem").GetProperty("status").GetInt32(), item.GetProperty("problem").GetProperty("code").GetString());
}
