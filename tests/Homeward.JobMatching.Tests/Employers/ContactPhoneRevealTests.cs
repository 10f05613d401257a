using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Homeward.JobMatching.Tests.Employers;

/// <summary>An employer contact's full phone number leaves the service only through the audited reveal of the office that looks after the employer.</summary>
public sealed class ContactPhoneRevealTests(JobMatchingService jobMatching) : IClassFixture<JobMatchingService>
{
    private const string CountyA = "419921000000";
    private const string CountyB = "419922000000";
    private const string Phone = "13812345678";
    private const string Reason = "Arranging interviews for three welders next week.";

    private static readonly Caller CountyOfficerA =
        Caller.Staff(CountyA, Roles.CountyOfficer, Scopes.JobMatchingRead, Scopes.JobMatchingWrite, Scopes.JobMatchingReveal);

    [Fact]
    public async Task A_reveal_shows_the_full_number_and_records_who_from_which_office_which_contact_when_and_why()
    {
        var (employerId, contactId) = await EmployerInCountyAAsync();
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        var response = await jobMatching.ClientFor(CountyOfficerA).PostAsJsonAsync(RevealPath(employerId, contactId), new { reason = Reason });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var revealed = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Phone, revealed.GetProperty("phone").GetString());
        Assert.Equal("刘经理", revealed.GetProperty("name").GetString());
        Assert.Equal(contactId, revealed.GetProperty("contactId").GetGuid());

        var auditor = jobMatching.ClientFor(Caller.Staff(CountyA, Roles.Auditor, Scopes.JobMatchingRead));
        var trail = await auditor.GetFromJsonAsync<JsonElement>($"{JobMatchingApi.Root}/personal-data-reveals?employerId={employerId}");
        var record = Assert.Single(trail.GetProperty("items").EnumerateArray());
        Assert.Equal(revealed.GetProperty("auditId").GetGuid(), record.GetProperty("id").GetGuid());
        Assert.Equal(employerId, record.GetProperty("employerId").GetGuid());
        Assert.Equal(contactId, record.GetProperty("contactId").GetGuid());
        Assert.Equal(CountyOfficerA.Subject, record.GetProperty("revealedBy").GetString());
        Assert.Equal(CountyOfficerA.Name, record.GetProperty("revealedByName").GetString());
        Assert.Equal(CountyA, record.GetProperty("revealedByDivision").GetString());
        Assert.Equal(Reason, record.GetProperty("reason").GetString());
        Assert.InRange(record.GetProperty("revealedAt").GetDateTimeOffset(), before, DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.DoesNotContain(Phone, trail.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(1L, await RevealsRecordedAsync(employerId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("because")]
    public async Task A_reveal_without_a_real_reason_is_refused_and_nothing_is_shown_or_recorded(string? reason)
    {
        var (employerId, contactId) = await EmployerInCountyAAsync();

        var response = await jobMatching.ClientFor(CountyOfficerA).PostAsJsonAsync(RevealPath(employerId, contactId), new { reason });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("reason", problem.ErrorFields());
        Assert.DoesNotContain(Phone, problem.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(0L, await RevealsRecordedAsync(employerId));
    }

    [Fact]
    public async Task A_reveal_needs_the_reveal_scope_and_a_city_or_county_office()
    {
        var (employerId, contactId) = await EmployerInCountyAAsync();
        var withoutScope = Caller.Staff(CountyA, Roles.CountyOfficer, Scopes.JobMatchingRead, Scopes.JobMatchingWrite);
        var township = Caller.Staff("419921101000", Roles.TownshipOfficer, Scopes.JobMatchingRead, Scopes.JobMatchingWrite, Scopes.JobMatchingReveal);
        var app = Caller.App(Scopes.JobMatchingRead, Scopes.JobMatchingReveal);

        foreach (var caller in new[] { withoutScope, township, app })
        {
            var response = await jobMatching.ClientFor(caller).PostAsJsonAsync(RevealPath(employerId, contactId), new { reason = Reason });
            var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
            Assert.DoesNotContain(Phone, problem.GetRawText(), StringComparison.Ordinal);
        }

        await (await jobMatching.Anonymous.PostAsJsonAsync(RevealPath(employerId, contactId), new { reason = Reason })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(0L, await RevealsRecordedAsync(employerId));
    }

    [Fact]
    public async Task A_contact_of_an_employer_outside_the_callers_division_is_404_and_nothing_is_recorded()
    {
        var (employerId, contactId) = await EmployerInCountyAAsync();
        var countyB = Caller.Staff(CountyB, Roles.CountyOfficer, Scopes.JobMatchingRead, Scopes.JobMatchingWrite, Scopes.JobMatchingReveal);

        var outside = await jobMatching.ClientFor(countyB).PostAsJsonAsync(RevealPath(employerId, contactId), new { reason = Reason });
        var unknownContact = await jobMatching.ClientFor(CountyOfficerA).PostAsJsonAsync(RevealPath(employerId, Guid.NewGuid()), new { reason = Reason });

        Assert.DoesNotContain(Phone, (await outside.AssertProblemAsync(HttpStatusCode.NotFound)).GetRawText(), StringComparison.Ordinal);
        await unknownContact.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0L, await RevealsRecordedAsync(employerId));
    }

    [Fact]
    public async Task The_audit_trail_is_for_auditors_and_city_administrators_and_only_of_their_divisions_employers()
    {
        var (employerId, contactId) = await EmployerInCountyAAsync();
        var revealed = await jobMatching.ClientFor(CountyOfficerA).PostAsJsonAsync(RevealPath(employerId, contactId), new { reason = Reason });
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        var path = $"{JobMatchingApi.Root}/personal-data-reveals?employerId={employerId}";

        await (await jobMatching.ClientFor(CountyOfficerA).GetAsync(path)).AssertProblemAsync(HttpStatusCode.Forbidden);
        var auditorB = await jobMatching.ClientFor(Caller.Staff(CountyB, Roles.Auditor, Scopes.JobMatchingRead)).GetFromJsonAsync<JsonElement>(path);
        Assert.Equal(0, auditorB.GetProperty("items").GetArrayLength());
        var cityAdmin = await jobMatching.Client.GetFromJsonAsync<JsonElement>(path);
        Assert.Single(cityAdmin.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task No_log_line_of_a_reveal_contains_the_phone_number()
    {
        var capture = new LogCapture();
        await using var factory = jobMatching.Factory.WithWebHostBuilder(host => host.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddFilter(_ => true);
            logging.AddProvider(capture);
        }));
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", jobMatching.Tokens.TokenFor(CountyOfficerA));
        var (employerId, contactId) = await EmployerInCountyAAsync(client);

        var revealed = await client.PostAsJsonAsync(RevealPath(employerId, contactId), new { reason = Reason });
        var refused = await client.PostAsJsonAsync(RevealPath(employerId, contactId), new { reason = "short" });

        Assert.Equal(Phone, (await revealed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phone").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var lines = capture.Lines;
        Assert.True(lines.Count > 10, $"Only {lines.Count} log lines were captured: capture is not working.");
        Assert.DoesNotContain(lines, line => line.Contains(Phone, StringComparison.Ordinal));
    }

    private static string RevealPath(Guid employerId, Guid contactId) =>
        $"{JobMatchingApi.Root}/employers/{employerId}/contacts/{contactId}/phone/reveal";

    private async Task<(Guid EmployerId, Guid ContactId)> EmployerInCountyAAsync(HttpClient? client = null)
    {
        var employer = await (client ?? jobMatching.ClientFor(CountyOfficerA)).CreateEmployerAsync(JobMatchingApi.LocalEmployer("419921101201"));
        var contact = Assert.Single(employer.GetProperty("contacts").EnumerateArray());
        Assert.Equal("138****5678", contact.GetProperty("phone").GetString());
        return (employer.GetProperty("id").GetGuid(), contact.GetProperty("id").GetGuid());
    }

    private Task<long> RevealsRecordedAsync(Guid employerId) =>
        jobMatching.Database.ScalarAsAdminAsync<long>($"SELECT count(*) FROM jobmatching.personal_data_reveals WHERE employer_id = '{employerId}'");
}
