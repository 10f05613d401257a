using System.Globalization;
using System.Text;
using Homeward.Registry.Domain.Imports;
using Homeward.SharedKernel.Divisions;
using Homeward.SharedKernel.Identity;

namespace Homeward.Registry.Application.Imports;

/// <summary>
/// Imports a ledger of made-up people through every step of a real import (reading the file, validating, encrypting,
/// blind-indexing, locking, copying, events into the outbox, the job's progress) and rolls each chunk back, its new rows
/// written to temporary copies of their tables so that the registry's tables and indexes never hold them. Run at
/// start-up, it has the runtime compile and optimize the import's code before the first real file arrives: on two
/// cores the first 100,000-row import after a start otherwise spent twice the CPU of a later one in the JIT
/// (docs/benchmarks.md, section 16). The people are born in 1900, so no living person's record is locked or read.
/// </summary>
public sealed class ImportRehearsal(ILedgerFiles files, LedgerImporter importer, TimeProvider clock)
{
    public const string Actor = "import-rehearsal";

    /// <summary>
    /// Rows per rehearsed chunk: small, so that each step taken once per chunk runs often enough to be optimized
    /// (tiered compilation promotes a method after 30 calls, and dynamic PGO profiles it for 30 more).
    /// </summary>
    public const int ChunkSize = 200;

    private const string Header =
        "nationalId,name,phone,householdDivision,education,skills,certificates,returnedOn,returnReason,status,trainingNeeds," +
        "jobTrades,jobWhere,jobMinWage,householdSize,dependentChildren,dependentElderly,lowIncome,monitored";

    private static readonly DateOnly FirstBirthDate = new(1900, 1, 1);
    private static readonly string[] Names = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄强", "周杰", "吴霞"];
    private static readonly string[] Education = ["none", "primary", "juniorHigh", "seniorHigh", "secondaryVocational", "juniorCollege"];
    private static readonly string[] Skills = ["welder:intermediate;electrician:junior", "housekeeping:senior", "e-commerce:junior", "bricklayer:intermediate;rebar-worker:junior", ""];
    private static readonly string[] Statuses = ["seekingWork", "employedLocally", "employedElsewhere", "selfEmployed", "inTraining", "notInLabourForce"];
    private static readonly string[] ReturnReasons = ["familyCare", "jobLoss", "localOpportunity", "entrepreneurship"];
    private static readonly string[] JobWhere = ["homeCounty", "city", "partnerCities", "anywhere"];

    /// <summary>Rehearses an import of <paramref name="rows"/> made-up people; the job's counts say what it would have done.</summary>
    public async Task<ImportJob> RunAsync(int rows, CancellationToken cancellationToken)
    {
        var (scope, villages) = VillagesOfOneProvince();
        var records = files.Read(Ledger(rows, villages), ImportFormat.Csv).Records.ToList();
        var now = clock.GetUtcNow();
        var job = ImportJob.Queue(Guid.CreateVersion7(now), "rehearsal.csv", ImportFormat.Csv, string.Empty, scope.Value, Actor, now);
        job.Start(records.Count, now);
        await importer.RehearseAsync(job, records, ChunkSize, cancellationToken);
        return job;
    }

    /// <summary>The current villages of the province of the first current village in the reference data, and that province.</summary>
    private static (DivisionCode Province, IReadOnlyList<DivisionCode> Villages) VillagesOfOneProvince()
    {
        var current = DivisionDirectory.Current.All
            .Where(d => d.Level == DivisionLevel.Village && d.RetiredOn is null)
            .Select(d => d.Code)
            .ToList();
        if (current.Count == 0)
        {
            throw new InvalidOperationException("The division reference data holds no current village to rehearse an import with.");
        }

        var province = current[0];
        while (province.Parent is { } parent)
        {
            province = parent;
        }

        return (province, [.. current.Where(v => v.IsWithin(province)).Take(100)]);
    }

    private static byte[] Ledger(int rows, IReadOnlyList<DivisionCode> villages)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        for (var i = 0; i < rows; i++)
        {
            var village = villages[i % villages.Count];
            var first17 = string.Create(
                CultureInfo.InvariantCulture,
                $"{village.Value[..6]}{FirstBirthDate.AddDays(i / 1000):yyyyMMdd}{i % 1000:D3}");
            var withCertificate = i % 4 == 0;
            csv.Append(CultureInfo.InvariantCulture, $"{first17}{NationalId.ComputeCheckCharacter(first17)},{Names[i % Names.Length]},13{i:D9},{village.Value},")
                .Append(CultureInfo.InvariantCulture, $"{Education[i % Education.Length]},\"{Skills[i % Skills.Length]}\",")
                .Append(withCertificate ? string.Create(CultureInfo.InvariantCulture, $"RH-{i}:skillLevel:welder:intermediate:2024-06-01:示范市人社局") : string.Empty)
                .Append(CultureInfo.InvariantCulture, $",2024-{1 + i % 12:D2}-{1 + i % 28:D2},{ReturnReasons[i % ReturnReasons.Length]},{Statuses[i % Statuses.Length]},")
                .Append(i % 3 == 0 ? "e-commerce" : string.Empty)
                .Append(CultureInfo.InvariantCulture, $",{(i % 2 == 0 ? "welder;electrician" : string.Empty)},{JobWhere[i % JobWhere.Length]},{3000 + i % 40 * 100},")
                .Append(CultureInfo.InvariantCulture, $"{4 + i % 3},{i % 3},{i % 2},{(i % 5 == 0 ? "yes" : "no")},{(i % 7 == 0 ? "yes" : "no")}\r\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
