using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Homeward.Testing;
using MiniExcelLibs;

namespace Homeward.Registry.Tests.Imports;

/// <summary>Builds ledger files, uploads them and waits for their import to finish.</summary>
public static class Ledgers
{
    public const string Header = "nationalId,name,phone,householdDivision,education,skills,returnedOn,returnReason,status,trainingNeeds,jobWhere,jobMinWage,householdSize";

    public static string Row(
        string nationalId,
        string name = "张伟",
        string phone = "",
        string village = "419921101201",
        string education = "juniorHigh",
        string skills = "welder:intermediate;electrician:junior",
        string returnedOn = "2024-03-01",
        string returnReason = "familyCare",
        string status = "seekingWork",
        string trainingNeeds = "",
        string jobWhere = "",
        string jobMinWage = "",
        string householdSize = "") =>
        string.Join(',', nationalId, name, phone, village, education, Quote(skills), returnedOn, returnReason, status, trainingNeeds, jobWhere, jobMinWage, householdSize);

    public static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. rows]) + "\r\n");

    /// <summary>A workbook whose first row names the columns; a cell a row leaves out stays empty.</summary>
    public static byte[] Xlsx(IReadOnlyList<string> columns, params IReadOnlyDictionary<string, object?>[] rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(
            rows.Select(row => (IDictionary<string, object?>)columns.ToDictionary(column => column, column => row.GetValueOrDefault(column))),
            excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string fileName = "ledger.csv", string? idempotencyKey = null)
    {
        // A fixed boundary, so that a retried upload sends the same bytes, as a client repeating a request does.
        var form = new MultipartFormDataContent("ledger-upload");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(Path.GetExtension(fileName) switch
        {
            ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ".csv" => "text/csv",
            _ => "text/plain",
        });
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/registry/v1/imports") { Content = form };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Uploads a ledger and returns the finished job.</summary>
    public static async Task<JsonElement> ImportAsync(HttpClient client, byte[] content, string fileName = "ledger.csv")
    {
        var response = await UploadAsync(client, content, fileName);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, body);
        return await FinishedAsync(client, response.Headers.Location!.ToString());
    }

    public static Task<JsonElement> FinishedAsync(HttpClient client, string location) =>
        Eventually.MatchesAsync(
            () => client.GetFromJsonAsync<JsonElement>(location),
            job => job.GetProperty("status").GetString() is "completed" or "failed",
            $"import {location} to finish");

    public static async Task<IReadOnlyList<JsonElement>> ErrorsAsync(HttpClient client, JsonElement job)
    {
        var page = await client.GetFromJsonAsync<JsonElement>(job.GetProperty("errors").GetString() + "?limit=200");
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    public static void AssertCounts(JsonElement job, int created = 0, int updated = 0, int unchanged = 0, int rejected = 0)
    {
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(
            (created, updated, unchanged, rejected),
            (job.GetProperty("created").GetInt32(), job.GetProperty("updated").GetInt32(), job.GetProperty("unchanged").GetInt32(), job.GetProperty("rejected").GetInt32()));
        Assert.Equal(job.GetProperty("totalRows").GetInt32(), job.GetProperty("processedRows").GetInt32());
    }

    public static string Masked(string nationalId) => $"{nationalId[..6]}********{nationalId[14..]}";

    private static string Quote(string value) => value.Contains(',', StringComparison.Ordinal) ? $"\"{value}\"" : value;
}
