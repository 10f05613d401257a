using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.SharedKernel;
using Homeward.Testing;
using PuppeteerSharp;

namespace Homeward.EndToEnd.Tests;

/// <summary>
/// The ops dashboard in a real headless Chromium (Debian's package): a staff member opens it, signs in on the Identity
/// service's page, and sees the figures of a small seeded city. The test leaves a screenshot of what they saw in
/// artifacts/screenshots/dashboard.png.
/// </summary>
public sealed class DashboardTests(Platform platform) : IClassFixture<Platform>
{
    [Fact]
    public async Task A_staff_member_signs_in_and_sees_the_figures_of_the_seeded_city_and_a_screenshot_is_taken()
    {
        await SeedAsync();
        var screenshot = Path.Combine(ServiceProcess.RepositoryRoot(), "artifacts", "screenshots", "dashboard.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        File.Delete(screenshot);

        await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            Headless = true,
            ExecutablePath = ChromiumPath(),
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        await using var page = await browser.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 1400 });

        // The hire starts tomorrow: a period to next week counts it, and the filter must survive the sign-in round trip.
        var to = TimeProvider.System.Today().AddDays(7).ToString("yyyy-MM-dd");
        await page.GoToAsync(new Uri(platform.GatewayAddress, $"/dashboard/?to={to}").ToString());
        await page.WaitForSelectorAsync("input[name=userName]");
        await page.TypeAsync("input[name=userName]", Platform.AdminUserName);
        await page.TypeAsync("input[name=password]", Platform.AdminPassword);
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("button[type=submit]"));
        await page.WaitForSelectorAsync("body[data-ready=true]", new WaitForSelectorOptions { Timeout = 60_000 });

        Assert.Equal(to, await page.EvaluateExpressionAsync<string>("document.getElementById('to').value"));
        Assert.Equal("3", await FigureAsync(page, "registry.registered.total"));
        Assert.Equal("2", await FigureAsync(page, "job-matching.workersRecommended"));
        Assert.Equal("50.0%", await FigureAsync(page, "job-matching.employmentRate"));
        Assert.Equal("100.0%", await FigureAsync(page, "job-matching.placements.localShare"));
        Assert.Equal("¥5,800", await FigureAsync(page, "job-matching.placements.meanMonthlyWage"));
        Assert.Equal("1", await FigureAsync(page, "job-matching.placements.local"));
        Assert.Equal("2", await FigureAsync(page, "registry.byStatus.seekingWork"));
        Assert.Equal("1", await FigureAsync(page, "registry.byStatus.employedLocally"));
        Assert.Equal("33.3%", await FigureAsync(page, "registry.certificates.withoutShare"));

        await page.ScreenshotAsync(screenshot, new ScreenshotOptions { FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000, "The screenshot is missing or empty.");
    }

    /// <summary>Three welders (one without a certificate), two recommended the vacancy, one hired at ¥5,800.</summary>
    private async Task SeedAsync()
    {
        var admin = platform.Admin;
        var workers = new List<Guid>();
        string[] names = ["赵一", "钱二", "孙三"];
        for (var i = 0; i < names.Length; i++)
        {
            workers.Add(await CitySeeding.RegisterWelderAsync(admin, SliceTests.NewNationalId(), names[i], $"1391234{i:D4}", certified: i < 2));
        }

        foreach (var workerId in workers)
        {
            await Eventually.MatchesAsync(
                () => admin.GetAsync($"/api/job-matching/v1/candidates/{workerId}"),
                response => response.StatusCode == HttpStatusCode.OK,
                "the candidate to appear in job matching");
        }

        var vacancyId = await CitySeeding.PostWelderVacancyAsync(admin);
        var hired = await CitySeeding.RecommendAsync(admin, workers[0], vacancyId);
        await CitySeeding.RecommendAsync(admin, workers[1], vacancyId);
        await CitySeeding.PlaceAsync(admin, hired, 5800m);
        await Eventually.MatchesAsync(
            async () => (await admin.GetFromJsonAsync<JsonElement>($"/api/registry/v1/workers/{workers[0]}")).GetProperty("status").GetString(),
            status => status == "employedLocally",
            "the registry to record the hired worker as employed locally");
    }

    private static async Task<string> FigureAsync(IPage page, string kpi) =>
        await page.EvaluateFunctionAsync<string>(
            "kpi => document.querySelector(`[data-kpi=\"${kpi}\"]`)?.textContent ?? `no figure ${kpi} on the page`", kpi);

    /// <summary>Debian's Chromium, which the test command installs; HOMEWARD_TEST_CHROMIUM names another.</summary>
    private static string ChromiumPath()
    {
        var path = Environment.GetEnvironmentVariable("HOMEWARD_TEST_CHROMIUM") ?? "/usr/bin/chromium";
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"No Chromium at {path}: install Debian's chromium package (the test command does) or set HOMEWARD_TEST_CHROMIUM.");
    }
}
