using Homeward.Subsidy.Domain.Applications;

namespace Homeward.Subsidy.Application.Applications;

public sealed record ApplicationView(
    Guid Id,
    Guid PolicyId,
    int PolicyVersion,
    Guid WorkerId,
    Guid? BusinessId,
    string Division,
    string CaseWorkerId,
    ApplicationStatus Status,
    decimal Amount,
    IReadOnlyList<ApplicationDocument> Documents,
    DateTimeOffset? StageDueAt,
    string? StageOwnerDivision,
    bool Overdue,
    IReadOnlyList<RejectionReason> RejectionReasons,
    DateTimeOffset? FirstSubmittedAt,
    DateTimeOffset? DecidedAt,
    double? HoursToDecision,
    IReadOnlyList<ApplicationEvent> Timeline,
    uint RowVersion)
{
    public static ApplicationView From(SubsidyApplication application, DateTimeOffset now) => new(
        application.Id, application.PolicyId, application.PolicyVersion, application.WorkerId, application.BusinessId, application.Division,
        application.CaseWorkerId, application.Status, application.Amount, application.Documents, application.StageDueAt, application.StageOwnerDivision,
        application.IsOverdueAt(now), application.RejectionReasons, application.FirstSubmittedAt, application.DecidedAt,
        application.TimeToDecision is { } time ? Math.Round(time.TotalHours, 2) : null,
        [.. application.Timeline.OrderBy(e => e.At).ThenBy(e => e.Id)], application.RowVersion);

    public static string PathOf(Guid id) => $"/api/subsidy/v1/applications/{id}";
}
