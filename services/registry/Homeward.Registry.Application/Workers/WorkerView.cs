using Homeward.Registry.Domain.Workers;
using Homeward.SharedKernel.Identity;

namespace Homeward.Registry.Application.Workers;

/// <summary>A worker as use cases return it: personal data only in masked form.</summary>
public sealed record WorkerView(
    Guid Id,
    string Name,
    string NationalIdMasked,
    DateOnly BirthDate,
    Gender Gender,
    string? PhoneMasked,
    string HouseholdDivision,
    WorkerProfile Profile,
    EmploymentStatus Status,
    DateTimeOffset StatusAsOf,
    DateTimeOffset? LastVisitedAt,
    DateTimeOffset LastConfirmedAt,
    DateTimeOffset RegisteredAt,
    DateTimeOffset UpdatedAt,
    uint RowVersion)
{
    public static WorkerView From(Worker worker) => new(
        worker.Id,
        worker.Name,
        worker.NationalId.Masked,
        worker.BirthDate,
        worker.Gender,
        worker.Phone?.Masked,
        worker.HouseholdDivisionCode,
        worker.Profile,
        worker.Status,
        worker.StatusAsOf,
        worker.LastVisitedAt,
        worker.LastConfirmedAt,
        worker.RegisteredAt,
        worker.UpdatedAt,
        worker.RowVersion);
}
