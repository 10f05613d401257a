using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Homeward.Registry.Tests.Security;

/// <summary>Full ID and phone numbers leave the registry only through the audited reveal.</summary>
public sealed class PersonalDataTests(RegistryService registry) : IClassFixture<RegistryService>
{
    private static readonly Caller CountyOfficer =
        Caller.Staff("419921000000", Roles.CountyOfficer, Scopes.RegistryRead, Scopes.RegistryWrite, Scopes.RegistryReveal);

    [Fact]
    public async Task A_reveal_shows_the_full_numbers_and_records_who_whom_when_and_why()
    {
        var nationalId = NationalIds.Next();
        var workerId = await RegisterAsync(nationalId, "13611112222");
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        var response = await registry.ClientFor(CountyOfficer).PostAsJsonAsync(
            $"/api/registry/v1/workers/{workerId}/personal-data/reveal",
            new { reason = "Verifying identity at the bank for a guaranteed loan." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var revealed = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(nationalId, revealed.GetProperty("nationalId").GetString());
        Assert.Equal("13611112222", revealed.GetProperty("phone").GetString());

        var trail = await registry.Client.GetFromJsonAsync<JsonElement>($"/api/registry/v1/personal-data-reveals?workerId={workerId}");
        var record = Assert.Single(trail.GetProperty("items").EnumerateArray());
        Assert.Equal(CountyOfficer.Subject, record.GetProperty("revealedBy").GetString());
        Assert.Equal(CountyOfficer.Name, record.GetProperty("revealedByName").GetString());
        Assert.Equal("419921000000", record.GetProperty("revealedByDivision").GetString());
        Assert.Equal("Verifying identity at the bank for a guaranteed loan.", record.GetProperty("reason").GetString());
        Assert.Equal(["nationalId", "phone"], record.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.InRange(record.GetProperty("revealedAt").GetDateTimeOffset(), before, DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.Equal(revealed.GetProperty("auditId").GetGuid(), record.GetProperty("id").GetGuid());
        Assert.DoesNotContain(nationalId, trail.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("because")]
    public async Task A_reveal_without_a_real_reason_is_refused_and_nothing_is_shown(string? reason)
    {
        var workerId = await RegisterAsync(NationalIds.Next(), null);

        var response = await registry.ClientFor(CountyOfficer).PostAsJsonAsync($"/api/registry/v1/workers/{workerId}/personal-data/reveal", new { reason });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("reason", problem.ErrorFields());
        Assert.Equal(0L, await registry.Database.ScalarAsAdminAsync<long>(
            $"SELECT count(*) FROM registry.personal_data_reveals WHERE worker_id = '{workerId}'"));
    }

    [Fact]
    public async Task Lists_reads_and_changes_show_only_masked_numbers()
    {
        var nationalId = NationalIds.Next();
        var workerId = await RegisterAsync(nationalId, "13633334444");
        var read = await registry.Client.GetAsync($"/api/registry/v1/workers/{workerId}");
        var list = await registry.Client.GetStringAsync("/api/registry/v1/workers?limit=200");
        var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/registry/v1/workers/{workerId}") { Content = JsonContent.Create(new { phone = "13655556666" }) };
        patch.Headers.IfMatch.Add(read.Headers.ETag!);
        var changed = await registry.Client.SendAsync(patch);
        var changedBody = await changed.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        foreach (var body in new[] { await read.Content.ReadAsStringAsync(), list, changedBody })
        {
            Assert.DoesNotContain(nationalId, body, StringComparison.Ordinal);
            Assert.DoesNotContain("13633334444", body, StringComparison.Ordinal);
            Assert.DoesNotContain("13655556666", body, StringComparison.Ordinal);
        }

        Assert.Equal("136****6666", JsonDocument.Parse(changedBody).RootElement.GetProperty("phone").GetString());
    }

    [Fact]
    public async Task No_log_line_of_a_registration_contains_the_id_or_phone_number()
    {
        var capture = new LogCapture();
        await using var factory = registry.Factory.WithWebHostBuilder(host => host.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddFilter(_ => true);
            logging.AddProvider(capture);
        }));
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", registry.Tokens.TokenFor(Caller.CityAdmin()));
        var nationalId = NationalIds.Next();

        var created = await client.PostAsJsonAsync("/api/registry/v1/workers", new { nationalId, name = "日志者", phone = "13877778888", householdDivision = "419921101201" });
        var duplicate = await client.PostAsJsonAsync("/api/registry/v1/workers", new { nationalId, name = "日志者", phone = "13877778888", householdDivision = "419921101201" });
        var invalid = await client.PostAsJsonAsync("/api/registry/v1/workers", new { nationalId = nationalId[..17] + "Q", name = "日志者", phone = "13877778888", householdDivision = "419921101201" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var lines = capture.Lines;
        Assert.True(lines.Count > 10, $"Only {lines.Count} log lines were captured: capture is not working.");
        Assert.DoesNotContain(lines, line => line.Contains(nationalId[..17], StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("13877778888", StringComparison.Ordinal));
    }

    private async Task<Guid> RegisterAsync(string nationalId, string? phone)
    {
        var response = await registry.Client.PostAsJsonAsync("/api/registry/v1/workers", new { nationalId, name = "揭示者", phone, householdDivision = "419921101201" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
