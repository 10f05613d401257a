using System.Buffers.Binary;
using System.Threading.Channels;
using Homeward.BuildingBlocks.Application.Privacy;
using Homeward.Contracts.Registry;
using Homeward.Registry.Application.Workers;
using Homeward.Registry.Domain.Imports;
using Homeward.Registry.Domain.Workers;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Divisions;
using Homeward.SharedKernel.Identity;
using Homeward.SharedKernel.Privacy;
using Microsoft.Extensions.Options;

namespace Homeward.Registry.Application.Imports;

/// <summary>
/// Runs a started import: validates every row with the rules of the API, reports broken rows and rows outside the
/// job's division, and upserts the rest by national ID in chunks, each chunk one transaction that also records the
/// job's progress. While chunks are written (several at once, each on its own connection) the next chunk is validated,
/// so the database's work and the service's overlap. A row identical to its record writes nothing, so importing a file
/// twice changes nothing the second time.
/// </summary>
public sealed class LedgerImporter(
    LedgerEntryValidator validator,
    IPersonalDataProtector protector,
    IWorkerLedgerStore store,
    IOptions<LedgerImportOptions> options,
    TimeProvider clock)
{
    private const string Note = "ledger import";

    public Task RunAsync(ImportJob job, IReadOnlyList<LedgerRecord> records, CancellationToken cancellationToken) =>
        RunAsync(job, records, options.Value.ChunkSize, ChunkEnd.Commit, cancellationToken);

    /// <summary>
    /// Runs the import of <paramref name="job"/> (a job never stored) through every step an import takes, in chunks of
    /// <paramref name="chunkSize"/> rows, and rolls each chunk back: the registry is left as it was. The job's counts
    /// say what the rows would have done.
    /// </summary>
    public Task RehearseAsync(ImportJob job, IReadOnlyList<LedgerRecord> records, int chunkSize, CancellationToken cancellationToken) =>
        RunAsync(job, records, chunkSize, ChunkEnd.RollBack, cancellationToken);

    private async Task RunAsync(ImportJob job, IReadOnlyList<LedgerRecord> records, int chunkSize, ChunkEnd end, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // One validated chunk waits while the others are written; more would only hold memory.
        var chunks = Channel.CreateBounded<PreparedRow[]>(1);
        var preparing = Task.Run(() => PrepareChunksAsync(job, records, chunkSize, now, chunks.Writer, stopping.Token), CancellationToken.None);
        try
        {
            await Parallel.ForEachAsync(
                chunks.Reader.ReadAllAsync(stopping.Token),
                new ParallelOptions { MaxDegreeOfParallelism = options.Value.ConcurrentChunks, CancellationToken = stopping.Token },
                async (chunk, token) => await store.ApplyChunkAsync(
                    job,
                    [.. chunk.Where(r => r.NationalIdHash is not null).Select(r => r.NationalIdHash!)],
                    [.. chunk.Where(r => r.Entry?.WorkerId is not null).Select(r => r.Entry!.WorkerId!.Value)],
                    existing => Decide(chunk, existing, job, now),
                    end,
                    token));
        }
        finally
        {
            await stopping.CancelAsync();
            await preparing;
        }
    }

    /// <summary>
    /// Validates the file chunk by chunk in file order and hands each chunk on; a failure ends the channel with it.
    /// A row that repeats a person of an earlier row is decided here, so chunks written at once never name the same
    /// person.
    /// </summary>
    private async Task PrepareChunksAsync(
        ImportJob job,
        IReadOnlyList<LedgerRecord> records,
        int chunkSize,
        DateTimeOffset now,
        ChannelWriter<PreparedRow[]> chunks,
        CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            var scope = DivisionCode.Parse(job.ScopeDivisionCode);
            var today = CityCalendar.DayOf(now);
            var people = new PeopleInFile();
            for (var start = 0; start < records.Count; start += chunkSize)
            {
                var rows = new PreparedRow[Math.Min(chunkSize, records.Count - start)];
                var first = start;
                Parallel.For(0, rows.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
                    rows[i] = Prepare(records[first + i], scope, today));
                var namedById = rows.Where(r => r.Entry?.WorkerId is not null).Select(r => r.Entry!.WorkerId!.Value).ToList();
                var numbersOfRecords = namedById.Count == 0
                    ? new Dictionary<Guid, byte[]>()
                    : await store.NationalIdHashesAsync(namedById, cancellationToken);
                people.RejectRepeated(rows, numbersOfRecords);
                await chunks.WriteAsync(rows, cancellationToken);
            }
        }
        catch (Exception exception)
        {
            failure = exception;
        }
        finally
        {
            chunks.TryComplete(failure);
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

    private LedgerChunkOutcome Decide(PreparedRow[] chunk, IReadOnlyList<Worker> existing, ImportJob job, DateTimeOffset now)
    {
        var byNumber = existing.ToDictionary(w => w.NationalId.LookupHash, LookupHashComparer.Instance);
        var byId = existing.ToDictionary(w => w.Id);
        var outcomes = new RowOutcome[chunk.Length];
        var scope = DivisionCode.Parse(job.ScopeDivisionCode);
        Parallel.For(0, chunk.Length, i => outcomes[i] = chunk[i] switch
        {
            { Entry: null } row => RowOutcome.Rejected(row.Errors),
            { Entry.WorkerId: { } id } row when byId.GetValueOrDefault(id) is { } worker => Update(row, worker, scope, job.RequestedBy, now),
            { Entry.WorkerId: null, NationalIdHash: { } hash } row when byNumber.GetValueOrDefault(hash) is { } worker =>
                Update(row, worker, scope, job.RequestedBy, now),
            var row => Register(row, job.RequestedBy, now),
        });

        var outcome = new LedgerChunkOutcome { Processed = chunk.Length };
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

        return outcome;
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

    /// <summary>
    /// The people of the rows so far, in file order: a person appears once in a file, and a later row with the same
    /// number, the same record id, or the id of the record that has an earlier row's number is reported; the first
    /// row counts.
    /// </summary>
    private sealed class PeopleInFile
    {
        private readonly Dictionary<byte[], int> _byNumber = new(LookupHashComparer.Instance);
        private readonly Dictionary<Guid, int> _byId = [];
        private readonly Dictionary<byte[], int> _byPerson = new(LookupHashComparer.Instance);

        /// <param name="numbersOfRecords">The national ID lookup hash of each existing record the rows name by id.</param>
        public void RejectRepeated(PreparedRow[] rows, IReadOnlyDictionary<Guid, byte[]> numbersOfRecords)
        {
            foreach (var row in rows)
            {
                if (row.NationalIdHash is { } hash && !_byNumber.TryAdd(hash, row.Row))
                {
                    row.Reject(LedgerColumns.NationalId, $"The same national ID number is already in row {_byNumber[hash]}.");
                }
                else if (row.Entry?.WorkerId is { } id && !_byId.TryAdd(id, row.Row))
                {
                    row.Reject(LedgerColumns.WorkerId, $"The same record is already in row {_byId[id]}.");
                }
                else if (row.Entry is { } entry && PersonOf(row, entry, numbersOfRecords) is { } person && !_byPerson.TryAdd(person, row.Row))
                {
                    row.Reject(LedgerColumns.NationalId, $"The same person is already in row {_byPerson[person]}.");
                }
            }
        }

        /// <summary>The number a row is about: its record's when it names one by id, else its own; null when unknown.</summary>
        private static byte[]? PersonOf(PreparedRow row, LedgerEntry entry, IReadOnlyDictionary<Guid, byte[]> numbersOfRecords) =>
            entry.WorkerId is { } id ? numbersOfRecords.GetValueOrDefault(id) : row.NationalIdHash;
    }

    /// <summary>
    /// National ID lookup hashes as dictionary keys, by content. They are HMAC-SHA256 values, evenly spread, so their
    /// first bytes are a good hash code; keying by their hex text cost a string per row and lookup.
    /// </summary>
    private sealed class LookupHashComparer : IEqualityComparer<byte[]>
    {
        public static LookupHashComparer Instance { get; } = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => BinaryPrimitives.ReadInt32LittleEndian(obj);
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
