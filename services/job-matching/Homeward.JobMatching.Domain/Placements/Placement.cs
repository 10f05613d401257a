using Homeward.JobMatching.Domain.FollowUp;
using Homeward.SharedKernel;

namespace Homeward.JobMatching.Domain.Placements;

/// <summary>Why a placement ended; the names are those of the PlacementEnded event.</summary>
public enum PlacementEndReason
{
    ContractEnded = 0,
    Resigned = 1,
    Dismissed = 2,
    CouldNotAdapt = 3,
    RightsViolated = 4,
    Other = 5,
}

/// <summary>
/// A worker was hired: from a recommendation, into a vacancy, or directly by an employer. It is local when the
/// workplace is in the city and cross-region when it is in a partner city. It ends once, with a reason.
/// </summary>
public sealed class Placement : IHasRowVersion
{
    private Placement()
    {
    }

    public Guid Id { get; private set; }

    public Guid WorkerId { get; private set; }

    /// <summary>The worker's household village when placed: who may see the placement, and where KPIs count it.</summary>
    public string WorkerDivision { get; private set; } = string.Empty;

    public Guid EmployerId { get; private set; }

    public Guid? VacancyId { get; private set; }

    public Guid? RecommendationId { get; private set; }

    public bool CrossRegion { get; private set; }

    /// <summary>The workplace's division in the city; null in a partner city.</summary>
    public string? WorkplaceDivision { get; private set; }

    public string? PartnerCity { get; private set; }

    public string? TradeCode { get; private set; }

    public decimal MonthlyWage { get; private set; }

    public DateOnly StartDate { get; private set; }

    public DateOnly? EndDate { get; private set; }

    public PlacementEndReason? EndReason { get; private set; }

    public string? EndNote { get; private set; }

    /// <summary>The day the employer (a partner city's enterprise) confirmed the worker started; null until confirmed.</summary>
    public DateOnly? ConfirmedOn { get; private set; }

    /// <summary>
    /// The day its next follow-up check-in comes due; null once none is left or the placement ended. The scheduler
    /// reads only the placements whose day has come (a partial index), not every running one.
    /// </summary>
    public DateOnly? NextFollowUpOn { get; private set; }

    public string RecordedBy { get; private set; } = string.Empty;

    public DateTimeOffset RecordedAt { get; private set; }

    public uint RowVersion { get; private set; }

    public bool IsActive => EndDate is null;

    public static Placement Hire(
        Guid id,
        Guid workerId,
        string workerDivision,
        Guid employerId,
        Guid? vacancyId,
        Guid? recommendationId,
        string? workplaceDivision,
        string? partnerCity,
        string? tradeCode,
        decimal monthlyWage,
        DateOnly startDate,
        IReadOnlyCollection<int> checkInMonths,
        string recordedBy,
        DateTimeOffset now)
    {
        if (monthlyWage <= 0 || decimal.Round(monthlyWage, 2) != monthlyWage)
        {
            throw new DomainException("placement-wage-invalid", "A monthly wage is a positive amount of CNY with at most two decimals.");
        }

        return new Placement
        {
            Id = id,
            WorkerId = workerId,
            WorkerDivision = workerDivision,
            EmployerId = employerId,
            VacancyId = vacancyId,
            RecommendationId = recommendationId,
            CrossRegion = partnerCity is not null,
            WorkplaceDivision = partnerCity is null ? workplaceDivision : null,
            PartnerCity = partnerCity,
            TradeCode = tradeCode,
            MonthlyWage = monthlyWage,
            StartDate = startDate,
            NextFollowUpOn = FollowUpSchedule.First(startDate, checkInMonths),
            RecordedBy = recordedBy,
            RecordedAt = now,
        };
    }

    /// <summary>The employer confirms the worker started. Confirming again changes nothing.</summary>
    public bool Confirm(DateOnly on)
    {
        if (ConfirmedOn is not null)
        {
            return false;
        }

        if (on < StartDate)
        {
            throw new DomainException("placement-confirmed-before-start", "A placement is confirmed on or after the day it starts.");
        }

        ConfirmedOn = on;
        return true;
    }

    /// <summary>The worker's monthly wage changed while employed.</summary>
    public void ChangeWage(decimal monthlyWage, DateOnly on)
    {
        if (!IsActive)
        {
            throw new DomainException("placement-already-ended", $"The placement already ended on {EndDate:yyyy-MM-dd}.");
        }

        if (on < StartDate)
        {
            throw new DomainException("placement-wage-before-start", "A wage changes on or after the day the placement starts.");
        }

        if (monthlyWage <= 0 || decimal.Round(monthlyWage, 2) != monthlyWage)
        {
            throw new DomainException("placement-wage-invalid", "A monthly wage is a positive amount of CNY with at most two decimals.");
        }

        MonthlyWage = monthlyWage;
    }

    public void End(DateOnly endDate, PlacementEndReason reason, string? note)
    {
        if (!IsActive)
        {
            throw new DomainException("placement-already-ended", $"The placement already ended on {EndDate:yyyy-MM-dd}.");
        }

        if (endDate < StartDate)
        {
            throw new DomainException("placement-end-before-start", "A placement cannot end before it started.");
        }

        EndDate = endDate;
        EndReason = reason;
        EndNote = note;
        NextFollowUpOn = null;
    }

    /// <summary>The check-ins due by <paramref name="today"/> are in the work queue; the next one comes due on <paramref name="next"/> (null: none left).</summary>
    public void FollowUpsScheduledThrough(DateOnly today, DateOnly? next)
    {
        if (next is { } day && day <= today)
        {
            throw new DomainException("follow-up-next-not-after-today", "The next check-in of a placement comes due after the day scheduled through.");
        }

        NextFollowUpOn = IsActive ? next : null;
    }
}
