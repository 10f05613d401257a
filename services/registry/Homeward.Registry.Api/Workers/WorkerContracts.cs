using Homeward.Registry.Application.Workers;
using Homeward.Registry.Domain.Workers;
using Homeward.SharedKernel.Identity;

namespace Homeward.Registry.Api.Workers;

/// <param name="NationalId">18-character resident ID number (GB 11643).</param>
/// <param name="Name">Name as on the ID card.</param>
/// <param name="Phone">Mainland mobile number, optional.</param>
/// <param name="HouseholdDivision">12-digit statistical code of the household (hukou) village.</param>
/// <param name="Status">Employment status at registration; seekingWork when left out.</param>
/// <param name="Source">How the facts were collected; staffEntry when left out.</param>
public sealed record RegisterWorkerRequest(
    string? NationalId,
    string? Name,
    string? Phone,
    string? HouseholdDivision,
    ResidenceDto? Residence = null,
    EducationLevel? Education = null,
    IReadOnlyList<SkillDto?>? Skills = null,
    IReadOnlyList<CertificateDto?>? Certificates = null,
    IReadOnlyList<PriorWorkDto?>? PriorWork = null,
    ReturnDto? Return = null,
    JobIntentionDto? JobIntention = null,
    EntrepreneurshipDto? Entrepreneurship = null,
    IReadOnlyList<string?>? TrainingNeeds = null,
    FamilyDto? Family = null,
    EmploymentStatus? Status = null,
    InformationSource? Source = null)
{
    public RegisterWorker ToCommand() => new(
        NationalId ?? string.Empty,
        Name ?? string.Empty,
        Phone,
        HouseholdDivision ?? string.Empty,
        new WorkerProfile(
            Residence?.ToDomain(),
            Education,
            [.. (Skills ?? []).Select(SkillDto.ToDomain)],
            [.. (Certificates ?? []).Select(CertificateDto.ToDomain)],
            [.. (PriorWork ?? []).Select(PriorWorkDto.ToDomain)],
            Return?.ToDomain(),
            JobIntention?.ToDomain(),
            Entrepreneurship?.ToDomain(),
            TradeCodes.ToDomain(TrainingNeeds),
            Family?.ToDomain()),
        Status ?? EmploymentStatus.SeekingWork,
        Source ?? InformationSource.StaffEntry);
}

/// <summary>
/// Only the fields given change; each given group replaces the whole group (send [] to empty a list). The national ID
/// number, birth date, gender and registration time never change; the status changes through its own endpoint.
/// </summary>
public sealed record ChangeWorkerProfileRequest(
    string? Name = null,
    string? Phone = null,
    string? HouseholdDivision = null,
    ResidenceDto? Residence = null,
    EducationLevel? Education = null,
    IReadOnlyList<SkillDto?>? Skills = null,
    IReadOnlyList<CertificateDto?>? Certificates = null,
    IReadOnlyList<PriorWorkDto?>? PriorWork = null,
    ReturnDto? Return = null,
    JobIntentionDto? JobIntention = null,
    EntrepreneurshipDto? Entrepreneurship = null,
    IReadOnlyList<string?>? TrainingNeeds = null,
    FamilyDto? Family = null)
{
    public ChangeWorkerProfile ToCommand(Guid workerId, uint expectedVersion) => new(
        workerId,
        expectedVersion,
        Name,
        Phone,
        HouseholdDivision,
        new WorkerProfilePatch(
            Residence?.ToDomain(),
            Education,
            Skills?.Select(SkillDto.ToDomain).ToList(),
            Certificates?.Select(CertificateDto.ToDomain).ToList(),
            PriorWork?.Select(PriorWorkDto.ToDomain).ToList(),
            Return?.ToDomain(),
            JobIntention?.ToDomain(),
            Entrepreneurship?.ToDomain(),
            TrainingNeeds is null ? null : TradeCodes.ToDomain(TrainingNeeds),
            Family?.ToDomain()));
}

/// <param name="NationalId">Masked: first six and last four characters.</param>
/// <param name="Phone">Masked: first three and last four digits.</param>
/// <param name="StatusAsOf">Time of the newest fact about the status.</param>
/// <param name="LastConfirmedAt">When anyone last confirmed or changed the record; old values mark stale records.</param>
public sealed record WorkerResponse(
    Guid Id,
    string Name,
    string NationalId,
    DateOnly BirthDate,
    Gender Gender,
    string? Phone,
    string HouseholdDivision,
    ResidenceDto? Residence,
    EducationLevel? Education,
    IReadOnlyList<SkillDto> Skills,
    IReadOnlyList<CertificateDto> Certificates,
    IReadOnlyList<PriorWorkDto> PriorWork,
    ReturnDto? Return,
    JobIntentionDto? JobIntention,
    EntrepreneurshipDto? Entrepreneurship,
    IReadOnlyList<string> TrainingNeeds,
    FamilyDto? Family,
    EmploymentStatus Status,
    DateTimeOffset StatusAsOf,
    DateTimeOffset? LastVisitedAt,
    DateTimeOffset LastConfirmedAt,
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
        ResidenceDto.From(worker.Profile.Residence),
        worker.Profile.Education,
        [.. worker.Profile.Skills.Select(SkillDto.From)],
        [.. worker.Profile.Certificates.Select(CertificateDto.From)],
        [.. worker.Profile.PriorWork.Select(PriorWorkDto.From)],
        ReturnDto.From(worker.Profile.Return),
        JobIntentionDto.From(worker.Profile.JobIntention),
        EntrepreneurshipDto.From(worker.Profile.Entrepreneurship),
        worker.Profile.TrainingNeeds,
        FamilyDto.From(worker.Profile.Family),
        worker.Status,
        worker.StatusAsOf,
        worker.LastVisitedAt,
        worker.LastConfirmedAt,
        worker.RegisteredAt,
        worker.UpdatedAt);
}
