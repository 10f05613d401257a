using System.Text.Json;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.JobMatching.Application.Partners;
using Homeward.JobMatching.Domain.Vacancies;
using Homeward.JobMatching.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Homeward.JobMatching.Infrastructure.Partners;

/// <summary>
/// Writes new vacancies with one <c>INSERT … SELECT FROM unnest(…) RETURNING xmin</c>, every stored column as the
/// entity's mapping stores it (enums by name, certificates as JSON with the column mapping's serializer): a partner's
/// batch creates up to 1,000 at once, and one statement without change tracking costs a fraction of EF Core's batched
/// inserts. The row versions come back from the same statement, so each created item answers with its version.
/// </summary>
public static class VacancyInsert
{
    /// <summary>Every column of jobmatching.vacancies but the row version (xmin, kept by PostgreSQL).</summary>
    public static readonly string[] Columns =
    [
        "id", "employer_id", "title", "trade_code", "required_level", "required_certificates", "minimum_education", "headcount",
        "filled", "wage_min", "wage_max", "division", "partner_city", "accommodation", "valid_through", "status", "posted_at",
        "updated_at", "external_id", "sector", "withdrawn_at", "required_level_number", "minimum_education_number", "wage_max_yuan",
        "required_certificate_keys",
    ];

    private static readonly string Sql =
        $"""
        INSERT INTO "{JobMatchingDbContext.Schema}".vacancies ({string.Join(", ", Columns)})
        SELECT {string.Join(", ", Columns[..^1])}, ARRAY(SELECT jsonb_array_elements_text(certificate_keys))
        FROM unnest(
            @id, @employer_id, @title, @trade_code, @required_level, @required_certificates, @minimum_education, @headcount,
            @filled, @wage_min, @wage_max, @division, @partner_city, @accommodation, @valid_through, @status, @posted_at,
            @updated_at, @external_id, @sector, @withdrawn_at, @required_level_number, @minimum_education_number, @wage_max_yuan,
            @required_certificate_keys)
            AS new_vacancy ({string.Join(", ", Columns[..^1])}, certificate_keys)
        RETURNING id, xmin
        """;

    private static readonly JsonSerializerOptions Json = JsonColumnMapping.SerializerOptions;

    /// <returns>The row version of each vacancy written, by id.</returns>
    public static async Task<Dictionary<Guid, uint>> WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyCollection<Vacancy> vacancies, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Sql, connection, transaction);
        var parameters = command.Parameters;
        parameters.Add(Array("id", NpgsqlDbType.Uuid, vacancies.Select(v => v.Id)));
        parameters.Add(Array("employer_id", NpgsqlDbType.Uuid, vacancies.Select(v => v.EmployerId)));
        parameters.Add(Array("title", NpgsqlDbType.Varchar, vacancies.Select(v => v.Title)));
        parameters.Add(Array("trade_code", NpgsqlDbType.Varchar, vacancies.Select(v => v.TradeCode)));
        parameters.Add(Array("required_level", NpgsqlDbType.Varchar, vacancies.Select(v => v.RequiredLevel.ToString())));
        parameters.Add(Array("required_certificates", NpgsqlDbType.Jsonb, vacancies.Select(v => JsonSerializer.Serialize(v.RequiredCertificates, Json))));
        parameters.Add(Array("minimum_education", NpgsqlDbType.Varchar, vacancies.Select(v => v.MinimumEducation?.ToString())));
        parameters.Add(Array("headcount", NpgsqlDbType.Integer, vacancies.Select(v => v.Headcount)));
        parameters.Add(Array("filled", NpgsqlDbType.Integer, vacancies.Select(v => v.Filled)));
        parameters.Add(Array("wage_min", NpgsqlDbType.Numeric, vacancies.Select(v => v.WageMin)));
        parameters.Add(Array("wage_max", NpgsqlDbType.Numeric, vacancies.Select(v => v.WageMax)));
        parameters.Add(Array("division", NpgsqlDbType.Char, vacancies.Select(v => v.Division)));
        parameters.Add(Array("partner_city", NpgsqlDbType.Varchar, vacancies.Select(v => v.PartnerCity)));
        parameters.Add(Array("accommodation", NpgsqlDbType.Boolean, vacancies.Select(v => v.Accommodation)));
        parameters.Add(Array("valid_through", NpgsqlDbType.Date, vacancies.Select(v => v.ValidThrough)));
        parameters.Add(Array("status", NpgsqlDbType.Varchar, vacancies.Select(v => v.Status.ToString())));
        parameters.Add(Array("posted_at", NpgsqlDbType.TimestampTz, vacancies.Select(v => v.PostedAt)));
        parameters.Add(Array("updated_at", NpgsqlDbType.TimestampTz, vacancies.Select(v => v.UpdatedAt)));
        parameters.Add(Array("external_id", NpgsqlDbType.Varchar, vacancies.Select(v => v.ExternalId)));
        parameters.Add(Array("sector", NpgsqlDbType.Varchar, vacancies.Select(v => v.Sector)));
        parameters.Add(Array("withdrawn_at", NpgsqlDbType.TimestampTz, vacancies.Select(v => v.WithdrawnAt)));
        parameters.Add(Array("required_level_number", NpgsqlDbType.Smallint, vacancies.Select(v => v.RequiredLevelNumber)));
        parameters.Add(Array("minimum_education_number", NpgsqlDbType.Smallint, vacancies.Select(v => v.MinimumEducationNumber)));
        parameters.Add(Array("wage_max_yuan", NpgsqlDbType.Integer, vacancies.Select(v => v.WageMaxYuan)));

        // unnest flattens an array of arrays, so each vacancy's keys travel as one JSON array and become text[] again in the SELECT.
        parameters.Add(Array("required_certificate_keys", NpgsqlDbType.Jsonb, vacancies.Select(v => JsonSerializer.Serialize(v.RequiredCertificateKeys, Json))));

        var versions = new Dictionary<Guid, uint>(vacancies.Count);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                versions.Add(reader.GetGuid(0), reader.GetFieldValue<uint>(1));
            }
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // A concurrent writer created one of these external ids first: the sync starts again from the database.
            throw new UniqueConstraintViolationException(exception.ConstraintName, exception);
        }

        return versions;
    }

    private static NpgsqlParameter Array<T>(string name, NpgsqlDbType type, IEnumerable<T> values) =>
        new(name, NpgsqlDbType.Array | type) { Value = values.ToArray() };
}

/// <summary>Writes a sync's new vacancies by <see cref="VacancyInsert"/> and its other changes by SaveChanges, in one transaction on the DbContext's connection.</summary>
internal sealed class UnnestVacancyInserts(JobMatchingDbContext db) : INewVacancies
{
    public async Task SaveChangesWithAsync(IReadOnlyCollection<Vacancy> created, CancellationToken cancellationToken)
    {
        if (created.Count == 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        Dictionary<Guid, uint> versions;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            versions = await VacancyInsert.WriteAsync(
                (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)transaction.GetDbTransaction(), created, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var vacancy in created)
        {
            var rowVersion = db.Attach(vacancy).Property(v => v.RowVersion);
            rowVersion.CurrentValue = versions[vacancy.Id];
            rowVersion.OriginalValue = versions[vacancy.Id];
            rowVersion.IsModified = false;
        }
    }
}
