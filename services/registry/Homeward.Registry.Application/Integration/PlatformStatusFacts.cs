using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.Registry.Application.Workers;
using Homeward.Registry.Domain.Monitoring;
using Homeward.Registry.Domain.Workers;
using Homeward.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Registry.Application.Integration;

/// <summary>
/// Something on the platform that gives a worker a status from its start — a placement, a training, a business — and,
/// for placements and trainings, until its end. Its facts carry its id in the status history's notes, so that each is
/// recorded once and an end can tell whether the worker's status still stands on that start.
/// </summary>
/// <param name="Actor">The service that reports it.</param>
public sealed record PlatformActivity(string Kind, Guid Id, string Actor)
{
    public string Started => $"{Kind} {Id} started";

    public string Ended => $"{Kind} {Id} ended";

    public static PlatformActivity Placement(Guid placementId) => new("placement", placementId, "job-matching");

    public static PlatformActivity Training(Guid enrollmentId) => new("training", enrollmentId, "training");

    public static PlatformActivity Business(Guid businessId) => new("business", businessId, "subsidy");
}

/// <summary>
/// Applies what other services report about a worker's status so that the record comes out the same in whatever order
/// the reports arrive, and so that every report leaves exactly one row in the status history (a second report of the
/// same start or end changes nothing):
/// <list type="bullet">
/// <item>A start is a time-ordered fact (<see cref="Worker.ApplyStatusFact"/>): newer than what the record knows, it
/// sets the status or confirms the same one; older, it only goes into the history.</item>
/// <item>An end returns the worker to seeking work only while the status still stands on that activity's start: the
/// latest change or confirmation of the status is that start. Otherwise the status came from something else (another
/// job, a business, a staff member's entry) that the end says nothing about, and the end only goes into the history.</item>
/// <item>An end that overtook its start waits in the history. When the start arrives it is applied, and the end after
/// it, exactly as if the two had arrived in order.</item>
/// <item>A start the status rules forbid (a job for someone recorded outside the labour force) is kept in the history
/// and opens a discrepancy for the worker's office: it is a question for staff, not a message to retry.</item>
/// </list>
/// </summary>
internal sealed class PlatformStatusFacts(IRegistryDbContext db, IOutbox outbox, DateTimeOffset now)
{
    private const string TransitionNotAllowed = "status-transition-not-allowed";

    /// <param name="refusal">Why the start does not apply to the worker as they are (a training while employed), or null.</param>
    public async Task StartAsync(Worker worker, PlatformActivity activity, EmploymentStatus status, DateOnly on, string? refusal, CancellationToken cancellationToken)
    {
        var history = await HistoryOfAsync(worker, activity, cancellationToken);
        if (history.Any(c => c.Note!.Contains(activity.Started, StringComparison.Ordinal)))
        {
            return;
        }

        var standsOnStart = refusal is null
            ? await ApplyAsync(worker, status, CityCalendar.StartOf(on), activity, activity.Started, cancellationToken)
            : Keep(worker.RecordStatusFactInHistory(status, CityCalendar.StartOf(on), InformationSource.Platform, activity.Actor, $"not applied, {refusal}: {activity.Started}", now));
        if (standsOnStart && history.FirstOrDefault(c => c.Note!.Contains(activity.Ended, StringComparison.Ordinal)) is { } end)
        {
            await ApplyAsync(worker, EmploymentStatus.SeekingWork, end.ChangedAt, activity, $"{activity.Ended}, applied when its start arrived", cancellationToken);
        }
    }

    /// <param name="how">How it ended (completed, dropped, contractEnded, …), for the history.</param>
    public async Task EndAsync(Worker worker, PlatformActivity activity, DateOnly on, string how, CancellationToken cancellationToken)
    {
        var history = await HistoryOfAsync(worker, activity, cancellationToken);
        if (history.Any(c => c.Note!.Contains(activity.Ended, StringComparison.Ordinal)))
        {
            return;
        }

        var note = $"{activity.Ended} ({how})";
        var latest = await db.StatusChanges.AsNoTracking()
            .Where(c => c.WorkerId == worker.Id && c.From != null)
            .OrderByDescending(c => c.RecordedAt)
            .ThenByDescending(c => c.ChangedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (latest is not null && latest.To == worker.Status && latest.Note?.Contains(activity.Started, StringComparison.Ordinal) == true)
        {
            await ApplyAsync(worker, EmploymentStatus.SeekingWork, CityCalendar.StartOf(on), activity, note, cancellationToken);
        }
        else
        {
            Keep(worker.RecordStatusFactInHistory(
                EmploymentStatus.SeekingWork, CityCalendar.StartOf(on), InformationSource.Platform, activity.Actor, $"not applied, the status does not stand on this {activity.Kind}: {note}", now));
        }
    }

    /// <summary>
    /// A fact dated by its day alone stands at the day's first instant, which cannot order it against a status recorded
    /// later that same day: a worker registered in the morning and hired at a job fair that afternoon would keep
    /// "seeking work". Reported after that status, the fact is the newer one and takes the status's instant.
    /// </summary>
    private DateTimeOffset OrderedAgainstSameDay(Worker worker, DateTimeOffset asOf) =>
        CityCalendar.IsStartOfDay(asOf) && worker.StatusAsOf > asOf && worker.StatusAsOf < asOf.AddDays(1) && worker.StatusAsOf <= now
            ? worker.StatusAsOf
            : asOf;

    private async Task<List<StatusChange>> HistoryOfAsync(Worker worker, PlatformActivity activity, CancellationToken cancellationToken)
    {
        var id = activity.Id.ToString();
        return await db.StatusChanges.AsNoTracking()
            .Where(c => c.WorkerId == worker.Id && c.Note != null && c.Note.Contains(id))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Applies a fact and tells whether the status now stands on it (it set or confirmed the status).</summary>
    private async Task<bool> ApplyAsync(Worker worker, EmploymentStatus status, DateTimeOffset asOf, PlatformActivity activity, string note, CancellationToken cancellationToken)
    {
        asOf = OrderedAgainstSameDay(worker, asOf);
        StatusChange? change;
        try
        {
            change = worker.ApplyStatusFact(status, asOf, InformationSource.Platform, activity.Actor, note, now);
        }
        catch (DomainException exception) when (exception.Code == TransitionNotAllowed)
        {
            var discrepancy = await OpenDiscrepancyAsync(worker, status, asOf, activity, cancellationToken);
            return Keep(worker.RecordStatusFactInHistory(
                status, asOf, InformationSource.Platform, activity.Actor, $"not applied, discrepancy {discrepancy} opened: {note}", now));
        }

        if (change is null)
        {
            db.StatusChanges.Add(worker.RecordStatusConfirmation(asOf, InformationSource.Platform, activity.Actor, $"{note} (confirms the status)", now));
            return true;
        }

        db.StatusChanges.Add(change);
        if (change.From is null)
        {
            return false;
        }

        WorkerEvents.StatusChanged(outbox, worker, change, now);
        return true;
    }

    /// <summary>Keeps a fact in the history only; the status does not stand on it.</summary>
    private bool Keep(StatusChange fact)
    {
        db.StatusChanges.Add(fact);
        return false;
    }

    /// <summary>Opens a discrepancy about the status, or joins the open one that already reports the same status.</summary>
    private async Task<Guid> OpenDiscrepancyAsync(Worker worker, EmploymentStatus status, DateTimeOffset asOf, PlatformActivity activity, CancellationToken cancellationToken)
    {
        var observed = EnumNames.Of(status);
        var discrepancy = await db.Discrepancies.FirstOrDefaultAsync(
            d => d.WorkerId == worker.Id && d.Field == ObservedField.EmploymentStatus && d.Status == DiscrepancyStatus.Open && d.ObservedValue == observed,
            cancellationToken);
        if (discrepancy is null)
        {
            discrepancy = Discrepancy.Open(
                Guid.CreateVersion7(now),
                worker.Id,
                worker.HouseholdDivisionCode,
                ObservedField.EmploymentStatus,
                EnumNames.Of(worker.Status),
                observed,
                InformationSource.Platform,
                now);
            db.Discrepancies.Add(discrepancy);
        }

        db.Observations.Add(Observation.Record(
            Guid.CreateVersion7(now),
            worker.Id,
            ObservedField.EmploymentStatus,
            observed,
            InformationSource.Platform,
            asOf,
            now,
            activity.Actor,
            ObservationOutcome.Disagreed,
            discrepancy.Id));
        return discrepancy.Id;
    }
}
