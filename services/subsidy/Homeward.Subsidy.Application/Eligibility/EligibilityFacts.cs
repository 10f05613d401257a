using Homeward.SharedKernel;
using Homeward.Subsidy.Domain.Businesses;
using Homeward.Subsidy.Domain.Rules;
using Homeward.Subsidy.Domain.Workers;

namespace Homeward.Subsidy.Application.Eligibility;

/// <summary>The facts of a worker and their business on a day, as rules see them.</summary>
public static class EligibilityFacts
{
    public static FactSet For(Worker worker, Business? business, IEnumerable<string> benefitsReceived, DateOnly today)
    {
        var facts = new FactSet()
            .Number(Fact.Age, worker.AgeOn(today))
            .Number(Fact.DaysSinceReturn, worker.ReturnedOn is { } returned ? today.DayNumber - returned.DayNumber : null)
            .Text(Fact.EmploymentStatus, worker.Status is { } status ? EnumNames.Of(status) : null)
            .Number(Fact.TrainingsCompleted, worker.CompletedTrainings.Count)
            .Set(Fact.TrainedTrades, worker.CompletedTrainings.Select(t => t.TradeCode))
            .Flag(Fact.HasBusiness, business is not null)
            .Set(Fact.BenefitsReceived, benefitsReceived);
        if (business is not null)
        {
            facts.Number(Fact.BusinessAgeMonths, business.AgeInMonthsOn(today))
                .Text(Fact.BusinessKind, EnumNames.Of(business.Kind))
                .Text(Fact.BusinessSector, business.Sector)
                .Number(Fact.BusinessEmployees, business.JobsCreated);
        }

        return facts;
    }
}
