using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Homeward.Identity.Tests;

/// <summary>Calls of the staff management API that several test classes make.</summary>
public static class StaffApi
{
    public const string Path = "/api/identity/v1/staff";
    public const string Township = "419921101000";
    public const string County = "419921000000";
    public const string Password = "Township#Office-42";

    public static Task<HttpResponseMessage> CreateAsync(
        HttpClient admin, string userName, string[] roles, string division = Township, string password = Password) =>
        admin.PostAsJsonAsync(Path, new { userName, displayName = $"Officer {userName}", password, roles, division });

    /// <summary>Creates an account and returns its representation; fails unless the answer is 201.</summary>
    public static async Task<JsonElement> CreatedAsync(HttpClient admin, string userName, params string[] roles)
    {
        var response = await CreateAsync(admin, userName, roles);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Creating {userName} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public static async Task<HttpResponseMessage> PatchAsync(HttpClient admin, Guid id, object body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"{Path}/{id}") { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await admin.SendAsync(request);
    }

    /// <summary>Reads an account and its current ETag.</summary>
    public static async Task<string> ETagOfAsync(HttpClient admin, Guid id)
    {
        var response = await admin.GetAsync($"{Path}/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag!.ToString();
    }

    public static Guid IdOf(JsonElement account) => account.GetProperty("id").GetGuid();

    /// <summary>A user name no other test uses.</summary>
    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
}
