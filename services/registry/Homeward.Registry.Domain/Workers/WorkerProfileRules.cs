using Homeward.SharedKernel.Divisions;
using Homeward.SharedKernel.Finance;
using Homeward.SharedKernel.Industries;
using Homeward.SharedKernel.Trades;

namespace Homeward.Registry.Domain.Workers;

/// <summary>
/// The rules a worker profile obeys, as (field path, message) pairs so that validators can name each failing field.
/// The worker refuses a profile that breaks any of them.
/// </summary>
public static class WorkerProfileRules
{
    public const int MaxSkills = 20;
    public const int MaxCertificates = 30;
    public const int MaxPriorWork = 10;
    public const int MaxTrades = 10;
    public const decimal MaxMonthlyWage = 100_000m;

    public static IEnumerable<(string Field, string Message)> Problems(WorkerProfile profile, DateOnly today)
    {
        if (profile.Residence is { } residence)
        {
            if (!DivisionCode.TryParse(residence.Division, out _))
            {
                yield return ("residence.division", "The residence is a 6- or 12-digit division code.");
            }

            if (residence.Address?.Length > 200)
            {
                yield return ("residence.address", "An address has at most 200 characters.");
            }
        }

        foreach (var problem in SkillProblems(profile.Skills))
        {
            yield return problem;
        }

        foreach (var problem in CertificateProblems(profile.Certificates, today))
        {
            yield return problem;
        }

        if (profile.PriorWork.Count > MaxPriorWork)
        {
            yield return ("priorWork", $"At most {MaxPriorWork} periods of prior work.");
        }

        for (var i = 0; i < profile.PriorWork.Count; i++)
        {
            var work = profile.PriorWork[i];
            if (!DivisionCode.TryParse(work.Region, out var region) || region.Level > DivisionLevel.County)
            {
                yield return ($"priorWork[{i}].region", "The region is the 6-digit code of a province, city or county.");
            }

            if (!Industries.IsKnown(work.Industry))
            {
                yield return ($"priorWork[{i}].industry", "The industry is a GB/T 4754 section letter, A to T.");
            }

            if (work.Years is <= 0 or > 60)
            {
                yield return ($"priorWork[{i}].years", "Years of work are more than 0 and at most 60.");
            }
        }

        if (profile.Return is { } returned && (returned.ReturnedOn > today || returned.ReturnedOn.Year < 1990))
        {
            yield return ("return.returnedOn", "The return date lies between 1990 and today.");
        }

        if (profile.JobIntention is { } intention)
        {
            foreach (var problem in TradeListProblems(intention.Trades, "jobIntention.trades"))
            {
                yield return problem;
            }

            if (intention.MinimumMonthlyWage is { } wage && (!Money.IsValidAmount(wage) || wage > MaxMonthlyWage))
            {
                yield return ("jobIntention.minimumMonthlyWage", $"A monthly wage is 0 to {MaxMonthlyWage} yuan with at most two decimals.");
            }

            if (intention.BusyMonths.Count > 6 || intention.BusyMonths.Any(m => m.From is < 1 or > 12 || m.To is < 1 or > 12))
            {
                yield return ("jobIntention.busyMonths", "Busy periods are at most 6 ranges of months 1 to 12.");
            }
        }

        if (profile.Entrepreneurship is { } business)
        {
            if (business.Industry is not null && !Industries.IsKnown(business.Industry))
            {
                yield return ("entrepreneurship.industry", "The industry is a GB/T 4754 section letter, A to T.");
            }

            if (business.Description?.Length > 500)
            {
                yield return ("entrepreneurship.description", "A description has at most 500 characters.");
            }
        }

        foreach (var problem in TradeListProblems(profile.TrainingNeeds, "trainingNeeds"))
        {
            yield return problem;
        }

        if (profile.Family is { } family)
        {
            if (family.HouseholdSize is < 1 or > 30)
            {
                yield return ("family.householdSize", "A household has 1 to 30 people.");
            }

            if (family.DependentChildren < 0 || family.DependentElderly < 0
                || family.DependentChildren + family.DependentElderly >= Math.Max(family.HouseholdSize, 1))
            {
                yield return ("family.dependents", "Dependent children and elderly are fewer than the household, and not negative.");
            }
        }
    }

    public static IEnumerable<(string Field, string Message)> SkillProblems(IReadOnlyList<Skill> skills)
    {
        if (skills.Count > MaxSkills)
        {
            yield return ("skills", $"At most {MaxSkills} skills.");
        }

        for (var i = 0; i < skills.Count; i++)
        {
            if (TradeCatalog.Current.Find(skills[i].TradeCode) is not { RetiredOn: null })
            {
                yield return ($"skills[{i}].tradeCode", "The trade is a current trade code of the trade reference data.");
            }

            if (!Enum.IsDefined(skills[i].Level))
            {
                yield return ($"skills[{i}].level", "The level is none, junior, intermediate, senior or technician.");
            }
        }

        if (skills.GroupBy(s => s.TradeCode).Any(g => g.Count() > 1))
        {
            yield return ("skills", "Each trade appears once.");
        }
    }

    private static IEnumerable<(string Field, string Message)> CertificateProblems(IReadOnlyList<Certificate> certificates, DateOnly today)
    {
        if (certificates.Count > MaxCertificates)
        {
            yield return ("certificates", $"At most {MaxCertificates} certificates.");
        }

        for (var i = 0; i < certificates.Count; i++)
        {
            var certificate = certificates[i];
            if (string.IsNullOrWhiteSpace(certificate.Number) || certificate.Number.Length > 50)
            {
                yield return ($"certificates[{i}].number", "A certificate number has 1 to 50 characters.");
            }

            if (certificate.TradeCode is not null && !TradeCatalog.Current.Contains(certificate.TradeCode))
            {
                yield return ($"certificates[{i}].tradeCode", "The trade is a trade code of the trade reference data.");
            }

            if (string.IsNullOrWhiteSpace(certificate.Issuer) || certificate.Issuer.Length > 100)
            {
                yield return ($"certificates[{i}].issuer", "The issuer has 1 to 100 characters.");
            }

            if (certificate.IssuedOn > today || certificate.IssuedOn.Year < 1950)
            {
                yield return ($"certificates[{i}].issuedOn", "The issue date lies between 1950 and today.");
            }
        }

        if (certificates.GroupBy(c => c.Number.Trim()).Any(g => g.Count() > 1))
        {
            yield return ("certificates", "Each certificate number appears once.");
        }
    }

    private static IEnumerable<(string Field, string Message)> TradeListProblems(IReadOnlyList<string> trades, string field)
    {
        if (trades.Count > MaxTrades || trades.Distinct().Count() != trades.Count)
        {
            yield return (field, $"At most {MaxTrades} different trades.");
        }

        if (trades.Any(t => TradeCatalog.Current.Find(t) is not { RetiredOn: null }))
        {
            yield return (field, "Trades are current trade codes of the trade reference data.");
        }
    }
}
