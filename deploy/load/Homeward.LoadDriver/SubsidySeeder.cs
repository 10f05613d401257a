using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.SharedKernel.Organizations;
using Homeward.Subsidy.Domain.Businesses;
using Homeward.Subsidy.Domain.Workers;
using Npgsql;
using NpgsqlTypes;

namespace Homeward.LoadDriver;

/// <param name="Workers">How many registered workers subsidy.workers holds afterwards; existing ones count.</param>
public sealed record SubsidySeedOptions(int Workers, string Connection);

/// <summary>
/// Fills Subsidy's worker projection (and the businesses some of them founded) by binary COPY, for the outreach and
/// application benchmarks. Workers are built by the projection's own domain methods (registration, return date, status,
/// completed trainings) and businesses by <see cref="Business.Register"/>, then written column by column as the entity
/// mappings store them (enums by name, trainings as JSON with the column mapping's serializer), so the service reads
/// them exactly as rows it wrote itself. Only what is missing is added, so a second run costs nothing.
/// </summary>
public static class SubsidySeeder
{
    private const int BatchSize = 20_000;

    /// <summary>The share of workers who founded a business here.</summary>
    private const double FounderShare = 0.15;

    private static readonly JsonSerializerOptions Json = JsonColumnMapping.SerializerOptions;

    private static readonly (WorkerStatus Status, double Share)[] Statuses =
    [
        (WorkerStatus.SeekingWork, 0.35), (WorkerStatus.EmployedLocally, 0.25), (WorkerStatus.EmployedElsewhere, 0.10),
        (WorkerStatus.SelfEmployed, 0.15), (WorkerStatus.InTraining, 0.10), (WorkerStatus.NotInLabourForce, 0.05),
    ];

    private static readonly string[] Trades = ["electrician", "welder", "housekeeping", "e-commerce", "logistics", "food-processing"];

    private static readonly string[] Sectors = ["A", "C", "E", "F", "G", "H", "I", "O"];

    public static async Task<int> RunAsync(SubsidySeedOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnectionStringBuilder(options.Connection) { ApplicationName = "homeward-seed", CommandTimeout = 600 };
        await using var database = NpgsqlDataSource.Create(connection.ConnectionString);
        var started = Stopwatch.GetTimestamp();
        var now = DateTimeOffset.UtcNow;
        var registered = await ScalarAsync(database, "SELECT count(*) FROM subsidy.workers WHERE registered_at IS NOT NULL", cancellationToken);
        var missing = options.Workers - registered;
        output.WriteLine(Format($"subsidy.workers holds {registered} registered workers; {Math.Max(missing, 0)} to add for {options.Workers}"));
        if (missing <= 0)
        {
            return 0;
        }

        var random = new Random();
        var synthetic = new SyntheticWorkers();
        var businessNumber = await ScalarAsync(database, "SELECT count(*) FROM subsidy.businesses", cancellationToken);
        for (var done = 0L; done < missing; done += BatchSize)
        {
            var count = (int)Math.Min(BatchSize, missing - done);
            var workers = new List<Worker>(count);
            var businesses = new List<Business>();
            for (var i = 0; i < count; i++)
            {
                var worker = NextWorker(synthetic.Next(), random, now);
                workers.Add(worker);
                if (random.NextDouble() < FounderShare)
                {
                    businesses.Add(NextBusiness(worker, ++businessNumber, random, now));
                }
            }

            await using var session = await database.OpenConnectionAsync(cancellationToken);
            await CopyWorkersAsync(session, workers, cancellationToken);
            await CopyBusinessesAsync(session, businesses, cancellationToken);
            output.WriteLine(Format($"  {done + count} workers added, {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s"));
            output.Flush();
        }

        await using (var analyze = database.CreateCommand("VACUUM (ANALYZE) subsidy.workers, subsidy.businesses"))
        {
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        output.WriteLine(Format($"seeded in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s (with VACUUM ANALYZE)"));
        return 0;
    }

    /// <summary>A registered worker with the facts the registry and training report: return date, status, trainings.</summary>
    private static Worker NextWorker(SyntheticWorker synthetic, Random random, DateTimeOffset now)
    {
        var registeredAt = now.AddMinutes(-random.Next(2 * 365 * 24 * 60));
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var worker = Worker.Unknown(Guid.CreateVersion7(registeredAt));
        worker.ApplyRegistration(synthetic.Name, synthetic.BirthDate, synthetic.HouseholdDivision, registeredAt);
        worker.ApplyFacts(random.NextDouble() < 0.9 ? today.AddDays(-random.Next(5 * 365)) : null, registeredAt);
        worker.ApplyStatus(PickStatus(random), registeredAt);
        if (random.NextDouble() < 0.4)
        {
            worker.ApplyTrainingCompleted(new CompletedTraining(Guid.CreateVersion7(registeredAt), Trades[random.Next(Trades.Length)], today.AddDays(-random.Next(700))));
        }

        return worker;
    }

    private static WorkerStatus PickStatus(Random random)
    {
        var draw = random.NextDouble();
        foreach (var (status, share) in Statuses)
        {
            draw -= share;
            if (draw < 0)
            {
                return status;
            }
        }

        return Statuses[^1].Status;
    }

    /// <summary>A business of the worker with a valid, unique credit code (92 = individual business, county, number).</summary>
    private static Business NextBusiness(Worker founder, long number, Random random, DateTimeOffset now)
    {
        var first17 = string.Create(CultureInfo.InvariantCulture, $"92{founder.HouseholdDivision[..6]}{number:D9}");
        var creditCode = UnifiedSocialCreditCode.Parse(first17 + UnifiedSocialCreditCode.ComputeCheckCharacter(first17));
        var kind = (BusinessKind)random.Next(3);
        return Business.Register(
            Guid.CreateVersion7(now), founder.WorkerId, $"返乡创业企业{number}", creditCode, kind, Sectors[random.Next(Sectors.Length)],
            DateOnly.FromDateTime(now.UtcDateTime).AddDays(-random.Next(6 * 365)), random.Next(kind == BusinessKind.IndividualBusiness ? 4 : 25),
            founder.HouseholdDivision, now);
    }

    private static async Task CopyWorkersAsync(NpgsqlConnection connection, List<Worker> workers, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY subsidy.workers (worker_id, name, household_division, birth_date, registered_at, profile_as_of, returned_on, facts_as_of, "
            + "status, status_as_of, completed_trainings) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var worker in workers)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(worker.WorkerId, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(worker.Name, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(worker.HouseholdDivision, NpgsqlDbType.Char, cancellationToken);
            await copy.WriteAsync(worker.BirthDate!.Value, NpgsqlDbType.Date, cancellationToken);
            await copy.WriteAsync(worker.RegisteredAt!.Value, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(worker.ProfileAsOf, NpgsqlDbType.TimestampTz, cancellationToken);
            if (worker.ReturnedOn is { } returnedOn)
            {
                await copy.WriteAsync(returnedOn, NpgsqlDbType.Date, cancellationToken);
            }
            else
            {
                await copy.WriteNullAsync(cancellationToken);
            }

            await copy.WriteAsync(worker.FactsAsOf, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(worker.Status!.Value.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(worker.StatusAsOf, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(JsonSerializer.Serialize(worker.CompletedTrainings, Json), NpgsqlDbType.Jsonb, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task CopyBusinessesAsync(NpgsqlConnection connection, List<Business> businesses, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY subsidy.businesses (id, founder_worker_id, name, credit_code, kind, sector, registered_on, jobs_created, division, created_at, "
            + "tax_relief_grants) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var business in businesses)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(business.Id, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(business.FounderWorkerId, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(business.Name, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(business.CreditCode, NpgsqlDbType.Char, cancellationToken);
            await copy.WriteAsync(business.Kind.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(business.Sector, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(business.RegisteredOn, NpgsqlDbType.Date, cancellationToken);
            await copy.WriteAsync(business.JobsCreated, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(business.Division, NpgsqlDbType.Char, cancellationToken);
            await copy.WriteAsync(business.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(business.TaxReliefGrants, NpgsqlDbType.Integer, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource database, string sql, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
