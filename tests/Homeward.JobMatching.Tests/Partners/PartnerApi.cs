using System.Net;
using System.Net.Http.Json;

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

    /// <summary>Registers the partner city unless an earlier test of the class did.</summary>
    public static async Task EnsurePartnerCityAsync(JobMatchingService jobMatching, string partnerCity)
    {
        var response = await jobMatching.Client.PostAsJsonAsync($"{JobMatchingApi.Root}/partner-cities", new { id = partnerCity, name = partnerCity });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await response.Content.ReadAsStringAsync());
    }
}
