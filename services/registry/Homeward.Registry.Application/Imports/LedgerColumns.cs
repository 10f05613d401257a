using System.Collections.Frozen;

namespace Homeward.Registry.Application.Imports;

/// <summary>
/// The columns of a village ledger, as the header row names them (in any order; unknown columns are ignored). Imports
/// read them and exports write them, so an exported file can be edited and imported again. A blank cell keeps what the
/// record already holds: an import adds and corrects, it never erases.
/// </summary>
public static class LedgerColumns
{
    /// <summary>The record's id, written by exports; when given, the row updates that record.</summary>
    public const string WorkerId = "workerId";

    /// <summary>The full 18-character number; with <see cref="WorkerId"/>, its masked form as an export writes it is accepted too.</summary>
    public const string NationalId = "nationalId";

    public const string Name = "name";

    /// <summary>Mainland mobile number; its masked form as an export writes it stands for the number on record.</summary>
    public const string Phone = "phone";

    /// <summary>12-digit code of the household (hukou) village.</summary>
    public const string HouseholdDivision = "householdDivision";

    /// <summary>none, primary, juniorHigh, seniorHigh, secondaryVocational, juniorCollege, bachelor or postgraduate.</summary>
    public const string Education = "education";

    /// <summary>Trade codes with levels: <c>welder:intermediate;electrician:junior</c>.</summary>
    public const string Skills = "skills";

    /// <summary>
    /// Certificates the worker holds, separated by ';', each <c>number:kind:tradeCode:level:issuedOn:issuer</c>
    /// (<c>SF2024-0012:skillLevel:welder:intermediate:2024-06-01:示范市人社局</c>; trade and level may be blank). Entered
    /// by a ledger they are self-reported, as through the registration form; one the platform verified stays verified
    /// when the row repeats it unchanged.
    /// </summary>
    public const string Certificates = "certificates";

    /// <summary>yyyy-MM-dd; with <see cref="ReturnReason"/>.</summary>
    public const string ReturnedOn = "returnedOn";

    /// <summary>familyCare, jobLoss, localOpportunity, entrepreneurship, health, policySupport or other.</summary>
    public const string ReturnReason = "returnReason";

    /// <summary>seekingWork, employedLocally, employedElsewhere, selfEmployed, inTraining or notInLabourForce; new records default to seekingWork.</summary>
    public const string Status = "status";

    /// <summary>Trade codes separated by ';'.</summary>
    public const string TrainingNeeds = "trainingNeeds";

    /// <summary>Trade codes of the job intention, separated by ';'.</summary>
    public const string JobTrades = "jobTrades";

    /// <summary>homeCounty, city, partnerCities or anywhere; needed when any job intention column is filled.</summary>
    public const string JobWhere = "jobWhere";

    /// <summary>Minimum monthly wage in yuan.</summary>
    public const string JobMinWage = "jobMinWage";

    /// <summary>People in the household; needed when any family column is filled.</summary>
    public const string HouseholdSize = "householdSize";

    public const string DependentChildren = "dependentChildren";

    public const string DependentElderly = "dependentElderly";

    /// <summary>yes or no (true/false, 1/0 and 是/否 are read too).</summary>
    public const string LowIncome = "lowIncome";

    /// <summary>yes or no: a household under monitoring against falling back into poverty.</summary>
    public const string Monitored = "monitored";

    /// <summary>Every column in the order exports write them.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        WorkerId, NationalId, Name, Phone, HouseholdDivision, Education, Skills, Certificates, ReturnedOn, ReturnReason, Status,
        TrainingNeeds, JobTrades, JobWhere, JobMinWage, HouseholdSize, DependentChildren, DependentElderly, LowIncome, Monitored,
    ];

    /// <summary>Columns an import cannot do without.</summary>
    public static readonly IReadOnlyList<string> Required = [NationalId, Name, HouseholdDivision];

    private static readonly FrozenDictionary<string, int> Positions =
        All.Select((column, index) => (column, index)).ToFrozenDictionary(c => c.column, c => c.index, StringComparer.OrdinalIgnoreCase);

    /// <summary>The position of a column in <see cref="All"/>, or -1 for a column the ledger does not know.</summary>
    public static int IndexOf(string column) => Positions.GetValueOrDefault(column.Trim(), -1);
}

/// <summary>One row of a ledger: its row number as a spreadsheet shows it (the header is row 1) and a cell per known column.</summary>
public sealed class LedgerRecord(int row, string?[] cells)
{
    public int Row { get; } = row;

    /// <summary>Trimmed cell text by column, null when blank or when the file has no such column.</summary>
    public string? this[string column] => cells[LedgerColumns.IndexOf(column)];

    public IReadOnlyList<string?> Cells => cells;
}

/// <summary>A ledger file as read: the header's problems, if any, and its rows.</summary>
public sealed record LedgerSheet(IReadOnlyList<string> MissingColumns, IEnumerable<LedgerRecord> Records);
