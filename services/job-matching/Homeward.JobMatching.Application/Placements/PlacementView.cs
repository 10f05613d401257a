using Homeward.JobMatching.Domain.Placements;

namespace Homeward.JobMatching.Application.Placements;

public sealed record PlacementView(
    Guid Id,
    Guid WorkerId,
    string WorkerDivision,
    Guid EmployerId,
    Guid? VacancyId,
    Guid? RecommendationId,
    bool CrossRegion,
    string? WorkplaceDivision,
    string? PartnerCity,
    string? TradeCode,
    decimal MonthlyWage,
    DateOnly StartDate,
    DateOnly? ConfirmedOn,
    DateOnly? EndDate,
    PlacementEndReason? EndReason,
    string? EndNote,
    DateTimeOffset RecordedAt,
    uint RowVersion)
{
    public static PlacementView From(Placement p) => new(
        p.Id, p.WorkerId, p.WorkerDivision, p.EmployerId, p.VacancyId, p.RecommendationId, p.CrossRegion, p.WorkplaceDivision, p.PartnerCity,
        p.TradeCode, p.MonthlyWage, p.StartDate, p.ConfirmedOn, p.EndDate, p.EndReason, p.EndNote, p.RecordedAt, p.RowVersion);
}
