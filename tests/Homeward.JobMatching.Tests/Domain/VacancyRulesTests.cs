using Homeward.JobMatching.Domain.Employers;
using Homeward.JobMatching.Domain.Vacancies;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Divisions;
using Homeward.SharedKernel.Organizations;
using Homeward.SharedKernel.Trades;

namespace Homeward.JobMatching.Tests.Domain;

public sealed class VacancyRulesTests
{
    private static readonly DateOnly Today = new(2026, 5, 1);
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(VacancyStatus.Open, VacancyStatus.Closed, true)]
    [InlineData(VacancyStatus.Filled, VacancyStatus.Closed, true)]
    [InlineData(VacancyStatus.Closed, VacancyStatus.Open, true)]
    [InlineData(VacancyStatus.Expired, VacancyStatus.Open, true)]
    [InlineData(VacancyStatus.Open, VacancyStatus.Open, false)]
    [InlineData(VacancyStatus.Closed, VacancyStatus.Closed, false)]
    [InlineData(VacancyStatus.Open, VacancyStatus.Filled, false)]
    [InlineData(VacancyStatus.Open, VacancyStatus.Expired, false)]
    [InlineData(VacancyStatus.Expired, VacancyStatus.Closed, false)]
    public void Staff_move_a_vacancy_only_by_the_allowed_transitions(VacancyStatus from, VacancyStatus to, bool allowed)
    {
        var vacancy = VacancyIn(from);

        var change = () => vacancy.ChangeStatus(to, Today, Now);

        if (allowed)
        {
            change();
            Assert.Equal(to, vacancy.Status);
        }
        else
        {
            Assert.Equal("vacancy-transition-not-allowed", Assert.Throws<DomainException>(change).Code);
        }
    }

    [Fact]
    public void The_last_hire_fills_the_vacancy_and_no_hire_goes_beyond_the_headcount()
    {
        var vacancy = Post(headcount: 2);

        vacancy.Hire(Today, Now);
        Assert.Equal(VacancyStatus.Open, vacancy.Status);
        vacancy.Hire(Today, Now);

        Assert.Equal(VacancyStatus.Filled, vacancy.Status);
        Assert.Equal(2, vacancy.Filled);
        Assert.Equal("vacancy-not-open", Assert.Throws<DomainException>(() => vacancy.Hire(Today, Now)).Code);
    }

    [Fact]
    public void A_vacancy_past_its_day_takes_no_hire_even_before_expiry_has_run()
    {
        var vacancy = Post(headcount: 2);

        Assert.Equal("vacancy-not-open", Assert.Throws<DomainException>(() => vacancy.Hire(Today.AddDays(31), Now)).Code);
    }

    [Fact]
    public void A_filled_vacancy_reopens_only_with_places_and_time_left()
    {
        var vacancy = Post(headcount: 1);
        vacancy.Hire(Today, Now);
        vacancy.ChangeStatus(VacancyStatus.Closed, Today, Now);

        Assert.Equal("vacancy-full", Assert.Throws<DomainException>(() => vacancy.ChangeStatus(VacancyStatus.Open, Today, Now)).Code);
        Assert.Equal("vacancy-valid-through-past", Assert.Throws<DomainException>(() => vacancy.ChangeStatus(VacancyStatus.Open, Today.AddDays(40), Now)).Code);
        Assert.Equal("vacancy-headcount-below-filled", Assert.Throws<DomainException>(() => vacancy.ChangeTerms(Terms(headcount: 0), Now)).Code);
    }

    [Fact]
    public void A_new_vacancy_cannot_be_valid_through_a_past_day_nor_offer_a_wage_range_upside_down()
    {
        Assert.Equal("vacancy-valid-through-past", Assert.Throws<DomainException>(() => Post(headcount: 1, today: Today.AddDays(31))).Code);
        Assert.Equal("vacancy-wage-range-invalid", Assert.Throws<DomainException>(() => Post(headcount: 1, terms: Terms(1) with { WageMin = 7000m })).Code);
    }

    private static Vacancy VacancyIn(VacancyStatus status)
    {
        var vacancy = Post(headcount: 1);
        switch (status)
        {
            case VacancyStatus.Filled:
                vacancy.Hire(Today, Now);
                break;
            case VacancyStatus.Closed:
                vacancy.ChangeStatus(VacancyStatus.Closed, Today, Now);
                break;
            case VacancyStatus.Expired:
                // Expiry is a set-based statement in the database; the domain sees its result.
                typeof(Vacancy).GetProperty(nameof(Vacancy.Status))!.SetValue(vacancy, VacancyStatus.Expired);
                break;
        }

        return vacancy;
    }

    private static Vacancy Post(int headcount, DateOnly? today = null, VacancyTerms? terms = null)
    {
        var first17 = "91419921000000000";
        var employer = Employer.Register(
            Guid.NewGuid(),
            "示范厂",
            UnifiedSocialCreditCode.Parse(first17 + UnifiedSocialCreditCode.ComputeCheckCharacter(first17)),
            EmployerLocation.Local(DivisionCode.Parse("419921101201")),
            "C",
            EmployerSize.Small,
            [],
            Now);
        return Vacancy.Post(Guid.NewGuid(), employer, terms ?? Terms(headcount), "419921101201", today ?? Today, Now);
    }

    private static VacancyTerms Terms(int headcount) =>
        new("焊工", "welder", SkillLevel.Intermediate, [], null, headcount, 4000m, 6000m, false, Today.AddDays(30));
}
