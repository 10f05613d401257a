using Homeward.BuildingBlocks.Application.Privacy;
using Homeward.Contracts.Registry;
using Homeward.Registry.Application.Workers;
using Homeward.Registry.Domain.Imports;
using Homeward.Registry.Domain.Workers;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Divisions;
using Homeward.SharedKernel.Identity;
using Homeward.SharedKernel.Privacy;

namespace Homeward.Registry.Application.Imports;

/// <summary>
/// Runs a started import: validates every row with the rules of the API (on all cores), reports broken rows and
/// rows outside the job's division, and upserts the rest by national ID in chunks, each chunk one transaction that
/// also records the job's progress. A row identical to its record writes nothing, so importing a file twice changes
/// nothing the second time.
/// </summary>
public sealed class LedgerImporter(
    LedgerEntryValidator validator,
    IPersonalDataProtector protector,
    IWorkerLedgerStore store,
    TimeProvider clock)
{
    public const int ChunkSize = 10_000;
    private const string Note = "ledger import";

    public async Task RunAsync(ImportJob job, IReadOnlyList<LedgerRecord> records, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var scope = DivisionCode.Parse(job.ScopeDivisionCode);
        var rows = new PreparedRow[records.Count];
        Parallel.For(0, records.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            rows[i] = Prepare(records[i], scope, DateOnly.FromDateTime(now.UtcDateTime)));
        RejectRepeatedPeople(rows);

        var resolved = new HashSet<Guid>();
        for (var start = 0; start < rows.Length; start += ChunkSize)
        {
            var chunk = new ArraySegment<PreparedRow>(rows, start, Math.Min(ChunkSize, rows.Length - start));
            var hashes = chunk.Where(r => r.NationalIdHash is not null).Select(r => r.NationalIdHash!).ToList();
            var ids = chunk.Where(r => r.Entry?.WorkerId is not null).Select(r => r.Entry!.WorkerId!.Value).ToList();
            HashSet<Guid> resolvedInChunk = [];
            await store.ApplyChunkAsync(
                job,
                hashes,
                ids,
                existing =>
                {
                    var outcome = Decide(chunk, existing, job, resolved, now);
                    resolvedInChunk = outcome.Resolved;
                    return outcome.Outcome;
                },
                cancellationToken);
            resolved.UnionWith(resolvedInChunk);
        }
    }

    private PreparedRow Prepare(LedgerRecord record, DivisionCode scope, DateOnly today)
    {
        var row = new PreparedRow(record.Row);
        var entry = LedgerEntry.Read(record, row.Errors);
        if (entry is null)
        {
            return row;
        }

        row.Errors.AddRange(validator.Problems(entry));
        if (row.Errors.Count == 0 && !DivisionCode.Parse(entry.HouseholdDivision).IsWithin(scope))
        {
            row.Errors.Add(new ImportRowError(record.Row, LedgerColumns.HouseholdDivision, $"The village lies outside the division of this import ({scope})."));
        }

        if (row.Errors.Count > 0)
        {
            return row;
        }

        if (!LedgerMasks.IsMaskedNationalId(entry.NationalId))
        {
            row.NationalId = NationalId.Parse(entry.NationalId, today);
            row.NationalIdHash = protector.LookupHash(PersonalDataKind.NationalId, row.NationalId.Value);
        }

        if (entry.Phone is { } phone && !LedgerMasks.IsMaskedPhone(phone))
        {
            row.Phone = PhoneNumber.Parse(phone).Value;
        }

        row.Entry = entry;
        return row;
    }

    /// <summary>A person appears once in a file: a later row with the same number or record id is reported, the first one counts.</summary>
    private static void RejectRepeatedPeople(PreparedRow[] rows)
    {
        var byNumber = new Dictionary<string, int>(StringComparer.Ordinal);
        var byId = new Dictionary<Guid, int>();
        foreach (var row in rows)
        {
            if (row.NationalIdHash is { } hash && !byNumber.TryAdd(Convert.ToHexString(hash), row.Row))
            {
                row.Reject(LedgerColumns.NationalId, $"The same national ID number is already in row {byNumber[Convert.ToHexString(hash)]}.");
            }
            else if (row.Entry?.WorkerId is { } id && !byId.TryAdd(id, row.Row))
            {
                row.Reject(LedgerColumns.WorkerId, $"The same record is already in row {byId[id]}.");
            }
        }
    }

    private (LedgerChunkOutcome Outcome, HashSet<Guid> Resolved) Decide(
        ArraySegment<PreparedRow> chunk,
        IReadOnlyList<Worker> existing,
        ImportJob job,
        HashSet<Guid> resolvedEarlier,
        DateTimeOffset now)
    {
        var byNumber = existing.ToDictionary(w => Convert.ToHexString(w.NationalId.LookupHash), StringComparer.Ordinal);
        var byId = existing.ToDictionary(w => w.Id);

        // Which record each row is about, in file order, so that a record named twice (once by number, once by id)
        // counts for its first row only.
        var targets = new Worker?[chunk.Count];
        var resolved = new HashSet<Guid>();
        var repeated = new bool[chunk.Count];
        for (var i = 0; i < chunk.Count; i++)
        {
            var row = chunk[i];
            targets[i] = row.Entry?.WorkerId is { } id ? byId.GetValueOrDefault(id)
                : row.NationalIdHash is { } hash ? byNumber.GetValueOrDefault(Convert.ToHexString(hash))
                : null;
            repeated[i] = targets[i] is { } target && (resolvedEarlier.Contains(target.Id) || !resolved.Add(target.Id));
        }

        var outcomes = new RowOutcome[chunk.Count];
        var scope = DivisionCode.Parse(job.ScopeDivisionCode);
        Parallel.For(0, chunk.Count, i => outcomes[i] = chunk[i] switch
        {
            { Entry: null } row => RowOutcome.Rejected(row.Errors),
            var row when repeated[i] => RowOutcome.Rejected(row.Row, LedgerColumns.NationalId, "The same person is already in an earlier row of this file."),
            var row when targets[i] is { } worker => Update(row, worker, scope, job.RequestedBy, now),
            var row => Register(row, job.RequestedBy, now),
        });

        var outcome = new LedgerChunkOutcome { Processed = chunk.Count };
        foreach (var row in outcomes)
        {
            outcome.Errors.AddRange(row.Errors);
            if (row.Registered is { } newWorker)
            {
                outcome.Registered.Add(newWorker);
            }
            else if (row.Changed is { } changed)
            {
                outcome.Changed.Add(changed);
            }
            else if (row.Errors.Count == 0)
            {
                outcome.Unchanged++;
            }

            if (row.StatusChange is { } statusChange)
            {
                outcome.StatusChanges.Add(statusChange);
            }

            outcome.Events.AddRange(row.Events);
        }

        return (outcome, resolved);
    }

    private RowOutcome Register(PreparedRow row, string actor, DateTimeOffset now)
    {
        var entry = row.Entry!;
        if (entry.WorkerId is not null)
        {
            return RowOutcome.Rejected(row.Row, LedgerColumns.WorkerId, "No record with this id lies in the division of this import.");
        }

        if (entry.Phone is not null && row.Phone is null)
        {
            return RowOutcome.Rejected(row.Row, LedgerColumns.Phone, "A masked number stands only for the number on record; a new record needs the full number.");
        }

        var (worker, initialStatus) = Worker.Register(
            Guid.CreateVersion7(now),
            row.NationalId!,
            protector.Protect(PersonalDataKind.NationalId, row.NationalId!.Value),
            entry.Name,
            row.Phone is { } phone ? protector.Protect(PersonalDataKind.Phone, phone) : null,
            DivisionCode.Parse(entry.HouseholdDivision),
            entry.Profile,
            entry.Status ?? EmploymentStatus.SeekingWork,
            InformationSource.LedgerImport,
            actor,
            now);
        var events = new RecordedEvents();
        events.Enqueue(new WorkerRegistered(
            Guid.CreateVersion7(now),
            now,
            worker.Id,
            worker.Name,
            worker.Gender == Gender.Male ? "male" : "female",
            worker.BirthDate,
            worker.HouseholdDivisionCode,
            WorkerFactsMapper.From(worker)));
        return new RowOutcome([], worker, null, initialStatus, events);
    }

    private RowOutcome Update(PreparedRow row, Worker worker, DivisionCode scope, string actor, DateTimeOffset now)
    {
        var entry = row.Entry!;
        if (!DivisionCode.Parse(worker.HouseholdDivisionCode).IsWithin(scope))
        {
            return RowOutcome.Rejected(row.Row, LedgerColumns.NationalId, "This person is registered in a division outside this import's; their own office keeps the record.");
        }

        if (entry.WorkerId is not null
            && (row.NationalIdHash is { } hash ? !hash.AsSpan().SequenceEqual(worker.NationalId.LookupHash) : entry.NationalId != worker.NationalId.Masked))
        {
            return RowOutcome.Rejected(row.Row, LedgerColumns.NationalId, "The national ID number is not the one of the record with this worker id.");
        }

        ProtectedValue? phone = null;
        if (entry.Phone is not null)
        {
            if (row.Phone is null && entry.Phone != worker.Phone?.Masked)
            {
                return RowOutcome.Rejected(row.Row, LedgerColumns.Phone, "A masked number stands only for the number on record; write the full new number.");
            }

            if (row.Phone is { } number && !protector.LookupHash(PersonalDataKind.Phone, number).AsSpan().SequenceEqual(worker.Phone?.LookupHash))
            {
                phone = protector.Protect(PersonalDataKind.Phone, number);
            }
        }

        IReadOnlyList<string> changed;
        StatusChange? statusChange = null;
        try
        {
            changed = worker.ChangeProfile(entry.Name, phone, DivisionCode.Parse(entry.HouseholdDivision), entry.ApplyTo(worker.Profile), now);
            if (entry.Status is { } status && status != worker.Status)
            {
                statusChange = worker.ChangeStatus(status, InformationSource.LedgerImport, actor, Note, now);
            }
        }
        catch (DomainException refused)
        {
            var column = refused.Code switch
            {
                "status-transition-not-allowed" => LedgerColumns.Status,
                "worker-name-invalid" => LedgerColumns.Name,
                "household-division-not-village" => LedgerColumns.HouseholdDivision,
                _ => "row",
            };
            return RowOutcome.Rejected(row.Row, column, refused.Message);
        }

        if (changed.Count == 0 && statusChange is null)
        {
            return RowOutcome.Unchanged;
        }

        var events = new RecordedEvents();
        WorkerEvents.ProfileUpdated(events, worker, changed, now);
        if (statusChange is not null)
        {
            WorkerEvents.StatusChanged(events, worker, statusChange, now);
        }

        return new RowOutcome([], null, worker, statusChange, events);
    }

    private sealed class PreparedRow(int row)
    {
        public int Row { get; } = row;

        public LedgerEntry? Entry { get; set; }

        public List<ImportRowError> Errors { get; } = [];

        public NationalId? NationalId { get; set; }

        public byte[]? NationalIdHash { get; set; }

        /// <summary>The full number, normalized; null when blank or masked.</summary>
        public string? Phone { get; set; }

        public void Reject(string column, string message)
        {
            Errors.Add(new ImportRowError(Row, column, message));
            Entry = null;
            NationalIdHash = null;
        }
    }

    private sealed record RowOutcome(
        IReadOnlyList<ImportRowError> Errors,
        Worker? Registered,
        Worker? Changed,
        StatusChange? StatusChange,
        RecordedEvents Events)
    {
        public static RowOutcome Unchanged { get; } = new([], null, null, null, new RecordedEvents());

        public static RowOutcome Rejected(IReadOnlyList<ImportRowError> errors) => new(errors, null, null, null, new RecordedEvents());

        public static RowOutcome Rejected(int row, string column, string message) => Rejected([new ImportRowError(row, column, message)]);
    }
}
