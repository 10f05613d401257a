using Homeward.Registry.Application.Workers;
using Homeward.SharedKernel.Identity;

namespace Homeward.Registry.Api.Workers;

/// <param name="NationalId">18-character resident ID number (GB 11643).</param>
/// <param name="Name">Name as on the ID card.</param>
/// <param name="Phone">Mainland mobile number, optional.</param>
/// <param name="HouseholdDivision">12-digit statistical code of the household (hukou) village.</param>
public sealed record RegisterWorkerRequest(string? NationalId, string? Name, string? Phone, string? HouseholdDivision)
{
    public RegisterWorker ToCommand() => new(NationalId ?? string.Empty, Name ?? string.Empty, Phone, HouseholdDivision ?? string.Empty);
}

/// <summary>Only the fields given change; the others stay as they are.</summary>
/// <param name="Phone">Mainland mobile number.</param>
/// <param name="HouseholdDivision">12-digit code of the new household (hukou) village, within your division.</param>
public sealed record ChangeWorkerProfileRequest(string? Name, string? Phone, string? HouseholdDivision);

/// <param name="NationalId">Masked: first six and last four characters.</param>
/// <param name="Phone">Masked: first three and last four digits.</param>
public sealed record WorkerResponse(
    Guid Id,
    string Name,
    string NationalId,
    DateOnly BirthDate,
    Gender Gender,
    string? Phone,
    string HouseholdDivision,
    DateTimeOffset RegisteredAt,
    DateTimeOffset UpdatedAt)
{
    public static WorkerResponse From(WorkerView worker) => new(
        worker.Id,
        worker.Name,
        worker.NationalIdMasked,
        worker.BirthDate,
        worker.Gender,
        worker.PhoneMasked,
        worker.HouseholdDivision,
        worker.RegisteredAt,
        worker.UpdatedAt);
}
