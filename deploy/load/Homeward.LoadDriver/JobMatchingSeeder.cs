using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.BuildingBlocks.Infrastructure.Privacy;
using Homeward.JobMatching.Application.Candidates;
using Homeward.JobMatching.Domain.Candidates;
using Homeward.JobMatching.Domain.Common;
using Homeward.JobMatching.Domain.Matching;
using Homeward.JobMatching.Domain.Vacancies;
using Homeward.JobMatching.Infrastructure.Candidates;
using Homeward.SharedKernel.Identity;
using Homeward.SharedKernel.Privacy;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Homeward.LoadDriver;

/// <param name="Vacancies">How many open vacancies jobmatching.vacancies holds afterwards; existing open ones count.</param>
/// <param name="Candidates">How many registered candidates jobmatching.candidates holds afterwards; existing ones count.</param>
/// <param name="VacanciesPerEmployer">How many vacancies one new employer offers on average.</param>
public sealed record JobMatchingSeedOptions(
    int Vacancies,
    int Candidates,
    int VacanciesPerEmployer,
    string Connection,
    string EncryptionKey,
    string LookupKey);

/// <summary>
/// Fills JobMatching's employers, vacancies and candidate projection by binary COPY, for the matching benchmarks.
/// Candidates are built by the projection's own code (the facts of a WorkerRegistered event read by
/// <see cref="CandidateFactsMapper"/> into <see cref="Candidate"/>) and written by the projection's own bulk insert
/// (<see cref="CandidateCopy"/>), so the service reads them exactly as rows it wrote itself. Employer contacts' phones are
/// encrypted and blind-indexed with the service's keys. Only what is missing is added, so a second run costs nothing.
/// </summary>
public static class JobMatchingSeeder
{
    private const int BatchSize = 20_000;

    private static readonly JsonSerializerOptions Json = JsonColumnMapping.SerializerOptions;

    public static async Task<int> RunAsync(JobMatchingSeedOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        using var protector = new AesGcmPersonalDataProtector(Options.Create(new PersonalDataOptions
        {
            ActiveKeyId = RegistrySeeder.KeyId,
            Keys = { [RegistrySeeder.KeyId] = options.EncryptionKey },
            LookupKey = options.LookupKey,
        }));
        var connection = new NpgsqlConnectionStringBuilder(options.Connection) { ApplicationName = "homeward-seed", CommandTimeout = 600 };
        await using var database = NpgsqlDataSource.Create(connection.ConnectionString);
        var random = new Random();
        var market = new SyntheticJobMarket(random);
        var started = Stopwatch.GetTimestamp();
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        var openVacancies = await ScalarAsync<long>(database, "SELECT count(*) FROM jobmatching.vacancies WHERE status = 'Open'", cancellationToken);
        var missingVacancies = options.Vacancies - openVacancies;
        output.WriteLine(Format($"jobmatching.vacancies holds {openVacancies} open vacancies; {Math.Max(missingVacancies, 0)} to add for {options.Vacancies}"));
        if (missingVacancies > 0)
        {
            var employers = Enumerable.Range(0, (int)Math.Max(1, missingVacancies / options.VacanciesPerEmployer))
                .Select(_ => market.NextEmployer(Guid.CreateVersion7(now)))
                .ToList();
            await CopyEmployersAsync(database, protector, employers, now, cancellationToken);
            for (var done = 0L; done < missingVacancies; done += BatchSize)
            {
                var count = (int)Math.Min(BatchSize, missingVacancies - done);
                var vacancies = Enumerable.Range(0, count)
                    .Select(_ => market.NextVacancy(Guid.CreateVersion7(now), employers[random.Next(employers.Count)], today))
                    .ToList();
                await CopyVacanciesAsync(database, vacancies, now, cancellationToken);
            }

            await ExecuteAsync(database, "VACUUM (ANALYZE) jobmatching.employers, jobmatching.employer_contacts, jobmatching.vacancies", cancellationToken);
            output.WriteLine(Format($"  added {employers.Count} employers and {missingVacancies} vacancies, {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s"));
        }

        var candidates = await ScalarAsync<long>(database, "SELECT count(*) FROM jobmatching.candidates WHERE registered_at IS NOT NULL", cancellationToken);
        var missingCandidates = options.Candidates - candidates;
        output.WriteLine(Format($"jobmatching.candidates holds {candidates} registered candidates; {Math.Max(missingCandidates, 0)} to add for {options.Candidates}"));
        if (missingCandidates > 0)
        {
            var workers = new SyntheticWorkers();
            for (var done = 0L; done < missingCandidates; done += BatchSize)
            {
                var count = (int)Math.Min(BatchSize, missingCandidates - done);
                await CopyCandidatesAsync(database, workers, market, random, now, count, cancellationToken);
                output.WriteLine(Format($"  {done + count} candidates added, {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s"));
                output.Flush();
            }

            await ExecuteAsync(database, "VACUUM (ANALYZE) jobmatching.candidates", cancellationToken);
            output.WriteLine(Format($"seeded in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s (with VACUUM ANALYZE)"));
        }

        return 0;
    }

    /// <summary>A registered candidate as the projection makes one from a WorkerRegistered event with facts.</summary>
    public static Candidate ProjectRegistration(SyntheticWorker worker, Guid workerId, Homeward.Contracts.Registry.WorkerFacts facts, DateTimeOffset occurredAt)
    {
        var candidate = Candidate.Registered(
            workerId,
            worker.Name,
            worker.Gender == "male" ? Gender.Male : Gender.Female,
            worker.BirthDate,
            worker.HouseholdDivision,
            occurredAt);
        candidate.ApplyFacts(CandidateFactsMapper.From(facts), occurredAt);
        if (CandidateFactsMapper.Status(facts.Status) is { } status)
        {
            candidate.ApplyStatus(status, occurredAt);
        }

        return candidate;
    }

    private static async Task CopyEmployersAsync(
        NpgsqlDataSource database,
        AesGcmPersonalDataProtector protector,
        List<SyntheticEmployer> employers,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY jobmatching.employers (id, name, credit_code, locality, division, partner_city, industry, size, registered_at, updated_at) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            foreach (var employer in employers)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(employer.Id, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(employer.Name, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(employer.CreditCode, NpgsqlDbType.Char, cancellationToken);
                await copy.WriteAsync(employer.PartnerCity is null ? "Local" : "PartnerCity", NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(employer.Division, NpgsqlDbType.Char, cancellationToken);
                await WriteNullableAsync(copy, employer.PartnerCity, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(employer.Industry, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(employer.Size, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY jobmatching.employer_contacts (id, employer_id, name, role, phone_ciphertext, phone_lookup_hash, phone_masked) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            foreach (var employer in employers)
            {
                var phone = protector.Protect(PersonalDataKind.Phone, employer.ContactPhone);
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(Guid.CreateVersion7(now), NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(employer.Id, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(employer.ContactName, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync("人事", NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(phone.Ciphertext, NpgsqlDbType.Bytea, cancellationToken);
                await copy.WriteAsync(phone.LookupHash, NpgsqlDbType.Bytea, cancellationToken);
                await copy.WriteAsync(phone.Masked, NpgsqlDbType.Varchar, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }
    }

    private static async Task CopyVacanciesAsync(NpgsqlDataSource database, List<SyntheticVacancy> vacancies, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY jobmatching.vacancies (id, employer_id, title, trade_code, required_level, required_certificates, minimum_education, headcount, filled, "
            + "wage_min, wage_max, division, partner_city, accommodation, valid_through, status, posted_at, updated_at, "
            + "required_level_number, minimum_education_number, wage_max_yuan, required_certificate_keys) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var vacancy in vacancies)
        {
            IReadOnlyList<RequiredCertificate> certificates = [.. vacancy.RequiredCertificates.Select(c => new RequiredCertificate(c.TradeCode, c.Level))];
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(vacancy.Id, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(vacancy.Employer.Id, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(vacancy.Title, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(vacancy.TradeCode, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(vacancy.RequiredLevel.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(JsonSerializer.Serialize(certificates, Json), NpgsqlDbType.Jsonb, cancellationToken);
            await WriteNullableAsync(copy, vacancy.MinimumEducation, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(vacancy.Headcount, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(vacancy.Filled, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(vacancy.WageMin, NpgsqlDbType.Numeric, cancellationToken);
            await copy.WriteAsync(vacancy.WageMax, NpgsqlDbType.Numeric, cancellationToken);
            await copy.WriteAsync(vacancy.Employer.Division, NpgsqlDbType.Char, cancellationToken);
            await WriteNullableAsync(copy, vacancy.Employer.PartnerCity, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(vacancy.Accommodation, NpgsqlDbType.Boolean, cancellationToken);
            await copy.WriteAsync(vacancy.ValidThrough, NpgsqlDbType.Date, cancellationToken);
            await copy.WriteAsync(nameof(VacancyStatus.Open), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync((short)vacancy.RequiredLevel, NpgsqlDbType.Smallint, cancellationToken);
            if (vacancy.MinimumEducation is { } education)
            {
                await copy.WriteAsync((short)Enum.Parse<EducationLevel>(education), NpgsqlDbType.Smallint, cancellationToken);
            }
            else
            {
                await copy.WriteNullAsync(cancellationToken);
            }

            await copy.WriteAsync(MatchKeys.WholeYuanAtLeast(vacancy.WageMax), NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(MatchKeys.Required(certificates), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task CopyCandidatesAsync(
        NpgsqlDataSource database,
        SyntheticWorkers workers,
        SyntheticJobMarket market,
        Random random,
        DateTimeOffset now,
        int count,
        CancellationToken cancellationToken)
    {
        var candidates = new List<Candidate>(count);
        for (var i = 0; i < count; i++)
        {
            var registeredAt = now.AddMinutes(-random.Next(2 * 365 * 24 * 60));
            candidates.Add(ProjectRegistration(workers.Next(), Guid.CreateVersion7(registeredAt), market.NextFacts(), registeredAt));
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await CandidateCopy.WriteAsync(connection, candidates, cancellationToken);
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await copy.WriteNullAsync(cancellationToken);
        }
        else
        {
            await copy.WriteAsync(value, type, cancellationToken);
        }
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource database, string sql, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource database, string sql, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
