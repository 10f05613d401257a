using System.Net.Http.Json;
using System.Text.Json;

namespace Homeward.Registry.Tests.Search;

/// <summary>A registry with a known set of workers to search: names alike in characters or sound, in two counties.</summary>
public sealed class SearchWorld : IAsyncLifetime
{
    public const string CountyA = "419921000000";
    public const string CountyB = "419922000000";
    public const string VillageA1 = "419921101201";
    public const string VillageA2 = "419921101202";
    public const string VillageA3 = "419921102201";
    public const string VillageB = "419922101201";

    private readonly Dictionary<string, (Guid Id, string NationalId)> _workers = [];

    public RegistryService Registry { get; } = new();

    public Guid this[string key] => _workers[key].Id;

    public string NationalIdOf(string key) => _workers[key].NationalId;

    public async Task InitializeAsync()
    {
        await Registry.InitializeAsync();
        await RegisterAsync("张伟", "张伟", VillageA1, "seekingWork", new
        {
            phone = "13800138001",
            education = "juniorHigh",
            skills = new[] { new { tradeCode = "welder", level = "intermediate" } },
            jobIntention = Intention("city", "welder"),
            @return = new { returnedOn = "2025-03-01", reason = "familyCare" },
        });
        await RegisterAsync("张玮", "张玮", VillageA2, "employedLocally", new
        {
            education = "seniorHigh",
            skills = new[] { new { tradeCode = "welder", level = "junior" } },
            jobIntention = Intention("homeCounty", "electrician"),
            @return = new { returnedOn = "2025-06-15", reason = "jobLoss" },
        });
        await RegisterAsync("章伟", "章伟", VillageA3, "seekingWork", new
        {
            education = "primary",
            skills = new[] { new { tradeCode = "electrician", level = "senior" } },
            jobIntention = Intention("anywhere", "welder"),
            @return = new { returnedOn = "2024-11-20", reason = "familyCare" },
        });
        await RegisterAsync("张伟明", "张伟明", VillageA1, "inTraining", new { });
        await RegisterAsync("王伟", "王伟", VillageA1, "seekingWork", new { });
        await RegisterAsync("李娜", "李娜", VillageA3, "employedElsewhere", new { education = "bachelor", phone = "13900139002" });
        await RegisterAsync("张伟 in county B", "张伟", VillageB, "seekingWork", new { });
    }

    public Task DisposeAsync() => Registry.DisposeAsync();

    private static object Intention(string where, string trade) =>
        new { trades = new[] { trade }, where, busyMonths = Array.Empty<object>(), mustStayNearFamily = false };

    private async Task RegisterAsync(string key, string name, string village, string status, object profile)
    {
        var nationalId = NationalIds.Next();
        var body = JsonSerializer.SerializeToNode(profile, JsonSerializerOptions.Web)!.AsObject();
        body["nationalId"] = nationalId;
        body["name"] = name;
        body["householdDivision"] = village;
        body["status"] = status;
        var response = await Registry.Client.PostAsJsonAsync("/api/registry/v1/workers", body);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, created.ToString());
        _workers[key] = (created.GetProperty("id").GetGuid(), nationalId);
    }
}
