using Homeward.JobMatching.Domain.Fairs;

namespace Homeward.JobMatching.Application.Fairs;

public sealed record JobFairView(
    Guid Id,
    string Title,
    DateOnly Date,
    string Place,
    FairKind Kind,
    string? PartnerCity,
    string OrganizerDivision,
    IReadOnlyList<Guid> EmployerIds,
    IReadOnlyList<Guid> VacancyIds,
    DateTimeOffset RecordedAt,
    uint RowVersion)
{
    public static JobFairView From(JobFair fair) => new(
        fair.Id, fair.Title, fair.Date, fair.Place, fair.Kind, fair.PartnerCity, fair.OrganizerDivision, fair.EmployerIds, fair.VacancyIds, fair.RecordedAt, fair.RowVersion);
}
