using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Homeward.BuildingBlocks.Infrastructure.Privacy;
using Homeward.SharedKernel.Names;
using Homeward.SharedKernel.Privacy;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Homeward.LoadDriver;

/// <param name="Workers">How many workers registry.workers holds afterwards; existing rows count.</param>
/// <param name="Connection">A connection to the database of the registry schema (the superuser's, or the registry role's).</param>
/// <param name="EncryptionKey">The personal-data key (base64) the registry uses as key id <see cref="RegistrySeeder.KeyId"/>.</param>
/// <param name="LookupKey">The personal-data lookup key (base64) of the registry.</param>
/// <param name="Samples">How many random workers to write to <paramref name="SampleFile"/> for the load scenarios.</param>
/// <param name="SampleFile">Tab-separated id, name, national ID number of the sampled workers.</param>
public sealed record SeedOptions(int Workers, string Connection, string EncryptionKey, string LookupKey, int Samples, string? SampleFile);

/// <summary>
/// Fills registry.workers with synthetic workers by binary COPY, encrypted and blind-indexed by the registry's own
/// <see cref="AesGcmPersonalDataProtector"/> with the registry's keys, so that lookups by national ID or phone and
/// reveals work on them exactly as on registered workers. The profile follows the speech's proportions roughly: 45%
/// junior high or less, 60% without a certificate, a third recommended a job. Names draw on common surnames and
/// given-name characters with realistic repetition, which is what makes a name search hard.
/// </summary>
public static class RegistrySeeder
{
    public const string KeyId = "local-1";

    private const int BatchSize = 20_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Surnames with a rough share of the population (percent), most common first.</summary>
    private static readonly (string Surname, double Share)[] Surnames =
    [
        ("王", 7.1), ("李", 7.0), ("张", 6.9), ("刘", 5.4), ("陈", 4.5), ("杨", 3.1), ("黄", 2.2), ("赵", 2.0), ("吴", 1.9),
        ("周", 1.9), ("徐", 1.4), ("孙", 1.4), ("马", 1.3), ("朱", 1.2), ("胡", 1.1), ("郭", 1.1), ("何", 1.0), ("林", 1.0),
        ("高", 1.0), ("罗", 0.9), ("郑", 0.9), ("梁", 0.8), ("谢", 0.7), ("宋", 0.7), ("唐", 0.6), ("许", 0.6), ("韩", 0.6),
        ("冯", 0.6), ("邓", 0.6), ("曹", 0.5), ("彭", 0.5), ("曾", 0.5), ("肖", 0.5), ("田", 0.5), ("董", 0.5), ("袁", 0.4),
        ("潘", 0.4), ("于", 0.4), ("蒋", 0.4), ("蔡", 0.4), ("余", 0.4), ("杜", 0.4), ("叶", 0.4), ("程", 0.4), ("苏", 0.3),
        ("魏", 0.3), ("吕", 0.3), ("丁", 0.3), ("任", 0.3), ("沈", 0.3), ("姚", 0.3), ("卢", 0.3), ("姜", 0.3), ("崔", 0.3),
        ("钟", 0.3), ("谭", 0.3), ("陆", 0.3), ("汪", 0.3), ("范", 0.3), ("金", 0.3), ("章", 0.2), ("欧阳", 0.05),
    ];

    private const string GivenNameCharacters =
        "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂建国华红玉梅新春文辉鹏飞志宏亮俊峰波斌宇浩凯健晨阳丹萍婷雪"
        + "琳玲莉燕慧颖婧倩璐佳欣悦怡琪瑶诗梦雨思嘉子轩博昊天睿泽宁安然晓东海林山川德福寿永胜利金成玮维薇卫威炜蔚荣蓉"
        + "容勤芹琴秦清青庆卿晴";

    private static readonly string[] Statuses = ["SeekingWork", "EmployedLocally", "EmployedElsewhere", "SelfEmployed", "InTraining", "NotInLabourForce"];
    private static readonly double[] StatusShares = [30, 30, 15, 8, 7, 10];
    private static readonly string[] Educations = ["None", "Primary", "JuniorHigh", "SeniorHigh", "SecondaryVocational", "JuniorCollege", "Bachelor"];
    private static readonly double[] EducationShares = [3, 12, 30, 25, 15, 10, 5];
    private static readonly string[] Trades = ["welder", "electrician", "housekeeping", "e-commerce", "bricklayer", "chinese-cook", "logistics", "forklift-driver", "specialty-crops", "elderly-care"];
    private static readonly string[] Levels = ["junior", "intermediate", "senior", "technician"];
    private static readonly string[] Places = ["homeCounty", "city", "partnerCities", "anywhere"];
    private static readonly string[] Reasons = ["FamilyCare", "JobLoss", "LocalOpportunity", "Entrepreneurship", "Health", "PolicySupport", "Other"];

    private static readonly string[] Columns =
    [
        "id", "name", "name_pinyin", "national_id_ciphertext", "national_id_lookup_hash", "national_id_masked", "birth_date", "gender",
        "phone_ciphertext", "phone_lookup_hash", "phone_masked", "household_division", "education", "skills", "skill_keys", "certificates",
        "prior_work", "returned_on", "return_reason", "job_intention", "training_needs", "status", "status_as_of", "last_visited_at",
        "last_confirmed_at", "first_recommended_at", "registered_at", "updated_at",
    ];

    public static async Task<int> RunAsync(SeedOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        using var protector = new AesGcmPersonalDataProtector(Options.Create(new PersonalDataOptions
        {
            ActiveKeyId = KeyId,
            Keys = { [KeyId] = options.EncryptionKey },
            LookupKey = options.LookupKey,
        }));
        var connection = new NpgsqlConnectionStringBuilder(options.Connection) { ApplicationName = "homeward-seed", CommandTimeout = 600 };
        await using var database = NpgsqlDataSource.Create(connection.ConnectionString);

        var existing = await ScalarAsync<long>(database, "SELECT count(*) FROM registry.workers", cancellationToken);
        var missing = options.Workers - existing;
        output.WriteLine(Format($"registry.workers holds {existing} workers; {Math.Max(missing, 0)} to add for {options.Workers}"));
        if (missing > 0)
        {
            var started = Stopwatch.GetTimestamp();
            var random = new Random();
            var workers = new SyntheticWorkers();
            var now = DateTimeOffset.UtcNow;
            for (var done = 0L; done < missing; done += BatchSize)
            {
                var count = (int)Math.Min(BatchSize, missing - done);
                await CopyAsync(database, protector, workers, random, now, count, cancellationToken);
                output.WriteLine(Format($"  {done + count} added, {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s"));
                output.Flush();
            }

            await ExecuteAsync(database, "VACUUM (ANALYZE) registry.workers", cancellationToken);
            output.WriteLine(Format($"seeded {missing} workers in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s (with VACUUM ANALYZE)"));
        }

        if (options.SampleFile is { } file)
        {
            await WriteSamplesAsync(database, protector, options.Samples, file, cancellationToken);
            output.WriteLine(Format($"wrote {options.Samples} sample workers to {file}"));
        }

        return 0;
    }

    private static async Task CopyAsync(
        NpgsqlDataSource database,
        AesGcmPersonalDataProtector protector,
        SyntheticWorkers workers,
        Random random,
        DateTimeOffset now,
        int count,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var copy = await connection.BeginBinaryImportAsync(
            $"COPY registry.workers ({string.Join(", ", Columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        for (var i = 0; i < count; i++)
        {
            var worker = workers.Next();
            var name = Name(random);
            var nationalId = protector.Protect(PersonalDataKind.NationalId, worker.NationalId);
            var phone = random.NextDouble() < 0.85 ? protector.Protect(PersonalDataKind.Phone, worker.Phone) : null;
            var registeredAt = now.AddMinutes(-random.Next(2 * 365 * 24 * 60));
            var updatedAt = registeredAt.AddMinutes(random.Next((int)(now - registeredAt).TotalMinutes + 1));
            var skills = Skills(random);

            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(Guid.CreateVersion7(registeredAt), NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(name, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(ChineseNames.ToPinyin(name), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(nationalId.Ciphertext, NpgsqlDbType.Bytea, cancellationToken);
            await copy.WriteAsync(nationalId.LookupHash, NpgsqlDbType.Bytea, cancellationToken);
            await copy.WriteAsync(nationalId.Masked, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(worker.BirthDate, NpgsqlDbType.Date, cancellationToken);
            await copy.WriteAsync(worker.Gender == "male" ? "Male" : "Female", NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(copy, phone?.Ciphertext, NpgsqlDbType.Bytea, cancellationToken);
            await WriteNullableAsync(copy, phone?.LookupHash, NpgsqlDbType.Bytea, cancellationToken);
            await WriteNullableAsync(copy, phone?.Masked, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(worker.HouseholdDivision, NpgsqlDbType.Char, cancellationToken);
            await WriteNullableAsync(copy, random.NextDouble() < 0.9 ? Pick(random, Educations, EducationShares) : null, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(JsonSerializer.Serialize(skills.Select(s => new { tradeCode = s.Trade, level = Levels[s.Level - 1] }), Json), NpgsqlDbType.Jsonb, cancellationToken);
            await copy.WriteAsync(SkillKeys(skills), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(Certificates(random, skills, registeredAt), NpgsqlDbType.Jsonb, cancellationToken);
            await copy.WriteAsync("[]", NpgsqlDbType.Jsonb, cancellationToken);
            await copy.WriteAsync(DateOnly.FromDateTime(registeredAt.UtcDateTime).AddDays(-random.Next(400)), NpgsqlDbType.Date, cancellationToken);
            await copy.WriteAsync(Reasons[random.Next(Reasons.Length)], NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(copy, random.NextDouble() < 0.7 ? Intention(random) : null, NpgsqlDbType.Jsonb, cancellationToken);
            await copy.WriteAsync(random.NextDouble() < 0.3 ? new[] { Trades[random.Next(Trades.Length)] } : [], NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(Pick(random, Statuses, StatusShares), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(updatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteNullableAsync<DateTimeOffset?>(copy, random.NextDouble() < 0.5 ? updatedAt : null, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(updatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteNullableAsync<DateTimeOffset?>(copy, random.NextDouble() < 0.33 ? registeredAt.AddDays(random.Next(30)) : null, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(registeredAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(updatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    /// <summary>A surname by its share and one or two given-name characters.</summary>
    private static string Name(Random random)
    {
        var total = Surnames.Sum(s => s.Share);
        var pick = random.NextDouble() * total;
        var surname = Surnames[^1].Surname;
        foreach (var (candidate, share) in Surnames)
        {
            if ((pick -= share) < 0)
            {
                surname = candidate;
                break;
            }
        }

        var given = GivenNameCharacters;
        return random.NextDouble() < 0.3
            ? surname + given[random.Next(given.Length)]
            : string.Concat(surname, given[random.Next(given.Length)].ToString(), given[random.Next(given.Length)].ToString());
    }

    private static List<(string Trade, int Level)> Skills(Random random) =>
        [.. Enumerable.Range(0, random.Next(3)).Select(_ => Trades[random.Next(Trades.Length)]).Distinct().Select(trade => (trade, 1 + random.Next(Levels.Length)))];

    /// <summary>As the registry keeps them: "trade:level" for every level up to the skill's own.</summary>
    private static string[] SkillKeys(List<(string Trade, int Level)> skills) =>
        [.. skills.SelectMany(s => Enumerable.Range(1, s.Level).Select(level => $"{s.Trade}:{Levels[level - 1]}"))];

    private static string Certificates(Random random, List<(string Trade, int Level)> skills, DateTimeOffset registeredAt)
    {
        if (skills.Count == 0 || random.NextDouble() >= 0.65)
        {
            return "[]";
        }

        var (trade, level) = skills[0];
        return JsonSerializer.Serialize(
            new[]
            {
                new
                {
                    number = string.Create(CultureInfo.InvariantCulture, $"S{random.Next(2015, 2026)}{random.Next(100_000_000):D8}"),
                    kind = "skillLevel",
                    tradeCode = trade,
                    level = Levels[level - 1],
                    issuer = "示范市职业技能鉴定中心",
                    issuedOn = DateOnly.FromDateTime(registeredAt.UtcDateTime).AddDays(-random.Next(3000)),
                    verified = random.NextDouble() < 0.5,
                },
            },
            Json);
    }

    private static string Intention(Random random) => JsonSerializer.Serialize(
        new
        {
            trades = new[] { Trades[random.Next(Trades.Length)] },
            where = Places[random.Next(Places.Length)],
            minimumMonthlyWage = 3000 + (random.Next(30) * 100),
            availableFrom = (DateOnly?)null,
            busyMonths = Array.Empty<object>(),
            mustStayNearFamily = random.NextDouble() < 0.3,
        },
        Json);

    private static string Pick(Random random, string[] values, double[] shares)
    {
        var pick = random.NextDouble() * shares.Sum();
        for (var i = 0; i < values.Length; i++)
        {
            if ((pick -= shares[i]) < 0)
            {
                return values[i];
            }
        }

        return values[^1];
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

    private static async Task WriteSamplesAsync(NpgsqlDataSource database, AesGcmPersonalDataProtector protector, int samples, string file, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT id, name, national_id_ciphertext, national_id_lookup_hash, national_id_masked FROM registry.workers ORDER BY random() LIMIT @samples",
            connection);
        command.Parameters.AddWithValue("samples", samples);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await using var writer = new StreamWriter(file);
        while (await reader.ReadAsync(cancellationToken))
        {
            var nationalId = protector.Reveal(
                PersonalDataKind.NationalId,
                new ProtectedValue(reader.GetFieldValue<byte[]>(2), reader.GetFieldValue<byte[]>(3), reader.GetString(4)));
            await writer.WriteLineAsync($"{reader.GetGuid(0)}\t{reader.GetString(1)}\t{nationalId}");
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
