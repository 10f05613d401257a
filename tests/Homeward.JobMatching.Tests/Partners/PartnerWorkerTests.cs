using System.Net.Http.Json;
using System.Text.Json;
using Homeward.JobMatching.Tests.Candidates;

namespace Homeward.JobMatching.Tests.Partners;

public sealed class PartnerWorkerTests(JobMatchingService jobMatching) : IClassFixture<JobMatchingService>
{
    [Fact]
    public async Task A_partner_sees_only_workers_seeking_work_in_partner_cities_and_never_a_personal_field()
    {
        var anywhere = await Workers.RegisterAsync(jobMatching, Workers.Welder(where: "anywhere"), village: "419921101202", name: "欧阳志远");
        var partnerCities = await Workers.RegisterAsync(jobMatching, Workers.Welder(where: "partnerCities", trade: "electrician"), name: "司马光明");
        var cityOnly = await Workers.RegisterAsync(jobMatching, Workers.Welder(where: "city"));
        var nearFamily = await Workers.RegisterAsync(jobMatching, Workers.Welder(where: "anywhere", nearFamily: true));
        var employed = await Workers.RegisterAsync(jobMatching, Workers.Welder(where: "anywhere", status: "employedLocally"));

        var all = await PartnerApi.Client(jobMatching, "beijing").GetFromJsonAsync<JsonElement>($"{PartnerApi.Root}/workers?limit=200");
        var electricians = await PartnerApi.Client(jobMatching, "tianjin").GetFromJsonAsync<JsonElement>($"{PartnerApi.Root}/workers?tradeCode=electrician");

        var listed = all.GetProperty("items").EnumerateArray().Select(w => w.GetProperty("workerId").GetGuid()).ToHashSet();
        Assert.Contains(anywhere, listed);
        Assert.Contains(partnerCities, listed);
        Assert.DoesNotContain(cityOnly, listed);
        Assert.DoesNotContain(nearFamily, listed);
        Assert.DoesNotContain(employed, listed);
        Assert.Equal([partnerCities], electricians.GetProperty("items").EnumerateArray().Select(w => w.GetProperty("workerId").GetGuid()));
        var worker = all.GetProperty("items").EnumerateArray().Single(w => w.GetProperty("workerId").GetGuid() == anywhere);
        Assert.Equal(
            ["workerId", "education", "skills", "certificates", "desiredTrades", "minimumMonthlyWage", "availableFrom", "busyMonths"],
            worker.EnumerateObject().Select(p => p.Name));
        Assert.Equal("welder", worker.GetProperty("skills")[0].GetProperty("trade").GetString());
        var raw = all.GetRawText() + electricians.GetRawText();
        foreach (var personal in new[] { "欧阳志远", "司马光明", "419921101202", "1990-05-05", "male", "CERT-", "name", "gender", "birth", "division", "phone", "nationalId" })
        {
            Assert.DoesNotContain(personal, raw, StringComparison.OrdinalIgnoreCase);
        }
    }
}
