using Homeward.JobMatching.Domain.Matching;

namespace Homeward.JobMatching.Tests.Matching;

/// <summary>
/// Matching ranks pairs in the database by the score reckoned from plain columns (the keys of <see cref="MatchKeys"/>),
/// reads a vacancy's candidates that share no trade only when <see cref="Matcher.UpperBoundOutsideTrades"/> lets one of
/// them enter and a worker's vacancies a tier at a time (<see cref="Matcher.VacancyTiers"/>), scores by
/// <see cref="Matcher.ScoreValue"/> and explains only the listed ones. The lists are those of scoring everything in full
/// only if the keys say what the score reckons, the value is the score and no bound is ever below it. Checked over many
/// generated pairs, with uneven weights so that no factor hides another; MatchingEquivalenceTests checks the database's
/// side.
/// </summary>
public sealed class ScoreBoundTests
{
    private static readonly DateOnly Today = new(2026, 5, 1);
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(30, 20, 10, 15, 15, 10)]
    [InlineData(7.3, 11.9, 3.1, 29.7, 5.5, 0.7)]
    public void The_score_value_is_the_explained_score_and_pairs_without_a_shared_trade_stay_below_their_bound(
        double trade, double certificates, double education, double distance, double wage, double intention)
    {
        var matcher = new Matcher(new MatchWeights(trade, certificates, education, distance, wage, intention));
        var market = new GeneratedMarket(20260501, Today, Now);
        var sharingNone = 0;
        for (var i = 0; i < 5000; i++)
        {
            var candidate = market.NextCandidate();
            var vacancy = market.NextVacancy(market.NextEmployer());

            var score = matcher.Score(candidate, vacancy).Score;

            Assert.Equal(score, matcher.ScoreValue(candidate, vacancy));
            Assert.True(Matcher.TenthsOf(score) <= Matcher.RankOf(score), $"score {score} ranked below itself");
            if (!candidate.TradeCodes.Contains(vacancy.TradeCode))
            {
                sharingNone++;
                var namesTrades = candidate.Intention is { Trades.Count: > 0 };
                Assert.True(score <= matcher.UpperBoundOutsideTrades(vacancy.RequiredLevel, namesTrades) + Matcher.BoundSlack);
                Assert.True(score <= matcher.UpperBoundOutsideTrades(null, namesTrades) + Matcher.BoundSlack);
                Assert.True(score <= matcher.UpperBoundOutsideTrades(vacancy.RequiredLevel, namesOtherTrades: false) + Matcher.BoundSlack);
            }
        }

        Assert.InRange(sharingNone, 500, 4500);
    }

    [Theory]
    [InlineData(30, 20, 10, 15, 15, 10)]
    [InlineData(7.3, 11.9, 3.1, 29.7, 5.5, 0.7)]
    public void Every_vacancy_falls_in_one_tier_of_the_worker_whose_points_and_bound_hold_for_it(
        double trade, double certificates, double education, double distance, double wage, double intention)
    {
        var matcher = new Matcher(new MatchWeights(trade, certificates, education, distance, wage, intention));
        var market = new GeneratedMarket(20261130, Today, Now);
        var tierReached = new HashSet<(double, bool?, bool)>();
        for (var i = 0; i < 400; i++)
        {
            var candidate = market.NextCandidate();
            var tiers = matcher.VacancyTiers(candidate);
            Assert.Equal(tiers.OrderByDescending(t => t.Bound), tiers);
            for (var j = 0; j < 25; j++)
            {
                var vacancy = market.NextVacancy(market.NextEmployer());
                var result = matcher.Score(candidate, vacancy);

                var holding = tiers.Where(t => t.Holds(vacancy.TradeCode, vacancy.RequiredLevel, vacancy.RequiredCertificates.Count > 0, candidate.TradeCodes)).ToList();

                var tier = Assert.Single(holding);
                var tradeAndIntention = (100 * trade * result.Breakdown[0].Fit / matcher.Weights.Total) + (100 * intention * result.Breakdown[5].Fit / matcher.Weights.Total);
                Assert.Equal(tradeAndIntention, tier.TradeAndIntentionPoints, 9);
                Assert.True(result.Score <= tier.Bound + Matcher.BoundSlack, $"score {result.Score} above the bound {tier.Bound} of its tier");
                tierReached.Add((tier.TradeAndIntentionPoints, tier.AsksForCertificates, tier.OtherTrades));
            }
        }

        Assert.True(tierReached.Count >= 8, $"only {tierReached.Count} kinds of tier reached: the generated market tests too little");
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(3000, 3000)]
    [InlineData(3000.01, 3001)]
    [InlineData(8999.99, 9000)]
    [InlineData(1_000_000, 1_000_000)]
    [InlineData(5_000_000_000, int.MaxValue)]
    public void A_wage_in_whole_yuan_is_never_below_it(decimal wage, int yuan) =>
        Assert.Equal(yuan, MatchKeys.WholeYuanAtLeast(wage));

    [Fact]
    public void A_requirement_is_among_the_workers_keys_exactly_when_the_score_counts_it_as_met()
    {
        var matcher = new Matcher(new MatchWeights(1, 1, 1, 1, 1, 1));
        var market = new GeneratedMarket(20261129, Today, Now);
        for (var i = 0; i < 5000; i++)
        {
            var candidate = market.NextCandidate();
            var vacancy = market.NextVacancy(market.NextEmployer());
            var breakdown = matcher.Score(candidate, vacancy).Breakdown;
            var skills = MatchKeys.SkillsMet(candidate.Skills);
            var certificates = MatchKeys.CertificatesMet(candidate.Certificates);

            var tradeFit = skills.Contains(MatchKeys.Of(vacancy.TradeCode, vacancy.RequiredLevel)) ? 1
                : skills.Contains(MatchKeys.Of(vacancy.TradeCode, Homeward.SharedKernel.Trades.SkillLevel.None)) || vacancy.RequiredLevel == 0 ? Matcher.Partial
                : 0;
            var certificateFit = vacancy.RequiredCertificates.Count == 0
                ? 1
                : (double)vacancy.RequiredCertificates.Count(r => certificates.Contains(MatchKeys.Of(r.TradeCode, r.Level))) / vacancy.RequiredCertificates.Count;

            Assert.Equal(breakdown[0].Fit, tradeFit, 3);
            Assert.Equal(breakdown[1].Fit, certificateFit, 3);
            Assert.Equal(candidate.SkillKeys, skills);
            Assert.Equal(candidate.CertificateKeys, certificates);
            Assert.Equal(vacancy.RequiredCertificates.Select(r => MatchKeys.Of(r.TradeCode, r.Level)), vacancy.RequiredCertificateKeys);
        }
    }
}
