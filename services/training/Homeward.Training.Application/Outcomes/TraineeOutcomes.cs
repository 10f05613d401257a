using Homeward.SharedKernel.Divisions;
using Homeward.Training.Domain.Enrollments;
using Homeward.Training.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Training.Application.Outcomes;

/// <summary>What became of one seated trainee of a session: completion, certificate, and work within the window after completing.</summary>
public sealed record TraineeOutcome(
    Guid SessionId,
    Guid ProviderId,
    Guid CourseId,
    string TradeCode,
    DateOnly SessionStartsOn,
    DateOnly SessionEndsOn,
    SessionStatus SessionStatus,
    EnrollmentStatus Status,
    bool Certified,
    bool Employed,
    bool EmployedInTrade)
{
    public bool Closed => Status is EnrollmentStatus.Completed or EnrollmentStatus.Dropped or EnrollmentStatus.Withdrawn;

    public bool Completed => Status == EnrollmentStatus.Completed;
}

/// <summary>Rates over trainee outcomes: completion over those whose training ended, certification and employment over completers.</summary>
public sealed record OutcomeRates(int Seated, int Completed, int Dropped, int Certified, int Employed, int EmployedInTrade)
{
    public decimal? CompletionRate => Rate(Completed, Completed + Dropped);

    public decimal? CertificationRate => Rate(Certified, Completed);

    public decimal? EmploymentRate => Rate(Employed, Completed);

    public decimal? InTradeEmploymentRate => Rate(EmployedInTrade, Completed);

    public static OutcomeRates Of(IEnumerable<TraineeOutcome> outcomes)
    {
        var list = outcomes as IReadOnlyCollection<TraineeOutcome> ?? outcomes.ToList();
        return new OutcomeRates(
            list.Count,
            list.Count(o => o.Completed),
            list.Count(o => o.Closed && !o.Completed),
            list.Count(o => o.Completed && o.Certified),
            list.Count(o => o.Completed && o.Employed),
            list.Count(o => o.Completed && o.EmployedInTrade));
    }

    private static decimal? Rate(int part, int whole) => whole == 0 ? null : Math.Round((decimal)part / whole, 4);
}

public static class TraineeOutcomes
{
    /// <summary>
    /// Outcomes of every trainee who held a seat in a session held within <paramref name="division"/>. A trainee who
    /// completed counts as employed when a start of work (a placement, or the registry's status becoming employed)
    /// falls on the completion day or within <paramref name="windowMonths"/> months after it; in the trade when the
    /// placement's trade is the session's.
    /// </summary>
    public static async Task<IReadOnlyList<TraineeOutcome>> OfDivisionAsync(
        ITrainingDbContext db, DivisionCode division, int windowMonths, CancellationToken cancellationToken)
    {
        var (first, last) = division.SubtreeRange;
        var seated = await db.Enrollments.AsNoTracking()
            .Where(e => e.SeatedAt != null)
            .Join(
                db.Sessions.Where(s => string.Compare(s.Division, first) >= 0 && string.Compare(s.Division, last) <= 0),
                e => e.SessionId,
                s => s.Id,
                (e, s) => new
                {
                    e.WorkerId, e.Status, e.EndedOn, Certified = e.CertificateId != null,
                    SessionId = s.Id, s.ProviderId, s.CourseId, s.TradeCode, s.StartsOn, s.EndsOn, SessionStatus = s.Status,
                })
            .ToListAsync(cancellationToken);
        var completers = seated.Where(e => e.Status == EnrollmentStatus.Completed).Select(e => e.WorkerId).Distinct().ToList();
        var starts = (await db.EmploymentRecords.AsNoTracking()
                .Where(r => completers.Contains(r.WorkerId))
                .Select(r => new { r.WorkerId, r.StartedOn, r.TradeCode })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.WorkerId);
        return seated.Select(e =>
        {
            var within = e.Status == EnrollmentStatus.Completed && e.EndedOn is { } completedOn
                ? starts[e.WorkerId].Where(r => r.StartedOn >= completedOn && r.StartedOn <= completedOn.AddMonths(windowMonths)).ToList()
                : [];
            return new TraineeOutcome(
                e.SessionId, e.ProviderId, e.CourseId, e.TradeCode, e.StartsOn, e.EndsOn, e.SessionStatus, e.Status, e.Certified,
                within.Count > 0, within.Any(r => r.TradeCode == e.TradeCode));
        }).ToList();
    }
}
