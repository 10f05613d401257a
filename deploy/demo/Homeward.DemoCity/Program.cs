using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Homeward.DemoCity;
using Homeward.SharedKernel;

const string Usage =
    """
    usage: Homeward.DemoCity [--workers <n> | --full] [--seed <n>] [--concurrency <n>] [--gateway <url>]

    Seeds a demo city into a running, empty platform through the gateway's public API, with the proportions of the
    city's speech (shared/DOMAIN.md): workers (45% junior high or less, 60% without a certificate) from village
    ledgers, employers local and in partner cities with their agreements, vacancies, fairs, recommendations to a third
    of the workers, 77.4% of them hired, 62% locally; training sessions, attendance, assessments and certificates; the
    five policies, businesses with their startup subsidies (reviewed with four eyes and paid), loans and tax relief.
    Counts of the speech (30 fairs, 1,200 businesses, 1,200 sessions, …) are scaled to the number of workers.

      --workers <n>        workers to register (default 2000; at least 50)
      --full               the full city: 187,000 workers
      --seed <n>           the same seed and size give the same city (default 2024)
      --concurrency <n>    requests in flight (default 16)
      --gateway <url>      default http://127.0.0.1:5000/

    HOMEWARD_DEMO_TOKEN: an access token of a city administrator (./homeward token) with the registry, job matching,
    subsidy and training scopes and identity.admin (the demo creates the subsidy reviewer and approver).
    A city that already has workers is left as it is.
    """;

var options = ParseOptions(args);
if (options is null)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

var token = Environment.GetEnvironmentVariable("HOMEWARD_DEMO_TOKEN");
if (string.IsNullOrWhiteSpace(token))
{
    Console.Error.WriteLine($"HOMEWARD_DEMO_TOKEN is not set.\n\n{Usage}");
    return 2;
}

using var platform = new PlatformClient(options.Gateway, token);
var today = TimeProvider.System.Today();
try
{
    var registry = await platform.GetAsync("/api/registry/v1/kpis", CancellationToken.None);
    var existing = registry.GetProperty("registered").GetProperty("total").GetInt32();
    if (existing > 0)
    {
        Console.WriteLine($"The city already has {existing:N0} workers; the demo seeds only an empty city, so it is left as it is.");
        return 0;
    }

    var clock = Stopwatch.StartNew();
    var city = new DemoPopulation(options.Workers, options.Seed, today);
    var kpis = await new DemoCitySeeder(platform, city, options.Concurrency, Console.Out).RunAsync(today, CancellationToken.None);
    Console.WriteLine($"seeded {options.Workers:N0} workers in {clock.Elapsed.TotalMinutes:F1} min");
    Report(kpis);
    var cooperation = await platform.GetAsync("/api/job-matching/v1/kpis/labor-cooperation", CancellationToken.None);
    Console.WriteLine($"fairs held                     {cooperation.GetProperty("fairsHeld").GetInt32(),10:N0}   speech: 30");
    Console.WriteLine($"partner enterprises            {cooperation.GetProperty("partnerEnterprises").GetInt32(),10:N0}   speech: 200+");
    Console.WriteLine($"placed across regions          {cooperation.GetProperty("crossRegionPlacements").GetInt32(),10:N0}   speech: 12,000");
    return 0;
}
catch (PlatformRefusedException refused)
{
    Console.Error.WriteLine(refused.Message);
    return 1;
}

static void Report(JsonElement kpis)
{
    var parts = kpis.GetProperty("parts");
    if (parts.TryGetProperty("registry", out var registry))
    {
        Console.WriteLine($"registered workers             {registry.GetProperty("registered").GetProperty("total").GetInt32(),10:N0}");
        Console.WriteLine($"junior high or less            {Rate(registry.GetProperty("education").GetProperty("juniorHighOrLessShare")),10}   speech: 45%");
        Console.WriteLine($"without a skill certificate    {Rate(registry.GetProperty("certificates").GetProperty("withoutShare")),10}   speech: 60%");
    }

    if (parts.TryGetProperty("job-matching", out var matching))
    {
        var placements = matching.GetProperty("placements");
        Console.WriteLine($"workers recommended a job      {matching.GetProperty("workersRecommended").GetInt32(),10:N0}");
        Console.WriteLine($"employed among recommended     {Rate(matching.GetProperty("employmentRate")),10}   speech: 77.4%");
        Console.WriteLine($"placed locally                 {Rate(placements.GetProperty("localShare")),10}   speech: 62%");
        Console.WriteLine($"mean monthly wage              {placements.GetProperty("meanMonthlyWage").ToString(),10}");
    }

    if (parts.TryGetProperty("subsidy", out var subsidy))
    {
        Console.WriteLine($"startup subsidies paid (¥)     {subsidy.GetProperty("disbursedSum").GetDecimal(),10:N0}   speech: ¥23M");
        Console.WriteLine($"businesses paid                {subsidy.GetProperty("businessesPaid").GetInt32(),10:N0}   speech: 1,200+");
        Console.WriteLine($"guaranteed loans (¥)           {subsidy.GetProperty("loansSum").GetDecimal(),10:N0}   speech: ¥850M");
        Console.WriteLine($"jobs driven by loans           {subsidy.GetProperty("jobsDriven").GetInt32(),10:N0}   speech: 32,000");
    }

    if (parts.TryGetProperty("training", out var training))
    {
        var outcomes = training.GetProperty("outcomes");
        Console.WriteLine($"training sessions held         {training.GetProperty("sessionsHeld").GetInt32(),10:N0}   speech: 1,200");
        Console.WriteLine($"enrollments (person-times)     {training.GetProperty("enrollments").GetInt32(),10:N0}   speech: 58,000");
        Console.WriteLine($"trades covered                 {training.GetProperty("tradesCovered").GetInt32(),10:N0}   speech: 20+");
        Console.WriteLine($"certified among completers     {Rate(outcomes.GetProperty("certificationRate")),10}");
    }

    foreach (var missing in kpis.GetProperty("missing").EnumerateArray())
    {
        Console.WriteLine($"(no figures from {missing.GetProperty("service").GetString()}: {missing.GetProperty("reason").GetString()})");
    }
}

static string Rate(JsonElement value) =>
    value.ValueKind == JsonValueKind.Number ? (value.GetDouble() * 100).ToString("F1", CultureInfo.InvariantCulture) + "%" : "—";

static DemoOptions? ParseOptions(string[] args)
{
    var workers = 2000;
    var seed = 2024;
    var concurrency = 16;
    var gateway = new Uri("http://127.0.0.1:5000/");
    for (var i = 0; i < args.Length; i++)
    {
        var value = i + 1 < args.Length ? args[i + 1] : null;
        switch (args[i])
        {
            case "--full":
                workers = SpeechFigures.RegisteredWorkers;
                break;
            case "--workers" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= 50:
                workers = n;
                i++;
                break;
            case "--seed" when int.TryParse(value, CultureInfo.InvariantCulture, out var s):
                seed = s;
                i++;
                break;
            case "--concurrency" when int.TryParse(value, CultureInfo.InvariantCulture, out var c) && c is > 0 and <= 256:
                concurrency = c;
                i++;
                break;
            case "--gateway" when Uri.TryCreate(value, UriKind.Absolute, out var url):
                gateway = url;
                i++;
                break;
            default:
                return null;
        }
    }

    return new DemoOptions(workers, seed, concurrency, gateway);
}

internal sealed record DemoOptions(int Workers, int Seed, int Concurrency, Uri Gateway);
