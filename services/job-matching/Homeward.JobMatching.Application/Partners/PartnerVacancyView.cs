using Homeward.JobMatching.Domain.Common;
using Homeward.JobMatching.Domain.Vacancies;
using Homeward.SharedKernel.Trades;

namespace Homeward.JobMatching.Application.Partners;

/// <summary>A partner city's vacancy as the partner sees it: its own id and enterprise, the terms, and how far it is filled here.</summary>
public sealed record PartnerVacancyView(
    Guid VacancyId,
    string? ExternalId,
    string EnterpriseCreditCode,
    string? Sector,
    string Title,
    string TradeCode,
    SkillLevel RequiredLevel,
    IReadOnlyList<RequiredCertificate> RequiredCertificates,
    EducationLevel? MinimumEducation,
    int Headcount,
    int Filled,
    decimal WageMin,
    decimal WageMax,
    bool Accommodation,
    DateOnly ValidThrough,
    VacancyStatus Status,
    bool Withdrawn,
    DateTimeOffset UpdatedAt,
    uint RowVersion)
{
    public static PartnerVacancyView From(Vacancy vacancy, string enterpriseCreditCode) => new(
        vacancy.Id,
        vacancy.ExternalId,
        enterpriseCreditCode,
        vacancy.Sector,
        vacancy.Title,
        vacancy.TradeCode,
        vacancy.RequiredLevel,
        vacancy.RequiredCertificates,
        vacancy.MinimumEducation,
        vacancy.Headcount,
        vacancy.Filled,
        vacancy.WageMin,
        vacancy.WageMax,
        vacancy.Accommodation,
        vacancy.ValidThrough,
        vacancy.Status,
        vacancy.WithdrawnAt is not null,
        vacancy.UpdatedAt,
        vacancy.RowVersion);
}
