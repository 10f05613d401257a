using System.Globalization;
using Homeward.Registry.Domain.Imports;
using Homeward.Registry.Domain.Workers;
using Homeward.SharedKernel.Trades;

namespace Homeward.Registry.Application.Imports;

/// <summary>
/// A ledger row read into the worker's terms. A null group means its cells were blank: the record keeps what it has.
/// </summary>
public sealed record LedgerEntry(
    int Row,
    Guid? WorkerId,
    string NationalId,
    string Name,
    string? Phone,
    string HouseholdDivision,
    EducationLevel? Education,
    IReadOnlyList<Skill>? Skills,
    IReadOnlyList<Certificate>? Certificates,
    ReturnHome? Return,
    EmploymentStatus? Status,
    IReadOnlyList<string>? TrainingNeeds,
    JobIntention? JobIntention,
    FamilySituation? Family)
{
    /// <summary>The profile the row describes on its own, for validation and for a new record.</summary>
    public WorkerProfile Profile => ApplyTo(WorkerProfile.Empty);

    /// <summary>The record's profile with every group the row fills replaced; what a job intention has beyond its columns stays.</summary>
    public WorkerProfile ApplyTo(WorkerProfile current) => current with
    {
        Education = Education ?? current.Education,
        Skills = Skills ?? current.Skills,
        Certificates = Certificates ?? current.Certificates,
        Return = Return ?? current.Return,
        TrainingNeeds = TrainingNeeds ?? current.TrainingNeeds,
        JobIntention = JobIntention is { } intention
            ? current.JobIntention is { } known
                ? known with { Trades = intention.Trades, Where = intention.Where, MinimumMonthlyWage = intention.MinimumMonthlyWage }
                : intention
            : current.JobIntention,
        Family = Family ?? current.Family,
    };

    /// <summary>Reads a row; cells that are not in the expected form are reported by column and the row yields no entry.</summary>
    public static LedgerEntry? Read(LedgerRecord record, List<ImportRowError> errors)
    {
        var reader = new CellReader(record, errors);
        Guid? workerId = null;
        if (record[LedgerColumns.WorkerId] is { } id)
        {
            workerId = Guid.TryParse(id, out var parsed) ? parsed : reader.Fail<Guid?>(LedgerColumns.WorkerId, "The worker id is the id of a record, as an export writes it.");
        }

        var returnedOn = reader.Date(LedgerColumns.ReturnedOn);
        var returnReason = reader.Enum<ReturnReason>(LedgerColumns.ReturnReason);
        ReturnHome? returned = null;
        if (returnedOn is not null || returnReason is not null)
        {
            returned = returnedOn is { } on && returnReason is { } reason
                ? new ReturnHome(on, reason)
                : reader.Fail<ReturnHome?>(returnedOn is null ? LedgerColumns.ReturnedOn : LedgerColumns.ReturnReason, "The return date and its reason go together.");
        }

        var entry = new LedgerEntry(
            record.Row,
            workerId,
            reader.Required(LedgerColumns.NationalId),
            reader.Required(LedgerColumns.Name),
            record[LedgerColumns.Phone],
            reader.Required(LedgerColumns.HouseholdDivision),
            reader.Enum<EducationLevel>(LedgerColumns.Education),
            reader.Skills(),
            reader.Certificates(),
            returned,
            reader.Enum<EmploymentStatus>(LedgerColumns.Status),
            reader.Trades(LedgerColumns.TrainingNeeds),
            reader.JobIntention(),
            reader.Family());
        return reader.Failed ? null : entry;
    }

    private sealed class CellReader(LedgerRecord record, List<ImportRowError> errors)
    {
        public bool Failed { get; private set; }

        public T Fail<T>(string column, string message)
        {
            errors.Add(new ImportRowError(record.Row, column, message));
            Failed = true;
            return default!;
        }

        public string Required(string column) =>
            record[column] ?? Fail<string>(column, "This column must be filled in.") ?? string.Empty;

        public DateOnly? Date(string column) =>
            record[column] is not { } text ? null
            : DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
            : Fail<DateOnly?>(column, "A date is written yyyy-MM-dd.");

        public TEnum? Enum<TEnum>(string column)
            where TEnum : struct, Enum =>
            record[column] is not { } text ? null
            : LedgerText.TryParse<TEnum>(text, out var value) ? value
            : Fail<TEnum?>(column, $"One of: {string.Join(", ", System.Enum.GetValues<TEnum>().Select(v => LedgerText.Name(v)))}.");

        public IReadOnlyList<Skill>? Skills()
        {
            if (record[LedgerColumns.Skills] is not { } text)
            {
                return null;
            }

            var skills = new List<Skill>();
            foreach (var item in Items(text))
            {
                var parts = item.Split(':', 2, StringSplitOptions.TrimEntries);
                SkillLevel level = default;
                if (parts.Length != 2 || !LedgerText.TryParse(parts[1], out level))
                {
                    return Fail<IReadOnlyList<Skill>?>(
                        LedgerColumns.Skills,
                        $"Skills are written trade:level separated by ';' (welder:intermediate;electrician:junior); '{item}' is not, levels are none, junior, intermediate, senior and technician.");
                }

                skills.Add(new Skill(parts[0].ToLowerInvariant(), level));
            }

            return skills;
        }

        /// <summary>Certificates as <see cref="LedgerColumns.Certificates"/> describes them; the issuer, last, may hold ':'.</summary>
        public IReadOnlyList<Certificate>? Certificates()
        {
            if (record[LedgerColumns.Certificates] is not { } text)
            {
                return null;
            }

            var certificates = new List<Certificate>();
            foreach (var item in Items(text))
            {
                var parts = item.Split(':', 6, StringSplitOptions.TrimEntries);
                CertificateKind kind = default;
                SkillLevel level = default;
                DateOnly issuedOn = default;
                if (parts.Length != 6
                    || !LedgerText.TryParse(parts[1], out kind)
                    || (parts[3].Length > 0 && !LedgerText.TryParse(parts[3], out level))
                    || !DateOnly.TryParseExact(parts[4], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out issuedOn))
                {
                    return Fail<IReadOnlyList<Certificate>?>(
                        LedgerColumns.Certificates,
                        $"Certificates are written number:kind:tradeCode:level:issuedOn:issuer separated by ';' (SF2024-0012:skillLevel:welder:intermediate:2024-06-01:示范市人社局); '{item}' is not. Kinds are skillLevel, specialOperation, professionalQualification and other; trade and level may be blank; the date is yyyy-MM-dd.");
                }

                certificates.Add(new Certificate(
                    parts[0],
                    kind,
                    parts[2].Length > 0 ? parts[2].ToLowerInvariant() : null,
                    parts[3].Length > 0 ? level : null,
                    parts[5],
                    issuedOn,
                    Verified: false));
            }

            return certificates;
        }

        public IReadOnlyList<string>? Trades(string column) =>
            record[column] is { } text ? [.. Items(text).Select(t => t.ToLowerInvariant())] : null;

        public JobIntention? JobIntention()
        {
            var trades = Trades(LedgerColumns.JobTrades);
            var where = Enum<WorkLocation>(LedgerColumns.JobWhere);
            var wage = Decimal(LedgerColumns.JobMinWage);
            if (trades is null && where is null && wage is null)
            {
                return null;
            }

            return where is { } location
                ? new JobIntention(trades ?? [], location, wage, null, [], false)
                : Fail<JobIntention?>(LedgerColumns.JobWhere, "Where the worker will work is needed with any other job intention column.");
        }

        public FamilySituation? Family()
        {
            var size = Number(LedgerColumns.HouseholdSize);
            var children = Number(LedgerColumns.DependentChildren);
            var elderly = Number(LedgerColumns.DependentElderly);
            var lowIncome = Flag(LedgerColumns.LowIncome);
            var monitored = Flag(LedgerColumns.Monitored);
            if (size is null && children is null && elderly is null && lowIncome is null && monitored is null)
            {
                return null;
            }

            return size is { } people
                ? new FamilySituation(people, children ?? 0, elderly ?? 0, lowIncome ?? false, monitored ?? false)
                : Fail<FamilySituation?>(LedgerColumns.HouseholdSize, "The household size is needed with any other family column.");
        }

        private decimal? Decimal(string column) =>
            record[column] is not { } text ? null
            : decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value
            : Fail<decimal?>(column, "An amount in yuan, such as 4500 or 4500.50.");

        private int? Number(string column) =>
            record[column] is not { } text ? null
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
            : Fail<int?>(column, "A whole number.");

        private bool? Flag(string column) => record[column]?.ToLowerInvariant() switch
        {
            null => null,
            "yes" or "true" or "1" or "y" or "是" => true,
            "no" or "false" or "0" or "n" or "否" => false,
            _ => Fail<bool?>(column, "yes or no."),
        };

        private static IEnumerable<string> Items(string text) =>
            text.Split([';', '；', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
