using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.DemoCity;
using Homeward.SharedKernel;
using Homeward.Testing;

namespace Homeward.EndToEnd.Tests;

/// <summary>
/// The demo city seeder against the real platform: everything it sends is accepted by the public API, and the KPIs the
/// services compute from what it seeded are the proportions it planned, those of the speech — workers, matching and
/// hires, fairs with the partner cities, training sessions and their outcomes, subsidies, loans.
/// </summary>
public sealed class DemoCityTests(Platform platform) : IClassFixture<Platform>
{
    private const int Workers = 200;

    [Fact]
    public async Task A_small_demo_city_seeded_through_the_api_shows_the_speech_proportions_in_the_kpis()
    {
        var today = TimeProvider.System.Today();
        var city = new DemoPopulation(Workers, seed: 7, today);
        var token = await StaffSignIn.GetTokenAsync(platform.GatewayAddress, Platform.AdminUserName, Platform.AdminPassword, [.. Scopes.All.Where(s => s != Scopes.PartnerSync)]);
        using var client = new PlatformClient(platform.GatewayAddress, token);

        var kpis = await new DemoCitySeeder(client, city, concurrency: 8, TextWriter.Null).RunAsync(today, CancellationToken.None);

        var recommended = city.Workers.Count(w => w.RecommendedTo is not null);
        var placed = city.Workers.Count(w => w.Placed);
        var local = city.Workers.Count(w => w.Placed && w.RecommendedTo!.IsLocal);
        Assert.Equal((int)Math.Round(Workers * SpeechFigures.RecommendedShare), recommended);
        Assert.Equal((int)Math.Round(recommended * SpeechFigures.EmploymentRateAmongRecommended), placed);

        var registry = kpis.GetProperty("parts").GetProperty("registry");
        Assert.Equal(Workers, registry.GetProperty("registered").GetProperty("total").GetInt32());
        var employed = await Eventually.MatchesAsync(
            async () => (await client.GetAsync("/api/registry/v1/kpis", CancellationToken.None)).GetProperty("byStatus"),
            byStatus => byStatus.GetProperty("employedLocally").GetInt32() + byStatus.GetProperty("employedElsewhere").GetInt32() == placed,
            "the registry to record every hire as employment");
        Assert.Equal(local, employed.GetProperty("employedLocally").GetInt32());
        Assert.Equal(Workers * SpeechFigures.WithoutCertificateShare, registry.GetProperty("certificates").GetProperty("without").GetInt32());
        var matching = kpis.GetProperty("parts").GetProperty("job-matching");
        Assert.Equal(recommended, matching.GetProperty("workersRecommended").GetInt32());
        Assert.Equal(placed, matching.GetProperty("workersPlacedAmongRecommended").GetInt32());
        Assert.Equal(local, matching.GetProperty("placements").GetProperty("local").GetInt32());
        Assert.Equal(placed - local, matching.GetProperty("placements").GetProperty("crossRegion").GetInt32());
        var crossRegionWages = city.Workers.Where(w => w.Placed && !w.RecommendedTo!.IsLocal).Select(w => w.RecommendedTo!.WageMin);
        Assert.All(crossRegionWages, wage => Assert.True(wage >= SpeechFigures.CrossRegionMeanWage));
        Assert.Equal(JsonValueKind.Number, matching.GetProperty("placements").GetProperty("meanMonthlyWage").ValueKind);

        var cooperation = await client.GetAsync("/api/job-matching/v1/kpis/labor-cooperation", CancellationToken.None);
        Assert.Equal(city.Fairs.Count, cooperation.GetProperty("fairsHeld").GetInt32());
        Assert.Equal(city.Employers.Count(e => e.PartnerCity is not null), cooperation.GetProperty("partnerEnterprises").GetInt32());
        Assert.Equal(placed - local, cooperation.GetProperty("crossRegionPlacements").GetInt32());

        var subsidy = kpis.GetProperty("parts").GetProperty("subsidy");
        Assert.Equal(SpeechFigures.Scaled(SpeechFigures.BusinessesPaid, Workers), city.Businesses.Count);
        Assert.Equal(city.Businesses.Count, subsidy.GetProperty("businessesPaid").GetInt32());
        Assert.Equal(city.Businesses.Sum(b => b.StartupSubsidy), subsidy.GetProperty("disbursedSum").GetDecimal());
        Assert.Equal(city.Businesses.Count, subsidy.GetProperty("loansGranted").GetInt32());
        Assert.Equal(SpeechFigures.Scaled(SpeechFigures.GuaranteedLoans, Workers), subsidy.GetProperty("loansSum").GetDecimal());
        Assert.Equal(SpeechFigures.Scaled(SpeechFigures.JobsDrivenByLoans, Workers), subsidy.GetProperty("jobsDriven").GetInt32());
        Assert.Equal(city.Businesses.Count, subsidy.GetProperty("applicationsDecided").GetInt32());

        var training = kpis.GetProperty("parts").GetProperty("training");
        var trainees = city.Sessions.SelectMany(s => s.Trainees.Select(t => (Session: s, Trainee: t))).ToList();
        Assert.Equal(city.Sessions.Count, training.GetProperty("sessionsHeld").GetInt32());
        Assert.Equal(trainees.Count, training.GetProperty("enrollments").GetInt32());
        Assert.Equal(city.Sessions.Select(s => s.TradeCode).Distinct().Count(), training.GetProperty("tradesCovered").GetInt32());
        var outcomes = await Eventually.MatchesAsync(
            async () => (await client.GetAsync("/api/training/v1/kpis", CancellationToken.None)).GetProperty("outcomes"),
            o => o.GetProperty("employed").GetInt32() == trainees.Count(t => t.Trainee.Placed),
            "training to learn of the trainees' hires");
        Assert.Equal(trainees.Count, outcomes.GetProperty("completed").GetInt32());
        Assert.Equal(trainees.Count(t => t.Trainee.Certified), outcomes.GetProperty("certified").GetInt32());
        Assert.Equal(trainees.Count(t => t.Trainee.Placed && t.Trainee.RecommendedTo!.TradeCode == t.Session.TradeCode), outcomes.GetProperty("employedInTrade").GetInt32());
        Assert.Equal(Workers * SpeechFigures.WithoutCertificateShare, (await client.GetAsync("/api/registry/v1/kpis", CancellationToken.None)).GetProperty("certificates").GetProperty("without").GetInt32());
    }
}
