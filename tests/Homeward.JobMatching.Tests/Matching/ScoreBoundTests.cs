using Homeward.JobMatching.Domain.Candidates;
using Homeward.JobMatching.Domain.Common;
using Homeward.JobMatching.Domain.Employers;
using Homeward.JobMatching.Domain.Matching;
using Homeward.JobMatching.Domain.Vacancies;
using Homeward.SharedKernel.Divisions;
using Homeward.SharedKernel.Identity;
using Homeward.SharedKernel.Organizations;
using Homeward.SharedKernel.Trades;

namespace Homeward.JobMatching.Tests.Matching;

/// <summary>
/// Matching ranks pairs by <see cref="Matcher.ScoreValue"/> and <see cref="Matcher.UpperBound"/> and explains only the
/// listed ones, so the lists are those of scoring everything in full only if the value is the score and the bound is
/// never below it. Checked over many generated pairs, with uneven weights so that no factor hides another.
/// </summary>
public sealed class ScoreBoundTests
{
    private static readonly DateOnly Today = new(2026, 5, 1);
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly string[] Trades = ["welder", "electrician", "bricklayer"];
    private static readonly string[] Homes = ["419921101201", "419921101202", "419921102201", "419922101201", "419923101201"];

    [Theory]
    [InlineData(30, 20, 10, 15, 15, 10)]
    [InlineData(7.3, 11.9, 3.1, 29.7, 5.5, 0.7)]
    public void The_score_value_is_the_explained_score_and_the_bound_is_never_below_it(
        double trade, double certificates, double education, double distance, double wage, double intention)
    {
        var matcher = new Matcher(new MatchWeights(trade, certificates, education, distance, wage, intention));
        var random = new Random(20260501);
        for (var i = 0; i < 5000; i++)
        {
            var candidate = NewCandidate(random);
            var vacancy = NewVacancy(random);

            var score = matcher.Score(candidate, vacancy).Score;

            Assert.Equal(score, matcher.ScoreValue(candidate, vacancy));
            var bound = matcher.UpperBound(
                candidate, vacancy.TradeCode, vacancy.RequiredLevel, vacancy.MinimumEducation, vacancy.Division, vacancy.PartnerCity, vacancy.WageMax);
            Assert.True(score <= bound + Matcher.BoundSlack, $"score {score} above its bound {bound}");
            if (vacancy.RequiredCertificates.Count == 0)
            {
                Assert.Equal(score, Math.Round(bound, 1), 6);
            }
        }
    }

    private static Candidate NewCandidate(Random random)
    {
        var candidate = Candidate.Registered(
            Guid.NewGuid(), "王伟", Gender.Male, new DateOnly(1990, 1, 1), Homes[random.Next(Homes.Length)], Now);
        var skills = Trades.Where(_ => random.Next(3) == 0).Select(t => new CandidateSkill(t, (SkillLevel)random.Next(5))).ToList();
        var certificates = skills.Where(_ => random.Next(2) == 0)
            .Select(s => new CandidateCertificate("skillLevel", s.TradeCode, random.Next(4) == 0 ? null : (SkillLevel)random.Next(5), true))
            .ToList();
        var intention = random.Next(4) == 0
            ? null
            : new CandidateIntention(
                [.. Trades.Where(_ => random.Next(3) == 0)],
                (WorkLocation)random.Next(4),
                random.Next(3) == 0 ? null : 2000m + random.Next(80) * 100,
                null,
                [],
                false);
        candidate.ApplyFacts(
            new CandidateFacts(random.Next(5) == 0 ? null : (EducationLevel)random.Next(8), skills, certificates, intention, null),
            Now);
        return candidate;
    }

    private static Vacancy NewVacancy(Random random)
    {
        var first17 = "91419921000000000";
        var partnerCity = random.Next(5) == 0 ? "tianjin" : null;
        var division = Homes[random.Next(Homes.Length)];
        var employer = Employer.Register(
            Guid.NewGuid(),
            "示范厂",
            UnifiedSocialCreditCode.Parse(first17 + UnifiedSocialCreditCode.ComputeCheckCharacter(first17)),
            partnerCity is null
                ? EmployerLocation.Local(DivisionCode.Parse(division))
                : EmployerLocation.InPartnerCity(partnerCity, DivisionCode.Parse(division)),
            "C",
            EmployerSize.Small,
            [],
            Now);
        var trade = Trades[random.Next(Trades.Length)];
        var wageMin = 2500m + random.Next(40) * 100;
        var terms = new VacancyTerms(
            "岗位",
            trade,
            (SkillLevel)random.Next(5),
            [.. Trades.Where(_ => random.Next(4) == 0).Select(t => new RequiredCertificate(t, random.Next(3) == 0 ? null : (SkillLevel)random.Next(1, 5)))],
            random.Next(3) == 0 ? null : (EducationLevel)random.Next(8),
            1 + random.Next(10),
            wageMin,
            wageMin + random.Next(30) * 100,
            random.Next(2) == 0,
            Today.AddDays(30));
        return Vacancy.Post(Guid.NewGuid(), employer, terms, division, Today, Now);
    }
}
