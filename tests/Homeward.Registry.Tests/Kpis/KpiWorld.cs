using System.Net.Http.Json;
using System.Text.Json;
using Homeward.Contracts.JobMatching;
using Homeward.Contracts.Subsidy;
using Homeward.Registry.Tests.Integration;
using Homeward.SharedKernel;

namespace Homeward.Registry.Tests.Kpis;

/// <summary>
/// A county with five workers whose figures are known: their statuses, education, certificates, recommendations,
/// placements through the platform and verifications; one of them registered and recommended long ago. A sixth
/// worker in another county must never count.
/// </summary>
public sealed class KpiWorld : IAsyncLifetime
{
    public const string County = "419923000000";
    public const string OtherCounty = "419924000000";
    public const string TownshipOfVillage2 = "419923102000";
    private const string Village1 = "419923101201";
    private const string Village2 = "419923102201";
    private const string OtherVillage = "419924101201";

    public static readonly DateOnly Today = TimeProvider.System.Today();

    public RegistryService Registry { get; } = new();

    public async Task InitializeAsync()
    {
        await Registry.InitializeAsync();
        var now = DateTimeOffset.UtcNow;
        var placedByPlatform = await RegisterAsync(Village1, "seekingWork", new { education = "juniorHigh" });
        var employedByStaffEntry = await RegisterAsync(Village1, "employedLocally", new { education = "primary", certificates = new[] { Certificate("C-1") } });
        var businessFounder = await RegisterAsync(Village1, "seekingWork", new { education = "seniorHigh" });
        var outsideLabourForce = await RegisterAsync(Village2, "notInLabourForce", new { certificates = new[] { Certificate("C-2") } });
        var longAgo = await RegisterAsync(Village2, "seekingWork", new { education = "bachelor" });
        var elsewhere = await RegisterAsync(OtherVillage, "seekingWork", new { education = "primary" });
        await Registry.Database.ExecuteAsAdminAsync(
            $"UPDATE registry.workers SET registered_at = '2024-06-01Z', updated_at = '2024-06-01Z' WHERE id = '{longAgo}'");

        using var events = new PlatformEventBus(Registry);
        foreach (var worker in new[] { placedByPlatform, employedByStaffEntry, businessFounder, outsideLabourForce, elsewhere })
        {
            await events.PublishAndWaitAsync(new WorkerRecommended(Guid.CreateVersion7(), now, Guid.CreateVersion7(), worker, Guid.CreateVersion7(), now.AddDays(-1)));
        }

        await events.PublishAndWaitAsync(Placed(placedByPlatform, Today.AddDays(1)));
        await events.PublishAndWaitAsync(Placed(outsideLabourForce, Today.AddDays(1)));
        await events.PublishAndWaitAsync(Placed(elsewhere, Today.AddDays(1)));
        await events.PublishAndWaitAsync(new BusinessRegistered(Guid.CreateVersion7(), now, Guid.CreateVersion7(), businessFounder, "91419923MA00000001", "individualBusiness", "A", Today.AddDays(2), 2));

        // Recommended in 2024, after a placement that started before the recommendation: not placed through it.
        await events.PublishAndWaitAsync(Placed(longAgo, new DateOnly(2024, 6, 1)));
        await events.PublishAndWaitAsync(new WorkerRecommended(Guid.CreateVersion7(), now, Guid.CreateVersion7(), longAgo, Guid.CreateVersion7(), new DateTimeOffset(2024, 6, 10, 8, 0, 0, TimeSpan.Zero)));

        await VerifyAsync(placedByPlatform, Village1, now.AddDays(-1), confirmed: true);
        await VerifyAsync(employedByStaffEntry, Village1, now.AddDays(-1), confirmed: true);
        await VerifyAsync(businessFounder, Village1, now.AddDays(-1), confirmed: true);
        await VerifyAsync(placedByPlatform, Village1, now.AddDays(-2), confirmed: false);
        await VerifyAsync(employedByStaffEntry, Village1, new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.Zero), confirmed: true);
        await VerifyAsync(elsewhere, OtherVillage, now.AddDays(-1), confirmed: false);
    }

    public Task DisposeAsync() => Registry.DisposeAsync();

    private static object Certificate(string number) =>
        new { number, kind = "skillLevel", tradeCode = "welder", level = "junior", issuer = "示范市职业技能鉴定中心", issuedOn = "2023-05-01" };

    private static WorkerPlaced Placed(Guid worker, DateOnly start) =>
        new(Guid.CreateVersion7(), DateTimeOffset.UtcNow, Guid.CreateVersion7(), worker, Guid.CreateVersion7(), null, null, false, null, null, "welder", 4500m, start);

    private async Task<Guid> RegisterAsync(string village, string status, object profile)
    {
        var body = JsonSerializer.SerializeToNode(profile, JsonSerializerOptions.Web)!.AsObject();
        body["nationalId"] = NationalIds.Next();
        body["name"] = "周敏";
        body["householdDivision"] = village;
        body["status"] = status;
        var response = await Registry.Client.PostAsJsonAsync("/api/registry/v1/workers", body);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, created.ToString());
        return created.GetProperty("id").GetGuid();
    }

    private Task VerifyAsync(Guid worker, string village, DateTimeOffset at, bool confirmed) =>
        Registry.Database.ExecuteAsAdminAsync(
            $"""
            INSERT INTO registry.verifications (id, worker_id, household_division, verified_at, verified_by, source, confirmed, corrected_fields)
            VALUES ('{Guid.CreateVersion7()}', '{worker}', '{village}', '{at:O}', 'tester', 'PhoneCall', {confirmed}, '{(confirmed ? "{}" : "{education}")}')
            """);
}
