using System.Text.Json;
using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.JobMatching.Domain.Candidates;
using Homeward.JobMatching.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Homeward.JobMatching.Infrastructure.Candidates;

/// <summary>
/// Writes new candidates by binary COPY, every stored column as the entity's mapping stores it (enums by name, facts as
/// JSON with the column mapping's serializer): a mass registration adds hundreds of candidates per batch, and COPY
/// writes them in one statement, without change tracking. The benchmark seeder writes its candidates with it too.
/// </summary>
public static class CandidateCopy
{
    /// <summary>Every column of jobmatching.candidates but the row version (xmin, kept by PostgreSQL).</summary>
    public static readonly string[] Columns =
    [
        "worker_id", "name", "gender", "birth_date", "household_division", "profile_as_of", "registered_at", "education",
        "skills", "certificates", "intention", "residence_division", "trade_codes", "reach", "skill_keys", "certificate_keys",
        "wanted_trades", "minimum_wage", "facts_as_of", "status", "status_as_of",
    ];

    private static readonly JsonSerializerOptions Json = JsonColumnMapping.SerializerOptions;

    public static async Task WriteAsync(NpgsqlConnection connection, IEnumerable<Candidate> candidates, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            $"COPY \"{JobMatchingDbContext.Schema}\".candidates ({string.Join(", ", Columns)}) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var candidate in candidates)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(candidate.WorkerId, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(candidate.Name, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(copy, candidate.Gender?.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(copy, candidate.BirthDate, NpgsqlDbType.Date, cancellationToken);
            await copy.WriteAsync(candidate.HouseholdDivisionCode, NpgsqlDbType.Char, cancellationToken);
            await copy.WriteAsync(candidate.ProfileAsOf, NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteNullableAsync(copy, candidate.RegisteredAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteNullableAsync(copy, candidate.Education?.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(JsonSerializer.Serialize(candidate.Skills, Json), NpgsqlDbType.Jsonb, cancellationToken);
            await copy.WriteAsync(JsonSerializer.Serialize(candidate.Certificates, Json), NpgsqlDbType.Jsonb, cancellationToken);
            await WriteNullableAsync(copy, candidate.Intention is null ? null : JsonSerializer.Serialize(candidate.Intention, Json), NpgsqlDbType.Jsonb, cancellationToken);
            await WriteNullableAsync(copy, candidate.ResidenceDivision, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(candidate.TradeCodes, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(candidate.Reach.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(candidate.SkillKeys, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(candidate.CertificateKeys, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(candidate.WantedTrades, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(copy, candidate.MinimumWage, NpgsqlDbType.Numeric, cancellationToken);
            await copy.WriteAsync(candidate.FactsAsOf, NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteNullableAsync(copy, candidate.Status?.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(candidate.StatusAsOf, NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
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
}

/// <summary>Adds the candidates a batch of events creates by <see cref="CandidateCopy"/>, on the DbContext's connection and in its transaction.</summary>
internal sealed class CopyCandidateInserts(JobMatchingDbContext db) : Application.Candidates.INewCandidates
{
    public async Task AddAsync(IReadOnlyCollection<Candidate> candidates, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await CandidateCopy.WriteAsync((NpgsqlConnection)db.Database.GetDbConnection(), candidates, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
