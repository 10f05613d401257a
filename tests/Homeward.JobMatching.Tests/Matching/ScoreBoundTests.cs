using Homeward.JobMatching.Domain.Matching;

namespace Homeward.JobMatching.Tests.Matching;

/// <summary>
/// Matching ranks pairs in the database by the score reckoned from plain columns (the keys of <see cref="MatchKeys"/>),
/// reads the pairs that share no trade only when <see cref="Matcher.UpperBoundOutsideTrades"/> lets one of them enter,
/// scores by <see cref="Matcher.ScoreValue"/> and explains only the listed ones. The lists are those of scoring
/// everything in full only if the keys say what the score reckons, the value is the score and the bound is never below
/// it. Checked over many generated pairs, with uneven weights so that no factor hides another; MatchingEquivalenceTests
/// checks the database's side.
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
        }
    }
}
