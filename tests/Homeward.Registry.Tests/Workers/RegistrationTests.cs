using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Homeward.Testing;

namespace Homeward.Registry.Tests.Workers;

public sealed class RegistrationTests(RegistryService registry) : IClassFixture<RegistryService>
{
    private const string Village = "419921101201";

    [Fact]
    public async Task Registering_a_worker_answers_201_with_location_etag_and_masked_personal_data()
    {
        var nationalId = NationalIds.Next();

        var response = await RegisterAsync(nationalId, "张伟", "13812345678");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var worker = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = worker.GetProperty("id").GetGuid();
        Assert.Equal($"/api/registry/v1/workers/{id}", response.Headers.Location?.ToString());
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal($"{nationalId[..6]}********{nationalId[14..]}", worker.GetProperty("nationalId").GetString());
        Assert.Equal("138****5678", worker.GetProperty("phone").GetString());
        Assert.Equal(Village, worker.GetProperty("householdDivision").GetString());
        Assert.DoesNotContain(nationalId, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var read = await registry.Client.GetAsync($"/api/registry/v1/workers/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(response.Headers.ETag, read.Headers.ETag);
    }

    [Fact]
    public async Task Birth_date_and_gender_are_derived_from_the_national_id()
    {
        var nationalId = "419921198803150038"[..17];
        nationalId += Homeward.SharedKernel.Identity.NationalId.ComputeCheckCharacter(nationalId);

        var worker = await (await RegisterAsync(nationalId, "刘洋")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("1988-03-15", worker.GetProperty("birthDate").GetString());
        Assert.Equal("male", worker.GetProperty("gender").GetString());
    }

    [Fact]
    public async Task The_worker_and_its_WorkerRegistered_event_are_stored_together_without_the_id_number_or_phone_in_the_event()
    {
        var nationalId = NationalIds.Next();
        var worker = await (await RegisterAsync(nationalId, "王芳", "13900001111")).Content.ReadFromJsonAsync<JsonElement>();
        var id = worker.GetProperty("id").GetGuid();

        var payload = await registry.Database.ScalarAsAdminAsync<string>(
            $"SELECT payload::text FROM registry.outbox_messages WHERE payload->>'workerId' = '{id}'");

        Assert.Equal(1L, await registry.Database.ScalarAsAdminAsync<long>($"SELECT count(*) FROM registry.workers WHERE id = '{id}'"));
        Assert.Equal(
            "urn:message:homeward:registry:worker-registered:v1",
            await registry.Database.ScalarAsAdminAsync<string>($"SELECT type FROM registry.outbox_messages WHERE payload->>'workerId' = '{id}'"));
        Assert.DoesNotContain(nationalId, payload, StringComparison.Ordinal);
        Assert.DoesNotContain("13900001111", payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_database_holds_no_plaintext_national_id_or_phone()
    {
        var nationalId = NationalIds.Next();
        var worker = await (await RegisterAsync(nationalId, "陈静", "13700002222")).Content.ReadFromJsonAsync<JsonElement>();

        var row = await registry.Database.ScalarAsAdminAsync<string>(
            $"SELECT w::text FROM registry.workers w WHERE id = '{worker.GetProperty("id").GetGuid()}'");

        Assert.DoesNotContain(nationalId, row, StringComparison.Ordinal);
        Assert.DoesNotContain(nationalId[6..14], row, StringComparison.Ordinal);
        Assert.DoesNotContain("13700002222", row, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("41992119900101123", "nationalId")]
    [InlineData("4199211990010112345", "nationalId")]
    [InlineData("99992119900101123X", "nationalId")]
    [InlineData("41992119900230123X", "nationalId")]
    [InlineData("41992120990101123X", "nationalId")]
    [InlineData("4199211990010112AX", "nationalId")]
    public async Task An_invalid_national_id_answers_400_naming_the_field(string nationalId, string field)
    {
        var response = await RegisterAsync(nationalId, "张伟");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.ErrorFields());
    }

    [Fact]
    public async Task A_wrong_check_character_answers_400_with_the_reason()
    {
        var response = await RegisterAsync(NationalIds.WithWrongCheckCharacter(NationalIds.Next()), "张伟");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("check character", problem.GetProperty("errors").GetProperty("nationalId")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_invalid_field_is_reported_at_once()
    {
        var response = await registry.Client.PostAsJsonAsync("/api/registry/v1/workers", new
        {
            nationalId = "123",
            name = "X1",
            phone = "12345",
            householdDivision = "419921101000",
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["householdDivision", "name", "nationalId", "phone"], problem.ErrorFields().Order());
    }

    [Fact]
    public async Task A_retired_or_unknown_village_is_refused()
    {
        var retired = await RegisterAsync(NationalIds.Next(), "赵磊", division: "419921101206");
        var unknown = await RegisterAsync(NationalIds.Next(), "赵磊", division: "419921101299");

        Assert.Contains("householdDivision", (await retired.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Contains("householdDivision", (await unknown.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task Registering_a_known_national_id_answers_409_pointing_to_the_existing_record()
    {
        var nationalId = NationalIds.Next();
        var first = await RegisterAsync(nationalId, "孙丽");

        var second = await RegisterAsync(nationalId, "孙丽");

        var problem = await second.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("worker-already-registered", problem.GetProperty("code").GetString());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(first.Headers.Location?.ToString(), problem.GetProperty("existing").GetString());
    }

    [Fact]
    public async Task Concurrent_registrations_of_one_person_create_one_record()
    {
        var nationalId = NationalIds.Next();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => RegisterAsync(nationalId, "周杰")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1L, await registry.Database.ScalarAsAdminAsync<long>(
            $"SELECT count(*) FROM registry.workers WHERE national_id_masked = '{nationalId[..6]}********{nationalId[14..]}'"));
    }

    [Fact]
    public async Task A_failure_after_the_insert_leaves_neither_the_worker_nor_its_event()
    {
        var nationalId = NationalIds.Next();
        var eventsBefore = await registry.Database.ScalarAsAdminAsync<long>("SELECT count(*) FROM registry.outbox_messages");
        await registry.Database.ExecuteAsAdminAsync(
            """
            CREATE OR REPLACE FUNCTION registry.fail_after_insert() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN RAISE EXCEPTION 'forced failure after the insert'; END $$;
            CREATE TRIGGER fail_after_insert AFTER INSERT ON registry.outbox_messages
                FOR EACH ROW EXECUTE FUNCTION registry.fail_after_insert();
            """);
        try
        {
            var response = await RegisterAsync(nationalId, "吴敏");

            var problem = await response.AssertProblemAsync(HttpStatusCode.InternalServerError);
            Assert.DoesNotContain("forced failure", problem.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await registry.Database.ExecuteAsAdminAsync("DROP TRIGGER fail_after_insert ON registry.outbox_messages");
        }

        Assert.Equal(0L, await registry.Database.ScalarAsAdminAsync<long>(
            $"SELECT count(*) FROM registry.workers WHERE national_id_masked = '{nationalId[..6]}********{nationalId[14..]}'"));
        Assert.Equal(eventsBefore, await registry.Database.ScalarAsAdminAsync<long>("SELECT count(*) FROM registry.outbox_messages"));
    }

    [Fact]
    public async Task Reading_an_unknown_worker_answers_404_problem()
    {
        var response = await registry.Client.GetAsync($"/api/registry/v1/workers/{Guid.NewGuid()}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private Task<HttpResponseMessage> RegisterAsync(string nationalId, string name, string? phone = null, string division = Village) =>
        registry.Client.PostAsync(
            "/api/registry/v1/workers",
            new StringContent(
                JsonSerializer.Serialize(new { nationalId, name, phone, householdDivision = division }),
                Encoding.UTF8,
                "application/json"));
}
