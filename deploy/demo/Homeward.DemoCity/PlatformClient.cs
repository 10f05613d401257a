using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Homeward.DemoCity;

/// <summary>A refusal the demo did not expect: the platform's problem response, with the request that got it.</summary>
public sealed class PlatformRefusedException(string request, HttpStatusCode status, string problem)
    : Exception($"{request} answered {(int)status}: {problem}");

/// <summary>
/// The gateway, called with the staff token the demo runs under. Transient failures (the gateway's rate limit, a
/// service restarting) are retried with backoff; anything else stops the demo with the platform's own words.
/// </summary>
public sealed partial class PlatformClient : IDisposable
{
    /// <summary>The most items the platform's batch routes take in one request.</summary>
    public const int BatchLimit = 500;

    private const int Attempts = 6;

    /// <summary>About five minutes of waiting for a record another service learns of by event (a full city's registrations queue up).</summary>
    private const int NotFoundAttempts = 66;

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

    /// <summary>
    /// Reads a CSV file the platform writes (one record a line, RFC 4180 quoting) as it arrives, each row by the header's
    /// column names.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyDictionary<string, string>> ReadCsvAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new PlatformRefusedException($"GET {path}", response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }

        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken), Encoding.UTF8);
        var header = CsvCells(await reader.ReadLineAsync(cancellationToken) ?? string.Empty);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length > 0)
            {
                var cells = CsvCells(line);
                yield return header.Select((column, i) => (column, value: i < cells.Count ? cells[i] : string.Empty)).ToDictionary(c => c.column, c => c.value, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>
    /// A POST that changes a record: <paramref name="current"/> is the record as last read (its rowVersion goes into
    /// If-Match); a null body sends none. Returns the record as changed.
    /// </summary>
    public Task<JsonElement> ChangeAsync(string path, JsonElement current, object? body, CancellationToken cancellationToken) =>
        SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
                request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{current.GetProperty("rowVersion").GetUInt32()}\""));
                return request;
            },
            $"POST {path}",
            cancellationToken);

    /// <summary>A creating POST under an idempotency key, for what must never happen twice (a payment) even when a retry follows a lost answer.</summary>
    public Task<JsonElement> PostOnceAsync(string path, object body, CancellationToken cancellationToken)
    {
        var key = Guid.NewGuid().ToString("N");
        return SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
                request.Headers.Add("Idempotency-Key", key);
                return request;
            },
            $"POST {path}",
            cancellationToken);
    }

    /// <summary>
    /// A POST to one of the platform's batch routes (up to <see cref="BatchLimit"/> items, under an idempotency key so a
    /// retry after a lost answer applies nothing twice), returning each item's result in the order of
    /// <paramref name="items"/>. An item rejected as not found — a worker the service learns of by event a moment after
    /// the registration — is sent again, with the others like it, for as long as <see cref="SendAsync"/> waits out a
    /// single 404; any other rejection stops the demo with the item's problem.
    /// </summary>
    public async Task<JsonElement[]> PostBatchAsync<T>(
        string path, IReadOnlyList<T> items, Func<IEnumerable<T>, object> body, CancellationToken cancellationToken)
    {
        var results = new JsonElement[items.Count];
        var pending = Enumerable.Range(0, items.Count).ToList();
        for (var attempt = 1; ; attempt++)
        {
            var answer = await PostOnceAsync(path, body(pending.Select(i => items[i])), cancellationToken);
            var notFound = new List<int>();
            foreach (var item in answer.GetProperty("items").EnumerateArray())
            {
                var index = pending[item.GetProperty("index").GetInt32()];
                if (item.GetProperty("result").GetString() != "rejected")
                {
                    results[index] = item;
                    continue;
                }

                var problem = item.GetProperty("problem");
                var status = (HttpStatusCode)problem.GetProperty("status").GetInt32();
                if (status != HttpStatusCode.NotFound || attempt >= NotFoundAttempts)
                {
                    throw new PlatformRefusedException($"POST {path} (item {index})", status, problem.GetRawText());
                }

                notFound.Add(index);
            }

            if (notFound.Count == 0)
            {
                return results;
            }

            pending = notFound;
            await Task.Delay(Backoff(attempt), cancellationToken);
        }
    }

    /// <summary>
    /// Signs a member of staff in as the gateway's Swagger UI does (authorization code with PKCE through the sign-in
    /// page) and returns a client that calls the gateway with their token.
    /// </summary>
    public async Task<PlatformClient> SignInAsync(string userName, string password, IEnumerable<string> scopes, CancellationToken cancellationToken)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = _http.BaseAddress };
        var verifier = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var redirectUri = new Uri(_http.BaseAddress!, "/swagger/oauth2-redirect.html").ToString();
        var authorize = "/connect/authorize?" + string.Join('&', new Dictionary<string, string>
        {
            ["response_type"] = "code",
            ["client_id"] = "swagger-ui",
            ["redirect_uri"] = redirectUri,
            ["scope"] = string.Join(' ', scopes),
            ["state"] = Guid.NewGuid().ToString("N"),
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        }.Select(pair => $"{pair.Key}={Uri.EscapeDataString(pair.Value)}"));

        using var toLogin = await browser.GetAsync(authorize, cancellationToken);
        var loginUrl = toLogin.Headers.Location ?? throw new PlatformRefusedException("GET /connect/authorize", toLogin.StatusCode, await toLogin.Content.ReadAsStringAsync(cancellationToken));
        var form = await browser.GetStringAsync(loginUrl, cancellationToken);
        var fields = HiddenField().Matches(form).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["userName"] = userName;
        fields["password"] = password;
        using var signedIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(fields), cancellationToken);
        var afterLogin = signedIn.Headers.Location ?? throw new PlatformRefusedException($"sign-in of {userName}", signedIn.StatusCode, "the sign-in page refused the credentials");
        using var authorized = await browser.GetAsync(afterLogin, cancellationToken);
        var code = authorized.Headers.Location is { } withCode
            ? System.Web.HttpUtility.ParseQueryString(new Uri(_http.BaseAddress!, withCode).Query)["code"]
            : null;
        if (code is null)
        {
            throw new PlatformRefusedException($"sign-in of {userName}", authorized.StatusCode, "no authorization code after signing in");
        }

        using var token = await browser.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = "swagger-ui",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = verifier,
        }), cancellationToken);
        var body = await token.Content.ReadAsStringAsync(cancellationToken);
        return token.IsSuccessStatusCode
            ? new PlatformClient(_http.BaseAddress!, JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!)
            : throw new PlatformRefusedException("POST /connect/token", token.StatusCode, body);
    }

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
                if (!transient || attempt >= (retryNotFound ? NotFoundAttempts : Attempts))
                {
                    throw new PlatformRefusedException(description, response.StatusCode, body);
                }
            }

            await Task.Delay(Backoff(attempt), cancellationToken);
        }
    }

    public void Dispose() => _http.Dispose();

    private static List<string> CsvCells(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"')
                {
                    cell.Append(c);
                }
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex HiddenField();

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(Math.Min(5_000, 100 * Math.Pow(2, attempt - 1)));
}
