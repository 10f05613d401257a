using System.Net;
using System.Net.Http.Json;
using Homeward.SharedKernel;
using Homeward.Testing;

namespace Homeward.JobMatching.Tests.Partners;

/// <summary>Partner cities and their enterprises, as the partner tests need them.</summary>
internal static class PartnerApi
{
    public const string Root = JobMatchingApi.Root + "/partner";

    public static object Enterprise(string partnerCity, string industry = "C", string? creditCode = null) => new
    {
        name = $"{partnerCity}协作企业",
        creditCode = creditCode ?? JobMatchingApi.NewCreditCode(),
        locality = "partnerCity",
        partnerCity,
        industry,
        size = "large",
    };

    public static Dictionary<string, object?> Vacancy(string enterpriseCreditCode, string title = "电子装配工", int headcount = 5, string tradeCode = "electrician") => new()
    {
        ["enterpriseCreditCode"] = enterpriseCreditCode,
        ["title"] = title,
        ["tradeCode"] = tradeCode,
        ["requiredLevel"] = "junior",
        ["headcount"] = headcount,
        ["wageMin"] = 4500m,
        ["wageMax"] = 6500m,
        ["accommodation"] = true,
        ["validThrough"] = TimeProvider.System.Today().AddDays(60).ToString("yyyy-MM-dd"),
    };

    /// <summary>An enterprise of the partner city on record (recorded by a city office), by its credit code.</summary>
    public static async Task<string> CreateEnterpriseAsync(JobMatchingService jobMatching, string partnerCity, string industry = "C")
    {
        var creditCode = JobMatchingApi.NewCreditCode();
        await jobMatching.Client.CreateEmployerAsync(Enterprise(partnerCity, industry, creditCode));
        return creditCode;
    }

    /// <summary>Registers the partner city unless an earlier test of the class did.</summary>
    public static async Task EnsurePartnerCityAsync(JobMatchingService jobMatching, string partnerCity)
    {
        var response = await jobMatching.Client.PostAsJsonAsync($"{JobMatchingApi.Root}/partner-cities", new { id = partnerCity, name = partnerCity });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await response.Content.ReadAsStringAsync());
    }

    public static HttpClient Client(JobMatchingService jobMatching, string partnerCity) => jobMatching.ClientFor(Caller.Partner(partnerCity));
}
