using Homeward.JobMatching.Infrastructure.Persistence;
using Homeward.JobMatching.Infrastructure.Persistence.Migrations;
using Homeward.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Homeward.JobMatching.Tests.Matching;

/// <summary>
/// Vacancies keep the numbers and keys the ranking reads beside the terms they come from; the migration that added
/// them fills them for vacancies posted before, by SQL. Both must give the same values, or the database would rank
/// older vacancies by other terms than it scores them by.
/// </summary>
public sealed class VacancyRankingColumnsTests(JobMatchingService jobMatching) : IClassFixture<JobMatchingService>
{
    [Fact]
    public async Task The_migration_fills_the_ranking_columns_as_the_vacancy_keeps_them_and_sends_no_partner_city_anything()
    {
        var now = DateTimeOffset.UtcNow;
        var today = CityCalendar.DayOf(now);
        var market = new GeneratedMarket(20261131, today, now);
        var employers = Enumerable.Range(0, 20).Select(_ => market.NextEmployer()).ToList();
        var vacancies = Enumerable.Range(0, 200).Select(i => market.NextVacancy(employers[i % employers.Count])).ToList();

        await using var scope = jobMatching.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JobMatchingDbContext>();
        db.Employers.AddRange(employers);
        db.Vacancies.AddRange(vacancies);
        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlRawAsync(
            "UPDATE jobmatching.vacancies SET required_level_number = -1, minimum_education_number = -1, wage_max_yuan = -1, required_certificate_keys = ARRAY['unset']");
        // Only these vacancies' feed entries: tests running beside this one post vacancies of their own.
        var ids = vacancies.Select(v => v.Id).ToArray();
        Task<long> FeedOfTheseVacanciesAsync() => db.Database
            .SqlQuery<long>($"SELECT coalesce(sum(sequence), 0) AS \"Value\" FROM jobmatching.partner_feed WHERE vacancy_id = ANY({ids})")
            .SingleAsync();
        var feedBefore = await FeedOfTheseVacanciesAsync();

        await db.Database.ExecuteSqlRawAsync(VacancyRankedByNumbers.FillFromTerms);

        var filled = await db.Vacancies.AsNoTracking().ToDictionaryAsync(v => v.Id);
        foreach (var vacancy in vacancies)
        {
            var stored = filled[vacancy.Id];
            Assert.Equal(vacancy.RequiredLevelNumber, stored.RequiredLevelNumber);
            Assert.Equal(vacancy.MinimumEducationNumber, stored.MinimumEducationNumber);
            Assert.Equal(vacancy.WageMaxYuan, stored.WageMaxYuan);
            Assert.Equal(vacancy.RequiredCertificateKeys, stored.RequiredCertificateKeys);
        }

        Assert.Contains(vacancies, v => v.WageMax != decimal.Truncate(v.WageMax));
        Assert.Contains(vacancies, v => v.RequiredCertificates.Count > 1);
        Assert.Contains(vacancies, v => v.RequiredCertificates.Any(c => c.Level is null));
        Assert.Contains(vacancies, v => v.MinimumEducation is null);
        Assert.Contains(vacancies, v => v.IsCrossRegion);
        Assert.Equal(feedBefore, await FeedOfTheseVacanciesAsync());
    }
}
