using System.Text.Json;

namespace Homeward.Subsidy.Tests.Businesses;

internal static class BusinessRequests
{
    public static Dictionary<string, object?> Business(Guid founder, string? creditCode = null, string kind = "microEnterprise", int jobs = 3, string registeredOn = "2025-09-01") => new()
    {
        ["founderWorkerId"] = founder,
        ["name"] = "示范市返乡电商合作社",
        ["creditCode"] = creditCode ?? SubsidyApi.NewCreditCode(),
        ["kind"] = kind,
        ["sector"] = "F",
        ["registeredOn"] = registeredOn,
        ["jobsCreated"] = jobs,
    };

    public static async Task<JsonElement> RegisterBusinessAsync(this HttpClient client, Guid founder, string kind = "microEnterprise", int jobs = 3, string registeredOn = "2025-09-01") =>
        await client.PostJsonAsync($"{SubsidyApi.Root}/businesses", Business(founder, kind: kind, jobs: jobs, registeredOn: registeredOn));
}
