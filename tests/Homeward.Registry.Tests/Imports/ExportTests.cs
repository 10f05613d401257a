using System.Net;
using System.Text;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Testing;
using MiniExcelLibs;
using Sylvan.Data.Csv;

namespace Homeward.Registry.Tests.Imports;

public sealed class ExportTests(RegistryService registry) : IClassFixture<RegistryService>
{
    private const string Village = "419921103201";
    private const string OtherVillage = "419921104201";

    [Fact]
    public async Task An_export_masks_national_id_and_phone_and_holds_only_the_callers_division()
    {
        var inside = NationalIds.Next();
        var outside = NationalIds.Next();
        Ledgers.AssertCounts(
            await Ledgers.ImportAsync(registry.Client, Ledgers.Csv(Ledgers.Row(inside, phone: "13812340001", village: Village), Ledgers.Row(outside, phone: "13812340002", village: OtherVillage))),
            created: 2);
        var township = registry.ClientFor(Caller.Staff("419921103000", Roles.TownshipOfficer, Scopes.RegistryRead));

        var response = await township.GetAsync("/api/registry/v1/exports/workers");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(inside, text, StringComparison.Ordinal);
        Assert.DoesNotContain("13812340001", text, StringComparison.Ordinal);
        var rows = ReadCsv(text);
        Assert.All(rows, r => Assert.StartsWith("419921103", r["householdDivision"], StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r["nationalId"] == Ledgers.Masked(outside));
        var row = Assert.Single(rows, r => r["nationalId"] == Ledgers.Masked(inside));
        Assert.Equal("138****0001", row["phone"]);
        Assert.Equal("welder:intermediate;electrician:junior", row["skills"]);
        Assert.Equal("seekingWork", row["status"]);
    }

    [Fact]
    public async Task An_export_of_a_division_outside_the_callers_is_empty()
    {
        Ledgers.AssertCounts(await Ledgers.ImportAsync(registry.Client, Ledgers.Csv(Ledgers.Row(NationalIds.Next(), village: OtherVillage))), created: 1);
        var township = registry.ClientFor(Caller.Staff("419921103000", Roles.TownshipOfficer, Scopes.RegistryRead));

        var text = await township.GetStringAsync($"/api/registry/v1/exports/workers?division={OtherVillage}");

        Assert.Empty(ReadCsv(text));
    }

    [Fact]
    public async Task An_exported_file_imported_again_changes_nothing_and_an_edited_one_changes_only_the_edit()
    {
        var nationalIds = Enumerable.Range(0, 3).Select(_ => NationalIds.Next()).ToArray();
        const string village = "419921103202";
        Ledgers.AssertCounts(
            await Ledgers.ImportAsync(registry.Client, Ledgers.Csv([.. nationalIds.Select((id, i) => Ledgers.Row(id, phone: $"1391111000{i}", village: village, jobWhere: "city", jobMinWage: "4200.50", householdSize: "4"))])),
            created: 3);
        var exported = await registry.Client.GetByteArrayAsync($"/api/registry/v1/exports/workers?division={village}");

        Ledgers.AssertCounts(await Ledgers.ImportAsync(registry.Client, exported), unchanged: 3);

        var edited = Encoding.UTF8.GetString(exported).Replace("juniorHigh", "seniorHigh", StringComparison.Ordinal);
        Ledgers.AssertCounts(await Ledgers.ImportAsync(registry.Client, Encoding.UTF8.GetBytes(edited)), updated: 3);
        Assert.Equal(
            3L,
            await registry.Database.ScalarAsAdminAsync<long>($"SELECT count(*) FROM registry.workers WHERE household_division = '{village}' AND education = 'SeniorHigh' AND phone_masked LIKE '139****000_'"));
    }

    [Fact]
    public async Task A_masked_phone_that_is_not_the_number_on_record_is_refused()
    {
        var nationalId = NationalIds.Next();
        Ledgers.AssertCounts(await Ledgers.ImportAsync(registry.Client, Ledgers.Csv(Ledgers.Row(nationalId, phone: "13722223333", village: "419921103204"))), created: 1);

        var job = await Ledgers.ImportAsync(registry.Client, Ledgers.Csv(Ledgers.Row(nationalId, phone: "137****9999", village: "419921103204")));

        Ledgers.AssertCounts(job, rejected: 1);
        Assert.Equal("phone", Assert.Single(await Ledgers.ErrorsAsync(registry.Client, job)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task An_xlsx_export_is_a_workbook_with_the_ledger_columns()
    {
        var nationalId = NationalIds.Next();
        Ledgers.AssertCounts(await Ledgers.ImportAsync(registry.Client, Ledgers.Csv(Ledgers.Row(nationalId, phone: "13544445555", village: "419921103203"))), created: 1);

        var response = await registry.Client.GetAsync("/api/registry/v1/exports/workers?division=419921103203&format=xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var row = Assert.Single(workbook.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>());
        Assert.Equal(Ledgers.Masked(nationalId), row["nationalId"]);
        Assert.Equal("135****5555", row["phone"]);
    }

    [Fact]
    public async Task An_unknown_export_format_answers_400()
    {
        var response = await registry.Client.GetAsync("/api/registry/v1/exports/workers?format=pdf");

        Assert.Contains("format", (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    private static List<Dictionary<string, string>> ReadCsv(string text)
    {
        using var csv = CsvDataReader.Create(new StringReader(text.TrimStart('\uFEFF')));
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(Enumerable.Range(0, csv.FieldCount).ToDictionary(csv.GetName, csv.GetString));
        }

        return rows;
    }
}
