using Homeward.SharedKernel.Divisions;
using Homeward.SharedKernel.Finance;
using Homeward.SharedKernel.Industries;
using Homeward.SharedKernel.Trades;

namespace Homeward.Registry.Domain.Workers;

/// <summary>
/// The rules a worker profile obeys, as (field path, message) pairs so that validators can name each failing field
/// by its JSON path (<c>skills[1].tradeCode</c>). The worker refuses a profile that breaks any of them.
/// </summary>
public static class WorkerProfileRules
{
    public const int MaxSkills = 20;
    public const int MaxCertificates = 30;
    public const int MaxPriorWork = 10;
    public const int MaxTrades = 10;
    public const int MaxBusyPeriods = 6;
    public const decimal MaxMonthlyWage = 100_000m;
    public const int MaxHouseholdSize = 30;

    /// <summary>How far ahead a worker may say they become available; further is a typing error, not a plan.</summary>
    public const int MaxYearsUntilAvailable = 3;

    private const int EarliestReturnYear = 1990;
    private const int EarliestCertificateYear = 1950;
    private const string IndustryMessage = "The industry is a GB/T 4754 section letter, A to T.";

    // Every registration and every imported row is checked twice (request validation, then the worker itself), almost
    // always without a problem: the rules write into a list made at the first problem, so a valid profile costs no
    // garbage (as iterators they were a tenth of an import's).
    public static IReadOnlyList<(string Field, string Message)> Problems(WorkerProfile profile, DateOnly today)
    {
        List<(string Field, string Message)>? problems = null;
        ResidenceProblems(profile.Residence, ref problems);
        EducationProblems(profile.Education, ref problems);
        SkillProblems(profile.Skills, ref problems);
        CertificateProblems(profile.Certificates, today, ref problems);
        PriorWorkProblems(profile.PriorWork, ref problems);
        ReturnProblems(profile.Return, today, ref problems);
        JobIntentionProblems(profile.JobIntention, today, ref problems);
        EntrepreneurshipProblems(profile.Entrepreneurship, ref problems);
        TradeListProblems(profile.TrainingNeeds, "trainingNeeds", ref problems);
        FamilyProblems(profile.Family, ref problems);
        return problems ?? [];
    }

    private static void SkillProblems(IReadOnlyList<Skill> skills, ref List<(string Field, string Message)>? problems)
    {
        if (skills.Count > MaxSkills)
        {
            Add(ref problems, "skills", $"At most {MaxSkills} skills.");
        }

        for (var i = 0; i < skills.Count; i++)
        {
            if (!IsCurrentTrade(skills[i].TradeCode))
            {
                Add(ref problems, $"skills[{i}].tradeCode", "The trade is a current trade code of the trade reference data.");
            }
            else if (EarlierIndexOf(skills, i, static skill => skill.TradeCode) is >= 0 and var first)
            {
                Add(ref problems, $"skills[{i}].tradeCode", $"This trade is already listed at skills[{first}]; each trade appears once, at its level.");
            }

            if (!Enum.IsDefined(skills[i].Level))
            {
                Add(ref problems, $"skills[{i}].level", "The level is none, junior, intermediate, senior or technician.");
            }
        }
    }

    private static void ResidenceProblems(Residence? residence, ref List<(string Field, string Message)>? problems)
    {
        if (residence is null)
        {
            return;
        }

        if (!DivisionCode.TryParse(residence.Division, out _))
        {
            Add(ref problems, "residence.division", "The residence is a 6- or 12-digit division code.");
        }

        if (residence.Address?.Length > 200)
        {
            Add(ref problems, "residence.address", "An address has at most 200 characters.");
        }
    }

    private static void EducationProblems(EducationLevel? education, ref List<(string Field, string Message)>? problems)
    {
        if (education is { } level && !Enum.IsDefined(level))
        {
            Add(ref problems, "education", "The education level is one of the listed levels.");
        }
    }

    private static void CertificateProblems(IReadOnlyList<Certificate> certificates, DateOnly today, ref List<(string Field, string Message)>? problems)
    {
        if (certificates.Count > MaxCertificates)
        {
            Add(ref problems, "certificates", $"At most {MaxCertificates} certificates.");
        }

        for (var i = 0; i < certificates.Count; i++)
        {
            var certificate = certificates[i];
            var number = certificate.Number?.Trim();
            if (string.IsNullOrEmpty(number) || number.Length > 50)
            {
                Add(ref problems, $"certificates[{i}].number", "A certificate number has 1 to 50 characters.");
            }
            else if (EarlierIndexOf(certificates, i, static c => c.Number?.Trim()) is >= 0 and var first)
            {
                Add(ref problems, $"certificates[{i}].number", $"This number is already listed at certificates[{first}]; each certificate appears once.");
            }

            if (!Enum.IsDefined(certificate.Kind))
            {
                Add(ref problems, $"certificates[{i}].kind", "The kind is skillLevel, specialOperation, professionalQualification or other.");
            }

            // A certificate may name a trade that has since been retired: it was issued when the trade existed.
            if (certificate.TradeCode is not null && !TradeCatalog.Current.Contains(certificate.TradeCode))
            {
                Add(ref problems, $"certificates[{i}].tradeCode", "The trade is a trade code of the trade reference data.");
            }

            if (certificate.Level is { } level && !Enum.IsDefined(level))
            {
                Add(ref problems, $"certificates[{i}].level", "The level is none, junior, intermediate, senior or technician.");
            }

            if (string.IsNullOrWhiteSpace(certificate.Issuer) || certificate.Issuer.Length > 100)
            {
                Add(ref problems, $"certificates[{i}].issuer", "The issuer has 1 to 100 characters.");
            }

            if (certificate.IssuedOn > today || certificate.IssuedOn.Year < EarliestCertificateYear)
            {
                Add(ref problems, $"certificates[{i}].issuedOn", $"The issue date lies between {EarliestCertificateYear} and today.");
            }
        }
    }

    private static void PriorWorkProblems(IReadOnlyList<PriorWork> priorWork, ref List<(string Field, string Message)>? problems)
    {
        if (priorWork.Count > MaxPriorWork)
        {
            Add(ref problems, "priorWork", $"At most {MaxPriorWork} periods of prior work.");
        }

        for (var i = 0; i < priorWork.Count; i++)
        {
            var work = priorWork[i];
            if (work.Region?.Length != DivisionCode.ShortLength
                || !DivisionCode.TryParse(work.Region, out var region)
                || region.Level > DivisionLevel.County)
            {
                Add(ref problems, $"priorWork[{i}].region", "The region is the 6-digit GB/T 2260 code of a province, city or county, e.g. 110000 for Beijing.");
            }

            if (!Industries.IsKnown(work.Industry))
            {
                Add(ref problems, $"priorWork[{i}].industry", IndustryMessage);
            }

            if (work.Years is <= 0 or > 60)
            {
                Add(ref problems, $"priorWork[{i}].years", "Years of work are more than 0 and at most 60.");
            }
        }
    }

    private static void ReturnProblems(ReturnHome? returned, DateOnly today, ref List<(string Field, string Message)>? problems)
    {
        if (returned is null)
        {
            return;
        }

        if (returned.ReturnedOn > today || returned.ReturnedOn.Year < EarliestReturnYear)
        {
            Add(ref problems, "return.returnedOn", $"The return date lies between {EarliestReturnYear} and today.");
        }

        if (!Enum.IsDefined(returned.Reason))
        {
            Add(ref problems, "return.reason", "The reason is one of the listed return reasons.");
        }
    }

    private static void JobIntentionProblems(JobIntention? intention, DateOnly today, ref List<(string Field, string Message)>? problems)
    {
        if (intention is null)
        {
            return;
        }

        TradeListProblems(intention.Trades, "jobIntention.trades", ref problems);

        if (!Enum.IsDefined(intention.Where))
        {
            Add(ref problems, "jobIntention.where", "Where is homeCounty, city, partnerCities or anywhere.");
        }

        if (intention.MinimumMonthlyWage is { } wage && (!Money.IsValidAmount(wage) || wage > MaxMonthlyWage))
        {
            Add(ref problems, "jobIntention.minimumMonthlyWage", $"A monthly wage is 0 to {MaxMonthlyWage} yuan with at most two decimals.");
        }

        if (intention.AvailableFrom is { } available
            && (available.Year < EarliestReturnYear || available > today.AddYears(MaxYearsUntilAvailable)))
        {
            Add(ref problems, "jobIntention.availableFrom", $"The availability date lies between {EarliestReturnYear} and {MaxYearsUntilAvailable} years from today.");
        }

        if (intention.BusyMonths.Count > MaxBusyPeriods)
        {
            Add(ref problems, "jobIntention.busyMonths", $"At most {MaxBusyPeriods} busy periods.");
        }

        for (var i = 0; i < intention.BusyMonths.Count; i++)
        {
            if (intention.BusyMonths[i].From is < 1 or > 12)
            {
                Add(ref problems, $"jobIntention.busyMonths[{i}].from", "A month is 1 to 12.");
            }

            if (intention.BusyMonths[i].To is < 1 or > 12)
            {
                Add(ref problems, $"jobIntention.busyMonths[{i}].to", "A month is 1 to 12 (smaller than from to wrap over the new year).");
            }
        }
    }

    private static void EntrepreneurshipProblems(EntrepreneurshipIntention? business, ref List<(string Field, string Message)>? problems)
    {
        if (business is null)
        {
            return;
        }

        if (business.Industry is not null && !Industries.IsKnown(business.Industry))
        {
            Add(ref problems, "entrepreneurship.industry", IndustryMessage);
        }

        if (business.Description?.Length > 500)
        {
            Add(ref problems, "entrepreneurship.description", "A description has at most 500 characters.");
        }
    }

    private static void FamilyProblems(FamilySituation? family, ref List<(string Field, string Message)>? problems)
    {
        if (family is null)
        {
            return;
        }

        if (family.HouseholdSize is < 1 or > MaxHouseholdSize)
        {
            Add(ref problems, "family.householdSize", $"A household has 1 to {MaxHouseholdSize} people.");
        }

        if (family.DependentChildren < 0)
        {
            Add(ref problems, "family.dependentChildren", "The number of dependent children is not negative.");
        }

        if (family.DependentElderly < 0)
        {
            Add(ref problems, "family.dependentElderly", "The number of dependent elderly is not negative.");
        }

        if (family.HouseholdSize is >= 1 and <= MaxHouseholdSize
            && family is { DependentChildren: >= 0, DependentElderly: >= 0 }
            && family.DependentChildren + family.DependentElderly >= family.HouseholdSize)
        {
            Add(ref problems, "family.householdSize", "The household counts the worker and every dependent, so it is larger than dependent children and elderly together.");
        }
    }

    private static void TradeListProblems(IReadOnlyList<string> trades, string field, ref List<(string Field, string Message)>? problems)
    {
        if (trades.Count > MaxTrades)
        {
            Add(ref problems, field, $"At most {MaxTrades} trades.");
        }

        for (var i = 0; i < trades.Count; i++)
        {
            if (!IsCurrentTrade(trades[i]))
            {
                Add(ref problems, $"{field}[{i}]", "The trade is a current trade code of the trade reference data.");
            }
            else if (EarlierIndexOf(trades, i, static trade => trade) >= 0)
            {
                Add(ref problems, $"{field}[{i}]", "This trade is already listed; each trade appears once.");
            }
        }
    }

    private static void Add(ref List<(string Field, string Message)>? problems, string field, string message) =>
        (problems ??= []).Add((field, message));

    /// <summary>
    /// The index of the first item before <paramref name="index"/> with the same key, or -1. The lists are short (a few
    /// dozen items at most when valid), and every registration and imported row is checked twice: a scan allocates
    /// nothing where a set per list made a twentieth of an import's garbage.
    /// </summary>
    private static int EarlierIndexOf<T>(IReadOnlyList<T> items, int index, Func<T, string?> keyOf)
    {
        var key = keyOf(items[index]);
        for (var earlier = 0; earlier < index; earlier++)
        {
            if (string.Equals(keyOf(items[earlier]), key, StringComparison.Ordinal))
            {
                return earlier;
            }
        }

        return -1;
    }

    private static bool IsCurrentTrade(string? code) => code is not null && TradeCatalog.Current.Find(code) is { RetiredOn: null };
}
