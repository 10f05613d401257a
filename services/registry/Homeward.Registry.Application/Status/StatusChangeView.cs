using Homeward.Registry.Domain.Workers;

namespace Homeward.Registry.Application.Status;

/// <summary>One entry of a worker's status history.</summary>
/// <param name="From">The status before; null for the status at registration and for a late fact that only went into the history.</param>
/// <param name="HouseholdDivision">The worker's household village when the change was recorded.</param>
public sealed record StatusChangeView(
    Guid Id,
    Guid WorkerId,
    EmploymentStatus? From,
    EmploymentStatus To,
    DateTimeOffset ChangedAt,
    DateTimeOffset RecordedAt,
    InformationSource Source,
    string Actor,
    string? Note,
    string HouseholdDivision)
{
    public static StatusChangeView Of(StatusChange change) => new(
        change.Id,
        change.WorkerId,
        change.From,
        change.To,
        change.ChangedAt,
        change.RecordedAt,
        change.Source,
        change.Actor,
        change.Note,
        change.HouseholdDivisionCode);
}
