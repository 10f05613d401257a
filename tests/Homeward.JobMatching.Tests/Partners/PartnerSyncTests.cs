using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Domain.Common;
using Homeward.JobMatching.Domain.Matching;
using Homeward.JobMatching.Domain.Vacancies;
using Homeward.JobMatching.Infrastructure.Partners;
using Homeward.JobMatching.Infrastructure.Persistence;
using Homeward.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Homeward.JobMatching.Tests.Partners;

public sealed class PartnerSyncTests(JobMatchingService jobMatching) : IClassFixture<JobMatchingService>
{
    [Fact]
    public async Task A_put_creates_a_vacancy_a_replay_changes_nothing_and_a_change_needs_the_current_etag()
    {
        var beijing = PartnerApi.Client(jobMatching, "beijing");
        var enterprise = await PartnerApi.CreateEnterpriseAsync(jobMatching, "beijing");
        var path = $"{PartnerApi.Root}/vacancies/bj-{Guid.NewGuid():N}";
        var body = PartnerApi.Vacancy(enterprise);

        var created = await beijing.SendWithIfMatchAsync(HttpMethod.Put, path, body, null);
        var replayed = await beijing.SendWithIfMatchAsync(HttpMethod.Put, path, body, null);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Equal(created.Headers.ETag, replayed.Headers.ETag);
        var vacancy = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("C", vacancy.GetProperty("sector").GetString());
        Assert.Equal(enterprise, vacancy.GetProperty("enterpriseCreditCode").GetString());
        body["headcount"] = 8;
        await (await beijing.SendWithIfMatchAsync(HttpMethod.Put, path, body, null)).AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await beijing.SendWithIfMatchAsync(HttpMethod.Put, path, body, "\"1\"")).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var changed = await beijing.SendWithIfMatchAsync(HttpMethod.Put, path, body, created.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(created.Headers.ETag, changed.Headers.ETag);
        var (read, etag) = await beijing.ReadAsync(path);
        Assert.Equal(8, read.GetProperty("headcount").GetInt32());
        Assert.Equal(changed.Headers.ETag!.Tag, etag);
        var staffView = await jobMatching.Client.GetFromJsonAsync<JsonElement>($"{JobMatchingApi.Root}/vacancies/{read.GetProperty("vacancyId").GetGuid()}");
        Assert.Equal("beijing", staffView.GetProperty("partnerCity").GetString());
    }

    [Fact]
    public async Task A_partner_neither_sees_nor_changes_another_partners_vacancies_nor_uses_its_enterprises()
    {
        var beijing = PartnerApi.Client(jobMatching, "beijing");
        var tianjin = PartnerApi.Client(jobMatching, "tianjin");
        var beijingEnterprise = await PartnerApi.CreateEnterpriseAsync(jobMatching, "beijing");
        var externalId = $"shared-{Guid.NewGuid():N}";
        var path = $"{PartnerApi.Root}/vacancies/{externalId}";
        Assert.Equal(HttpStatusCode.Created, (await beijing.SendWithIfMatchAsync(HttpMethod.Put, path, PartnerApi.Vacancy(beijingEnterprise), null)).StatusCode);

        await (await tianjin.GetAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await tianjin.DeleteAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound);
        var unknown = await (await tianjin.SendWithIfMatchAsync(HttpMethod.Put, path, PartnerApi.Vacancy(beijingEnterprise), null))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("enterprise", unknown.GetRawText(), StringComparison.Ordinal);
        var batch = await tianjin.PostAsJsonAsync($"{PartnerApi.Root}/vacancies/batch", new { items = new[] { Item(externalId, beijingEnterprise) } });
        var result = (await batch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items")[0];
        Assert.Equal("rejected", result.GetProperty("result").GetString());
        Assert.Equal("enterprise-unknown", result.GetProperty("code").GetString());
        var feed = await tianjin.GetFromJsonAsync<JsonElement>($"{PartnerApi.Root}/feed?limit=1000");
        Assert.DoesNotContain(externalId, feed.GetRawText(), StringComparison.Ordinal);
        var (own, _) = await beijing.ReadAsync(path);
        Assert.Equal(5, own.GetProperty("headcount").GetInt32());
    }

    [Fact]
    public async Task A_batch_answers_per_item_and_replaying_it_changes_nothing()
    {
        var beijing = PartnerApi.Client(jobMatching, "beijing");
        var enterprise = await PartnerApi.CreateEnterpriseAsync(jobMatching, "beijing");
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var existing = $"{prefix}-existing";
        Assert.Equal(HttpStatusCode.OK, (await beijing.PostAsJsonAsync($"{PartnerApi.Root}/vacancies/batch", new { items = new[] { Item(existing, enterprise) } })).StatusCode);
        var invalid = Item($"{prefix}-invalid", enterprise);
        invalid["headcount"] = 0;
        invalid["tradeCode"] = "astronaut";
        var changed = Item(existing, enterprise);
        changed["title"] = "电子装配工（夜班）";
        var batch = new
        {
            items = new object?[]
            {
                Item($"{prefix}-new", enterprise), changed, invalid, Item($"{prefix}-new", enterprise), Item($"{prefix}-orphan", JobMatchingApi.NewCreditCode()), null,
            },
        };

        var first = await (await beijing.PostAsJsonAsync($"{PartnerApi.Root}/vacancies/batch", batch)).Content.ReadFromJsonAsync<JsonElement>();
        var cursor = (await beijing.GetFromJsonAsync<JsonElement>($"{PartnerApi.Root}/feed?limit=1000")).GetProperty("cursor").GetString();
        var replay = await (await beijing.PostAsJsonAsync($"{PartnerApi.Root}/vacancies/batch", batch)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(
            ["created", "updated", "rejected", "rejected", "rejected", "rejected"],
            first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("result").GetString()));
        Assert.Equal((1, 1, 0, 4), Counts(first));
        var rejectedInvalid = first.GetProperty("items")[2];
        Assert.Equal("invalid", rejectedInvalid.GetProperty("code").GetString());
        Assert.Superset(new HashSet<string> { "headcount", "tradeCode" }, rejectedInvalid.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToHashSet());
        Assert.Equal("duplicate-in-batch", first.GetProperty("items")[3].GetProperty("code").GetString());
        Assert.Equal("enterprise-unknown", first.GetProperty("items")[4].GetProperty("code").GetString());
        Assert.Equal(
            ["unchanged", "unchanged", "rejected", "rejected", "rejected", "rejected"],
            replay.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("result").GetString()));
        Assert.Equal(first.GetProperty("items")[0].GetProperty("version").GetUInt32(), replay.GetProperty("items")[0].GetProperty("version").GetUInt32());
        var after = await beijing.GetFromJsonAsync<JsonElement>($"{PartnerApi.Root}/feed?after={cursor}");
        Assert.Empty(after.GetProperty("items").EnumerateArray());
        Assert.Equal(cursor, after.GetProperty("cursor").GetString());
    }

    [Fact]
    public async Task A_vacancy_a_batch_creates_reads_back_with_every_term_and_the_version_the_batch_answered()
    {
        var beijing = PartnerApi.Client(jobMatching, "beijing");
        var enterprise = await PartnerApi.CreateEnterpriseAsync(jobMatching, "beijing");
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var detailed = Item($"{prefix}-detailed", enterprise);
        detailed["requiredCertificates"] = new[] { new { tradeCode = "electrician", level = "intermediate" } };
        detailed["minimumEducation"] = "juniorHigh";
        detailed["wageMin"] = 4800.50m;

        var report = await (await beijing.PostAsJsonAsync(
            $"{PartnerApi.Root}/vacancies/batch", new { items = new[] { detailed, Item($"{prefix}-plain", enterprise) } })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal((2, 0, 0, 0), Counts(report));
        var answered = report.GetProperty("items")[0];
        var (read, etag) = await beijing.ReadAsync($"{PartnerApi.Root}/vacancies/{prefix}-detailed");
        Assert.Equal($"\"{answered.GetProperty("version").GetUInt32()}\"", etag);
        Assert.Equal(answered.GetProperty("vacancyId").GetGuid(), read.GetProperty("vacancyId").GetGuid());
        Assert.Equal(
            """[{"tradeCode":"electrician","level":"intermediate"}]""",
            read.GetProperty("requiredCertificates").GetRawText().Replace(" ", string.Empty, StringComparison.Ordinal));
        Assert.Equal("juniorHigh", read.GetProperty("minimumEducation").GetString());
        Assert.Equal(4800.50m, read.GetProperty("wageMin").GetDecimal());
        Assert.Equal(("open", "C", 0, false), (read.GetProperty("status").GetString(), read.GetProperty("sector").GetString(), read.GetProperty("filled").GetInt32(), read.GetProperty("withdrawn").GetBoolean()));
        await using (var scope = jobMatching.Services.CreateAsyncScope())
        {
            // Matching ranks by the numbers a vacancy keeps beside its terms: the bulk insert must store them as the domain reckons them.
            var stored = await scope.ServiceProvider.GetRequiredService<JobMatchingDbContext>().Vacancies.AsNoTracking()
                .SingleAsync(v => v.Id == answered.GetProperty("vacancyId").GetGuid());
            Assert.Equal(((short)stored.RequiredLevel, (short?)EducationLevel.JuniorHigh, MatchKeys.WholeYuanAtLeast(stored.WageMax)), (stored.RequiredLevelNumber, stored.MinimumEducationNumber, stored.WageMaxYuan));
            Assert.Equal(MatchKeys.Required(stored.RequiredCertificates), stored.RequiredCertificateKeys);
            Assert.NotEmpty(stored.RequiredCertificateKeys);
        }

        var staffView = await jobMatching.Client.GetFromJsonAsync<JsonElement>($"{JobMatchingApi.Root}/vacancies/{read.GetProperty("vacancyId").GetGuid()}");
        Assert.Equal("beijing", staffView.GetProperty("partnerCity").GetString());
        var feed = await beijing.GetFromJsonAsync<JsonElement>($"{PartnerApi.Root}/feed?limit=1000");
        Assert.Single(feed.GetProperty("items").EnumerateArray(), i => i.GetProperty("externalId").GetString() == $"{prefix}-detailed");

        var replay = await (await beijing.PostAsJsonAsync($"{PartnerApi.Root}/vacancies/batch", new { items = new[] { detailed } })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 0, 1, 0), Counts(replay));
    }

    [Fact]
    public void A_bulk_insert_of_vacancies_writes_every_column_the_mapping_stores()
    {
        using var scope = jobMatching.Services.CreateScope();
        var vacancy = scope.ServiceProvider.GetRequiredService<JobMatchingDbContext>().Model.FindEntityType(typeof(Vacancy))!;
        var table = StoreObjectIdentifier.Table(vacancy.GetTableName()!, vacancy.GetSchema());

        var stored = vacancy.GetProperties().Select(p => p.GetColumnName(table)!).Where(column => column != "xmin");

        Assert.Equal(stored.Order(StringComparer.Ordinal), VacancyInsert.Columns.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_batch_item_with_a_stale_version_is_rejected_and_the_others_still_apply()
    {
        var beijing = PartnerApi.Client(jobMatching, "beijing");
        var enterprise = await PartnerApi.CreateEnterpriseAsync(jobMatching, "beijing");
        var id = $"v-{Guid.NewGuid():N}";
        var created = await (await beijing.PostAsJsonAsync($"{PartnerApi.Root}/vacancies/batch", new { items = new[] { Item(id, enterprise) } })).Content.ReadFromJsonAsync<JsonElement>();
        var version = created.GetProperty("items")[0].GetProperty("version").GetUInt32();
        var stale = Item(id, enterprise);
        stale["version"] = version + 1000;
        stale["headcount"] = 9;
        var current = Item(id + "-2", enterprise);

        var report = await (await beijing.PostAsJsonAsync($"{PartnerApi.Root}/vacancies/batch", new { items = new[] { stale, current } })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("version-mismatch", report.GetProperty("items")[0].GetProperty("code").GetString());
        Assert.Equal("created", report.GetProperty("items")[1].GetProperty("result").GetString());
        var (read, _) = await beijing.ReadAsync($"{PartnerApi.Root}/vacancies/{id}");
        Assert.Equal(5, read.GetProperty("headcount").GetInt32());
    }

    [Fact]
    public async Task A_batch_of_more_than_a_thousand_or_a_bad_external_id_is_a_validation_problem()
    {
        var beijing = PartnerApi.Client(jobMatching, "beijing");
        var items = Enumerable.Range(0, 1001).Select(i => new { externalId = $"x{i}" }).ToArray();

        var problem = await (await beijing.PostAsJsonAsync($"{PartnerApi.Root}/vacancies/batch", new { items })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var badId = await (await beijing.SendWithIfMatchAsync(HttpMethod.Put, $"{PartnerApi.Root}/vacancies/bad%20id", PartnerApi.Vacancy(JobMatchingApi.NewCreditCode()), null))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("items", problem.ErrorFields());
        Assert.Contains("externalId", badId.ErrorFields());
    }

    public static readonly TheoryData<string, string> PartnerRoutes = new()
    {
        { "PUT", "/vacancies/x" },
        { "GET", "/vacancies/x" },
        { "DELETE", "/vacancies/x" },
        { "POST", "/vacancies/batch" },
        { "GET", "/feed" },
        { "GET", "/workers" },
        { "GET", "/placements" },
        { "POST", $"/placements/{Guid.Empty}/reports" },
        { "GET", "/rights-cases" },
    };

    [Theory]
    [MemberData(nameof(PartnerRoutes))]
    public async Task Partner_routes_are_for_partner_clients_only(string method, string route)
    {
        var path = PartnerApi.Root + route;
        HttpRequestMessage Request() => new(new HttpMethod(method), path) { Content = method is "PUT" or "POST" ? JsonContent.Create(new { }) : null };

        await (await jobMatching.Anonymous.SendAsync(Request())).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await jobMatching.Client.SendAsync(Request())).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await jobMatching.ClientFor(Caller.App(Scopes.PartnerSync)).SendAsync(Request())).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await jobMatching.ClientFor(Caller.Partner("beijing") with { Scopes = [Scopes.JobMatchingRead] }).SendAsync(Request()))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    private static (int, int, int, int) Counts(JsonElement report) => (
        report.GetProperty("created").GetInt32(),
        report.GetProperty("updated").GetInt32(),
        report.GetProperty("unchanged").GetInt32(),
        report.GetProperty("rejected").GetInt32());

    private static Dictionary<string, object?> Item(string externalId, string enterprise)
    {
        var item = PartnerApi.Vacancy(enterprise);
        item["externalId"] = externalId;
        return item;
    }
}
