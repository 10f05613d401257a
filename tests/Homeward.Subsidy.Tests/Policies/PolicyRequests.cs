using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Homeward.Subsidy.Tests.Policies;

/// <summary>Policies as a city administrator defines them in the tests.</summary>
internal static class PolicyRequests
{
    public const string OpenRule = """{"fact":"age","op":"ge","value":16}""";

    public static string NewCode(string prefix = "startup-subsidy") => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    public static JsonObject Policy(
        string? code = null,
        string kind = "startupSubsidy",
        string rule = OpenRule,
        decimal budget = 1_000_000m,
        decimal amount = 5000m,
        decimal perJob = 0m,
        decimal maximum = 20000m,
        string validFrom = "2020-01-01",
        string? validTo = null,
        JsonArray? documents = null) => new()
    {
        ["code"] = code ?? NewCode(),
        ["name"] = "返乡创业一次性补贴",
        ["kind"] = kind,
        ["eligibility"] = JsonNode.Parse(rule),
        ["amount"] = new JsonObject { ["base"] = amount, ["perJobCreated"] = perJob, ["maximum"] = maximum },
        ["documents"] = documents ?? new JsonArray(
            new JsonObject { ["code"] = "identity", ["title"] = "身份证明", ["platformVerifiable"] = true },
            new JsonObject { ["code"] = "businessLicense", ["title"] = "营业执照", ["platformVerifiable"] = true },
            new JsonObject { ["code"] = "premisesLease", ["title"] = "经营场所租赁合同", ["platformVerifiable"] = false }),
        ["annualBudget"] = budget,
        ["deadlines"] = new JsonObject { ["preReviewDays"] = 5, ["approvalDays"] = 10 },
        ["validFrom"] = validFrom,
        ["validTo"] = validTo,
    };

    public static async Task<JsonElement> DefineAsync(this HttpClient client, JsonObject policy) =>
        await client.PostJsonAsync($"{SubsidyApi.Root}/policies", policy);

    public static JsonObject WithoutCodeAndKind(JsonObject policy)
    {
        var copy = JsonNode.Parse(policy.ToJsonString())!.AsObject();
        copy.Remove("code");
        copy.Remove("kind");
        return copy;
    }

    public static HttpContent Json(JsonNode node) => JsonContent.Create(node);
}
