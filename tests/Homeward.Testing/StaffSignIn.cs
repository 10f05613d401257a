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
        using var client = NewBrowser(gateway);
        return await GetTokenAsync(client, userName, password, scopes);
    }

    /// <summary>
    /// Signs in with <paramref name="browser"/> and returns the access token, or throws with what went wrong at which
    /// step. The client must keep cookies, must not follow redirects, and must have a base address (e.g. an in-memory
    /// test server's client).
    /// </summary>
    public static async Task<string> GetTokenAsync(HttpClient browser, string userName, string password, IEnumerable<string> scopes)
    {
        var (response, verifier, redirectUri) = await SignInAsync(browser, userName, password, scopes);
        var token = await RedeemAsync(browser, await CodeFromAsync(browser, response), verifier, redirectUri);
        var body = await token.Content.ReadAsStringAsync();
        return token.IsSuccessStatusCode
            ? JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!
            : throw new InvalidOperationException($"Token exchange failed ({(int)token.StatusCode}): {body}");
    }

    /// <summary>Runs the flow up to the sign-in form's answer: a redirect with a code, or the form again with an error.</summary>
    public static async Task<(HttpResponseMessage Response, HttpClient Client, string Verifier, string RedirectUri)> SignInAsync(
        Uri gateway, string userName, string password, IEnumerable<string> scopes)
    {
        var client = NewBrowser(gateway);
        var (response, verifier, redirectUri) = await SignInAsync(client, userName, password, scopes);
        return (response, client, verifier, redirectUri);
    }

    /// <summary>
    /// Runs the flow with <paramref name="browser"/> (keeping cookies, not following redirects, with a base address) up
    /// to the sign-in form's answer: a redirect with a code, or the form again with an error.
    /// </summary>
    public static async Task<(HttpResponseMessage Response, string Verifier, string RedirectUri)> SignInAsync(
        HttpClient browser, string userName, string password, IEnumerable<string> scopes)
    {
        var origin = browser.BaseAddress ?? throw new ArgumentException("The client needs a base address.", nameof(browser));
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var redirectUri = new Uri(origin, "/swagger/oauth2-redirect.html").ToString();
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

        var toLogin = await browser.GetAsync(authorize);
        var loginUrl = toLogin.Headers.Location ?? throw new InvalidOperationException($"/connect/authorize answered {(int)toLogin.StatusCode}: {await toLogin.Content.ReadAsStringAsync()}");
        var afterLogin = await SubmitLoginFormAsync(browser, loginUrl, userName, password);
        if (afterLogin.StatusCode != HttpStatusCode.Redirect)
        {
            return (afterLogin, verifier, redirectUri);
        }

        var authorized = await browser.GetAsync(afterLogin.Headers.Location);
        return (authorized, verifier, redirectUri);
    }

    /// <summary>
    /// Opens the sign-in page at <paramref name="loginUrl"/> and submits it with its hidden fields (anti-forgery token,
    /// return URL) and the given credentials; returns the answer: a redirect on success, the page again otherwise.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitLoginFormAsync(HttpClient browser, Uri loginUrl, string userName, string password)
    {
        var form = await browser.GetStringAsync(loginUrl);
        var fields = HiddenField().Matches(form).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["userName"] = userName;
        fields["password"] = password;
        return await browser.PostAsync("/account/login", new FormUrlEncodedContent(fields));
    }

    /// <summary>The authorization code in the redirect that ends a successful sign-in; throws when there is none.</summary>
    public static async Task<string> CodeFromAsync(HttpClient browser, HttpResponseMessage authorized)
    {
        var location = authorized.Headers.Location
            ?? throw new InvalidOperationException($"Sign-in ended with {(int)authorized.StatusCode}: {await authorized.Content.ReadAsStringAsync()}");
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(browser.BaseAddress!, location).Query);
        return query.TryGetValue("code", out var code) ? code.ToString() : throw new InvalidOperationException($"No authorization code in {location}");
    }

    /// <summary>Exchanges an authorization code at /connect/token, as Swagger UI does, and returns the token endpoint's answer.</summary>
    public static Task<HttpResponseMessage> RedeemAsync(HttpClient client, string code, string verifier, string redirectUri) =>
        client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = SwaggerClientId,
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = verifier,
        }));

    private static HttpClient NewBrowser(Uri gateway) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = gateway };

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex HiddenField();
}
