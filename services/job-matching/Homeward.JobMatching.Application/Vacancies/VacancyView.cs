using Homeward.JobMatching.Domain.Common;
using Homeward.JobMatching.Domain.Vacancies;
using Homeward.SharedKernel.Trades;

namespace Homeward.JobMatching.Application.Vacancies;

public sealed record VacancyView(
    Guid Id,
    Guid EmployerId,
    string Title,
    string TradeCode,
    SkillLevel RequiredLevel,
    IReadOnlyList<RequiredCertificate> RequiredCertificates,
    EducationLevel? MinimumEducation,
    int Headcount,
    int Filled,
    decimal WageMin,
    decimal WageMax,
    string Division,
    string? PartnerCity,
    bool Accommodation,
    DateOnly ValidThrough,
    VacancyStatus Status,
    DateTimeOffset PostedAt,
    DateTimeOffset UpdatedAt,
    uint RowVersion)
{
    public static VacancyView From(Vacancy vacancy) => new(
        vacancy.Id,
        vacancy.EmployerId,
        vacancy.Title,
        vacancy.TradeCode,
        vacancy.RequiredLevel,
        vacancy.RequiredCertificates,
        vacancy.MinimumEducation,
        vacancy.Headcount,
        vacancy.Filled,
        vacancy.WageMin,
        vacancy.WageMax,
        vacancy.Division,
        vacancy.PartnerCity,
        vacancy.Accommodation,
        vacancy.ValidThrough,
        vacancy.Status,
        vacancy.PostedAt,
        vacancy.UpdatedAt,
        vacancy.RowVersion);
}
