using Homeward.JobMatching.Domain.Candidates;
using Homeward.JobMatching.Domain.Common;
using Homeward.JobMatching.Domain.Employers;
using Homeward.JobMatching.Domain.Vacancies;
using Homeward.SharedKernel.Divisions;
using Homeward.SharedKernel.Identity;
using Homeward.SharedKernel.Organizations;
using Homeward.SharedKernel.Trades;

namespace Homeward.JobMatching.Tests.Matching;

/// <summary>
/// Random workers and vacancies over a few trades and villages, so that pairs often share a trade, a place and a
/// score: every factor, filter and tie the matching rules know happens among a few hundred of them.
/// </summary>
internal sealed class GeneratedMarket(int seed, DateOnly today, DateTimeOffset now)
{
    public static readonly string[] Trades = ["welder", "electrician", "bricklayer"];
    public static readonly string[] Homes = ["419921101201", "419921101202", "419921102201", "419922101201", "419923101201"];

    private readonly Random _random = new(seed);

    public Candidate NextCandidate()
    {
        var candidate = Candidate.Registered(
            Guid.CreateVersion7(), "王伟", Gender.Male, new DateOnly(1990, 1, 1), Homes[_random.Next(Homes.Length)], now);
        var skills = Trades.Where(_ => _random.Next(3) == 0).Select(t => new CandidateSkill(t, (SkillLevel)_random.Next(5))).ToList();
        var certificates = skills.Where(_ => _random.Next(2) == 0)
            .Select(s => new CandidateCertificate("skillLevel", s.TradeCode, _random.Next(4) == 0 ? null : (SkillLevel)_random.Next(5), true))
            .Append(new CandidateCertificate("other", null, null, false))
            .Where(_ => _random.Next(3) > 0)
            .ToList();
        var intention = _random.Next(4) == 0
            ? null
            : new CandidateIntention(
                [.. Trades.Append("baker").Where(_ => _random.Next(3) == 0)],
                (WorkLocation)_random.Next(4),
                _random.Next(3) == 0 ? null : 2000m + (_random.Next(80) * 100) + Cents(),
                _random.Next(5) == 0 ? today.AddDays(_random.Next(60)) : null,
                _random.Next(6) == 0 ? [today.Month, today.AddMonths(1).Month] : [],
                _random.Next(8) == 0);
        candidate.ApplyFacts(
            new CandidateFacts(_random.Next(5) == 0 ? null : (EducationLevel)_random.Next(8), skills, certificates, intention, null),
            now);
        candidate.ApplyStatus(_random.Next(5) == 0 ? CandidateStatus.EmployedLocally : CandidateStatus.SeekingWork, now);
        return candidate;
    }

    public Employer NextEmployer()
    {
        var division = DivisionCode.Parse(Homes[_random.Next(Homes.Length)]);
        return Employer.Register(
            Guid.NewGuid(),
            "示范厂",
            UnifiedSocialCreditCode.Parse(JobMatchingApi.NewCreditCode()),
            _random.Next(5) == 0 ? EmployerLocation.InPartnerCity("tianjin", division) : EmployerLocation.Local(division),
            "C",
            EmployerSize.Small,
            [],
            now);
    }

    /// <summary>A vacancy of the employer, mostly open; some are full, closed or valid only a few days more.</summary>
    public Vacancy NextVacancy(Employer employer)
    {
        var trade = Trades[_random.Next(Trades.Length)];
        var wageMin = 2500m + (_random.Next(40) * 100);
        var terms = new VacancyTerms(
            "岗位",
            trade,
            (SkillLevel)_random.Next(5),
            [.. Trades.Where(_ => _random.Next(4) == 0).Select(t => new RequiredCertificate(t, _random.Next(3) == 0 ? null : (SkillLevel)_random.Next(1, 5)))],
            _random.Next(3) == 0 ? null : (EducationLevel)_random.Next(8),
            1 + _random.Next(3),
            wageMin,
            wageMin + (_random.Next(30) * 100) + Cents(),
            _random.Next(2) == 0,
            today.AddDays(_random.Next(4) == 0 ? _random.Next(5) : 30 + _random.Next(60)));
        var vacancy = Vacancy.Post(Guid.CreateVersion7(), employer, terms, employer.Division, today, now);
        switch (_random.Next(12))
        {
            case 0:
                while (vacancy.Remaining > 0)
                {
                    vacancy.Hire(today, now);
                }

                break;
            case 1:
                vacancy.ChangeStatus(VacancyStatus.Closed, today, now);
                break;
        }

        return vacancy;
    }

    /// <summary>Most wages are whole hundreds; some have cents, which the database's ranking reckons in whole yuan rounded up.</summary>
    private decimal Cents() => _random.Next(3) == 0 ? _random.Next(1, 100) / 100m : 0m;
}
