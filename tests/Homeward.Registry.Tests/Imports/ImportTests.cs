using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Testing;

namespace Homeward.Registry.Tests.Imports;

public sealed class ImportTests(RegistryService registry) : IClassFixture<RegistryService>
{
    private const string Village = "419921101201";
    private const string OtherTownshipVillage = "419921102201";

    [Fact]
    public async Task Broken_rows_are_reported_with_row_field_and_reason_and_every_other_row_is_imported()
    {
        var good = Enumerable.Range(0, 3).Select(_ => NationalIds.Next()).ToArray();
        var repeated = NationalIds.Next();
        var csv = Ledgers.Csv(
            Ledgers.Row(good[0], phone: "13812345678"),
            Ledgers.Row(NationalIds.WithWrongCheckCharacter(NationalIds.Next())),
            Ledgers.Row(good[1], name: "王芳", skills: "", status: "employedLocally"),
            Ledgers.Row(NationalIds.Next(), phone: "12345"),
            Ledgers.Row(NationalIds.Next(), skills: "welder:expert"),
            Ledgers.Row(NationalIds.Next(), village: "419921101299"),
            Ledgers.Row(repeated),
            Ledgers.Row(repeated, name: "李娜"),
            Ledgers.Row(NationalIds.Next(), status: "retired"),
            Ledgers.Row(good[2], trainingNeeds: "e-commerce", jobWhere: "city", jobMinWage: "4500", householdSize: "4"));

        var job = await Ledgers.ImportAsync(registry.Client, csv);

        Ledgers.AssertCounts(job, created: 4, rejected: 6);
        var errors = await Ledgers.ErrorsAsync(registry.Client, job);
        Assert.Equal(
            [(3, "nationalId"), (5, "phone"), (6, "skills"), (7, "householdDivision"), (9, "nationalId"), (10, "status")],
            errors.Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("field").GetString()!)).ToList());
        Assert.Contains("check character", errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("row 8", errors[4].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(4L, await CountWorkersAsync([.. good, repeated]));
        Assert.Equal(
            4L,
            await registry.Database.ScalarAsAdminAsync<long>(
                $"SELECT count(*) FROM registry.status_changes s JOIN registry.workers w ON w.id = s.worker_id WHERE s.source = 'LedgerImport' AND s.\"from\" IS NULL AND {MaskedIn([.. good, repeated])}"));
    }

    [Fact]
    public async Task New_workers_get_their_profile_and_a_WorkerRegistered_event_without_personal_numbers()
    {
        var nationalId = NationalIds.Next();
        var job = await Ledgers.ImportAsync(
            registry.Client,
            Ledgers.Csv(Ledgers.Row(nationalId, name: "赵磊", phone: "13900002222", trainingNeeds: "e-commerce", jobWhere: "partnerCities", jobMinWage: "5000", householdSize: "5")));
        Ledgers.AssertCounts(job, created: 1);

        var id = await registry.Database.ScalarAsAdminAsync<Guid>($"SELECT id FROM registry.workers WHERE {MaskedIn([nationalId])}");
        var worker = await registry.Client.GetFromJsonAsync<JsonElement>($"/api/registry/v1/workers/{id}");
        Assert.Equal("赵磊", worker.GetProperty("name").GetString());
        Assert.Equal("139****2222", worker.GetProperty("phone").GetString());
        Assert.Equal("juniorHigh", worker.GetProperty("education").GetString());
        Assert.Equal("welder", worker.GetProperty("skills")[0].GetProperty("tradeCode").GetString());
        Assert.Equal("intermediate", worker.GetProperty("skills")[0].GetProperty("level").GetString());
        Assert.Equal("partnerCities", worker.GetProperty("jobIntention").GetProperty("where").GetString());
        Assert.Equal(5, worker.GetProperty("family").GetProperty("householdSize").GetInt32());
        var payload = await registry.Database.ScalarAsAdminAsync<string>(
            $"SELECT payload::text FROM registry.outbox_messages WHERE type = 'urn:message:homeward:registry:worker-registered:v1' AND payload->>'workerId' = '{id}'");
        Assert.DoesNotContain(nationalId, payload, StringComparison.Ordinal);
        Assert.DoesNotContain("13900002222", payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Certificates_in_the_ledger_are_imported_as_self_reported_checked_as_the_form_checks_them_and_exported_back()
    {
        var certified = NationalIds.Next();
        var content = Encoding.UTF8.GetBytes(string.Join("\r\n",
            "nationalId,name,householdDivision,certificates",
            $"{certified},孙强,{Village},HG-2024-0012:skillLevel:welder:intermediate:2024-06-01:示范市人社局;AQ-77:specialOperation:::2023-03-15:应急管理局",
            $"{NationalIds.Next()},周明,{Village},HG-1:skillLevel:welder:expert:2024-06-01:示范市人社局",
            $"{NationalIds.Next()},吴勇,{Village},HG-2:skillLevel:welder:junior:2024-06-01",
            $"{NationalIds.Next()},郑涛,{Village},HG-3:skillLevel:baker:junior:2024-06-01:示范市人社局",
            $"{NationalIds.Next()},冯军,{Village},HG-4:skillLevel:welder:junior:2024-06-01:示范市人社局;HG-4:skillLevel:welder:junior:2024-06-01:示范市人社局") + "\r\n");

        var job = await Ledgers.ImportAsync(registry.Client, content);

        Ledgers.AssertCounts(job, created: 1, rejected: 4);
        var errors = await Ledgers.ErrorsAsync(registry.Client, job);
        Assert.Equal([(3, "certificates"), (4, "certificates"), (5, "certificates"), (6, "certificates")], errors.Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("field").GetString()!)).ToList());
        Assert.Contains("trade code", errors[2].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("already listed", errors[3].GetProperty("message").GetString(), StringComparison.Ordinal);

        var id = await registry.Database.ScalarAsAdminAsync<Guid>($"SELECT id FROM registry.workers WHERE {MaskedIn([certified])}");
        var certificates = (await registry.Client.GetFromJsonAsync<JsonElement>($"/api/registry/v1/workers/{id}")).GetProperty("certificates");
        Assert.Equal(
            [("HG-2024-0012", "skillLevel", "welder", "intermediate", "示范市人社局", "2024-06-01", false), ("AQ-77", "specialOperation", null, null, "应急管理局", "2023-03-15", false)],
            certificates.EnumerateArray().Select(c => (
                c.GetProperty("number").GetString()!, c.GetProperty("kind").GetString()!, c.GetProperty("tradeCode").GetString(), c.GetProperty("level").GetString(),
                c.GetProperty("issuer").GetString()!, c.GetProperty("issuedOn").GetString()!, c.GetProperty("verified").GetBoolean())).ToList());
        var export = await registry.Client.GetStringAsync($"/api/registry/v1/exports/workers?division={Village}");
        Assert.Contains("HG-2024-0012:skillLevel:welder:intermediate:2024-06-01:示范市人社局;AQ-77:specialOperation:::2023-03-15:应急管理局", export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_file_imported_twice_changes_nothing_the_second_time()
    {
        var ids = Enumerable.Range(0, 5).Select(_ => NationalIds.Next()).ToArray();
        var csv = Ledgers.Csv([.. ids.Select((id, i) => Ledgers.Row(id, phone: $"1380000{i:D4}", jobWhere: "city", householdSize: "3"))]);
        Ledgers.AssertCounts(await Ledgers.ImportAsync(registry.Client, csv), created: 5);
        var eventsBefore = await registry.Database.ScalarAsAdminAsync<long>("SELECT count(*) FROM registry.outbox_messages");
        var stateBefore = await WorkerStateAsync(ids);

        var second = await Ledgers.ImportAsync(registry.Client, csv);

        Ledgers.AssertCounts(second, unchanged: 5);
        Assert.Equal(eventsBefore, await registry.Database.ScalarAsAdminAsync<long>("SELECT count(*) FROM registry.outbox_messages"));
        Assert.Equal(stateBefore, await WorkerStateAsync(ids));
    }

    [Fact]
    public async Task An_xlsx_ledger_is_read_from_its_first_sheet()
    {
        var nationalId = NationalIds.Next();
        var xlsx = Ledgers.Xlsx(
            ["nationalId", "name", "phone", "householdDivision", "skills", "returnedOn", "returnReason"],
            new Dictionary<string, object?>
            {
                ["nationalId"] = nationalId,
                ["name"] = "陈静",
                ["phone"] = 13700002222d,
                ["householdDivision"] = Village,
                ["skills"] = "housekeeping:senior",
                ["returnedOn"] = new DateTime(2023, 11, 5),
                ["returnReason"] = "jobLoss",
            },
            new Dictionary<string, object?> { ["nationalId"] = "123", ["name"] = "刘洋", ["householdDivision"] = Village });

        var job = await Ledgers.ImportAsync(registry.Client, xlsx, "ledger.xlsx");

        Ledgers.AssertCounts(job, created: 1, rejected: 1);
        Assert.Equal("xlsx", job.GetProperty("format").GetString());
        var error = Assert.Single(await Ledgers.ErrorsAsync(registry.Client, job));
        Assert.Equal((3, "nationalId"), (error.GetProperty("row").GetInt32(), error.GetProperty("field").GetString()));
        Assert.Equal(
            "2023-11-05|JobLoss|137****2222",
            await registry.Database.ScalarAsAdminAsync<string>(
                $"SELECT returned_on::text || '|' || return_reason || '|' || phone_masked FROM registry.workers WHERE {MaskedIn([nationalId])}"));
    }

    [Fact]
    public async Task A_known_worker_is_updated_with_profile_and_status_events_and_a_status_history_entry()
    {
        var nationalId = NationalIds.Next();
        var registered = await registry.Client.PostAsJsonAsync("/api/registry/v1/workers", new { nationalId, name = "孙丽", householdDivision = Village });
        var id = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var job = await Ledgers.ImportAsync(
            registry.Client,
            Ledgers.Csv(Ledgers.Row(nationalId, name: "孙丽", skills: "electrician:senior", status: "employedLocally", phone: "13600003333")));

        Ledgers.AssertCounts(job, updated: 1);
        var worker = await registry.Client.GetFromJsonAsync<JsonElement>($"/api/registry/v1/workers/{id}");
        Assert.Equal("employedLocally", worker.GetProperty("status").GetString());
        Assert.Equal("senior", worker.GetProperty("skills")[0].GetProperty("level").GetString());
        Assert.Equal("136****3333", worker.GetProperty("phone").GetString());
        Assert.Equal(
            ["urn:message:homeward:registry:employment-status-changed:v1", "urn:message:homeward:registry:worker-profile-updated:v1"],
            await EventTypesAsync(id));
        Assert.Equal(
            "SeekingWork>EmployedLocally:LedgerImport",
            await registry.Database.ScalarAsAdminAsync<string>(
                $"SELECT \"from\" || '>' || \"to\" || ':' || source FROM registry.status_changes WHERE worker_id = '{id}' AND \"from\" IS NOT NULL"));
    }

    [Fact]
    public async Task A_status_change_the_rules_forbid_is_reported_and_the_row_writes_nothing()
    {
        var nationalId = NationalIds.Next();
        Ledgers.AssertCounts(await Ledgers.ImportAsync(registry.Client, Ledgers.Csv(Ledgers.Row(nationalId, status: "notInLabourForce"))), created: 1);

        var job = await Ledgers.ImportAsync(registry.Client, Ledgers.Csv(Ledgers.Row(nationalId, name: "周杰", status: "employedLocally")));

        Ledgers.AssertCounts(job, rejected: 1);
        Assert.Equal("status", Assert.Single(await Ledgers.ErrorsAsync(registry.Client, job)).GetProperty("field").GetString());
        Assert.Equal("张伟", await registry.Database.ScalarAsAdminAsync<string>($"SELECT name FROM registry.workers WHERE {MaskedIn([nationalId])}"));
    }

    [Fact]
    public async Task Rows_of_villages_outside_the_uploaders_division_and_workers_registered_outside_it_are_refused()
    {
        var elsewhere = NationalIds.Next();
        Ledgers.AssertCounts(await Ledgers.ImportAsync(registry.Client, Ledgers.Csv(Ledgers.Row(elsewhere, village: OtherTownshipVillage))), created: 1);
        var township = registry.ClientFor(Caller.Staff("419921101000", Roles.TownshipOfficer, Scopes.RegistryRead, Scopes.RegistryWrite));
        var inside = NationalIds.Next();
        var outside = NationalIds.Next();

        var job = await Ledgers.ImportAsync(
            township,
            Ledgers.Csv(
                Ledgers.Row(inside),
                Ledgers.Row(outside, village: OtherTownshipVillage),
                Ledgers.Row(elsewhere, name: "改名", village: Village)));

        Ledgers.AssertCounts(job, created: 1, rejected: 2);
        Assert.Equal("419921101000", job.GetProperty("scopeDivision").GetString());
        Assert.Equal(
            [(3, "householdDivision"), (4, "nationalId")],
            (await Ledgers.ErrorsAsync(township, job)).Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("field").GetString()!)).ToList());
        Assert.Equal(0L, await CountWorkersAsync([outside]));
        Assert.Equal(
            $"张伟|{OtherTownshipVillage}",
            await registry.Database.ScalarAsAdminAsync<string>($"SELECT name || '|' || household_division FROM registry.workers WHERE {MaskedIn([elsewhere])}"));
    }

    [Fact]
    public async Task An_import_is_visible_only_to_callers_whose_division_covers_it()
    {
        var collector = registry.ClientFor(Caller.Staff(Village, Roles.VillageCollector, Scopes.RegistryRead, Scopes.RegistryWrite));
        var job = await Ledgers.ImportAsync(collector, Ledgers.Csv(Ledgers.Row(NationalIds.Next())));
        var location = $"/api/registry/v1/imports/{job.GetProperty("id").GetGuid()}";
        var neighbour = registry.ClientFor(Caller.Staff("419921101202", Roles.VillageCollector, Scopes.RegistryRead, Scopes.RegistryWrite));
        var county = registry.ClientFor(Caller.Staff("419921000000", Roles.CountyOfficer, Scopes.RegistryRead));

        await (await neighbour.GetAsync(location)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await neighbour.GetAsync($"{location}/errors")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync(location)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await collector.GetAsync($"{location}/errors")).StatusCode);
    }

    [Fact]
    public async Task An_upload_over_50_MB_answers_413()
    {
        var response = await Ledgers.UploadAsync(registry.Client, new byte[(50 * 1024 * 1024) + 1]);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_file_that_is_neither_csv_nor_xlsx_or_a_body_that_is_not_a_form_answers_415()
    {
        var text = await Ledgers.UploadAsync(registry.Client, Encoding.UTF8.GetBytes("hello"), "ledger.txt");
        var json = await registry.Client.PostAsJsonAsync("/api/registry/v1/imports", new { file = "ledger.csv" });

        await text.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await json.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("name,phone\r\n张伟,13812345678\r\n", "ledger.csv")]
    [InlineData("not a workbook", "ledger.xlsx")]
    public async Task A_file_without_the_required_columns_or_not_of_its_format_answers_400_naming_the_file(string content, string fileName)
    {
        var response = await Ledgers.UploadAsync(registry.Client, Encoding.UTF8.GetBytes(content), fileName);

        Assert.Contains("file", (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task A_csv_that_is_not_utf8_answers_400()
    {
        var gbk = Encoding.Latin1.GetBytes("nationalId,name,householdDivision\r\n419921198001010011,\u00d5\u00c5\u00ce\u00b0,419921101201\r\n");

        var response = await Ledgers.UploadAsync(registry.Client, gbk);

        Assert.Contains("file", (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task A_csv_with_a_byte_order_mark_is_read()
    {
        var nationalId = NationalIds.Next();
        var csv = Ledgers.Csv(Ledgers.Row(nationalId));

        var job = await Ledgers.ImportAsync(registry.Client, [0xEF, 0xBB, 0xBF, .. csv]);

        Ledgers.AssertCounts(job, created: 1);
    }

    [Fact]
    public async Task An_upload_repeated_with_the_same_idempotency_key_queues_one_job()
    {
        var csv = Ledgers.Csv(Ledgers.Row(NationalIds.Next()));
        var key = Guid.NewGuid().ToString();

        var first = await Ledgers.UploadAsync(registry.Client, csv, idempotencyKey: key);
        var replay = await Ledgers.UploadAsync(registry.Client, csv, idempotencyKey: key);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
    }

    private async Task<long> CountWorkersAsync(IReadOnlyList<string> nationalIds) =>
        await registry.Database.ScalarAsAdminAsync<long>($"SELECT count(*) FROM registry.workers WHERE {MaskedIn(nationalIds)}");

    private async Task<string> WorkerStateAsync(IReadOnlyList<string> nationalIds) =>
        await registry.Database.ScalarAsAdminAsync<string>(
            $"SELECT string_agg(id::text || xmin::text || updated_at::text, ',' ORDER BY id) FROM registry.workers WHERE {MaskedIn(nationalIds)}");

    private async Task<List<string>> EventTypesAsync(Guid workerId)
    {
        var types = await registry.Database.ScalarAsAdminAsync<string>(
            $"SELECT string_agg(type, ',' ORDER BY type) FROM registry.outbox_messages WHERE payload->>'workerId' = '{workerId}' AND type <> 'urn:message:homeward:registry:worker-registered:v1'");
        return [.. types.Split(',')];
    }

    private static string MaskedIn(IReadOnlyList<string> nationalIds) =>
        $"national_id_masked IN ({string.Join(", ", nationalIds.Select(id => $"'{Ledgers.Masked(id)}'"))})";
}
