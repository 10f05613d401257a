using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.Tokens;

namespace Homeward.Testing;

/// <summary>
/// Drives the sign-in the gateway's Swagger UI performs: authorization code with PKCE through /connect/authorize,
/// the sign-in form, and the code exchange at /connect/token. Only HTTP, as a browser would do it.
/// </summary>
public static partial class StaffSignIn
{
    public const string SwaggerClientId = "swagger-ui";

    /// <summary>Signs in and returns the access token, or throws with what went wrong at which step.</summary>
    public static async Task<string> GetTokenAsync(Uri gateway, string userName, string password, IEnumerable<string> scopes)
    {
        var (response, client, verifier, redirectUri) = await SignInAsync(gateway, userName, password, scopes);
        using (client)
        {
            var location = response.Headers.Location ?? throw new InvalidOperationException($"Sign-in ended with {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(gateway, location).Query);
            if (!query.TryGetValue("code", out var code))
            {
                throw new InvalidOperationException($"No authorization code in {location}");
            }

            var token = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["client_id"] = SwaggerClientId,
                ["code"] = code!,
                ["redirect_uri"] = redirectUri,
                ["code_verifier"] = verifier,
            }));
            var body = await token.Content.ReadAsStringAsync();
            return token.IsSuccessStatusCode
                ? JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!
                : throw new InvalidOperationException($"Token exchange failed ({(int)token.StatusCode}): {body}");
        }
    }

    /// <summary>Runs the flow up to the sign-in form's answer: a redirect with a code, or the form again with an error.</summary>
    public static async Task<(HttpResponseMessage Response, HttpClient Client, string Verifier, string RedirectUri)> SignInAsync(
        Uri gateway, string userName, string password, IEnumerable<string> scopes)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = gateway };
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var redirectUri = new Uri(gateway, "/swagger/oauth2-redirect.html").ToString();
        var authorize = "/connect/authorize?" + string.Join('&', new Dictionary<string, string>
        {
            ["response_type"] = "code",
            ["client_id"] = SwaggerClientId,
            ["redirect_uri"] = redirectUri,
            ["scope"] = string.Join(' ', scopes),
            ["state"] = Guid.NewGuid().ToString("N"),
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        }.Select(pair => $"{pair.Key}={Uri.EscapeDataString(pair.Value)}"));

        var toLogin = await client.GetAsync(authorize);
        var loginUrl = toLogin.Headers.Location ?? throw new InvalidOperationException($"/connect/authorize answered {(int)toLogin.StatusCode}: {await toLogin.Content.ReadAsStringAsync()}");
        var form = await client.GetStringAsync(loginUrl);
        var fields = HiddenField().Matches(form).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["userName"] = userName;
        fields["password"] = password;
        var afterLogin = await client.PostAsync("/account/login", new FormUrlEncodedContent(fields));
        if (afterLogin.StatusCode != HttpStatusCode.Redirect)
        {
            return (afterLogin, client, verifier, redirectUri);
        }

        var authorized = await client.GetAsync(afterLogin.Headers.Location);
        return (authorized, client, verifier, redirectUri);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex HiddenField();
}
