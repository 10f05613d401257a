using Homeward.BuildingBlocks.Application.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.Vacancies;

/// <summary>
/// Any vacancy of the city or its partner cities: vacancies are not personal data, and a worker's matches come from the
/// whole city, so every vacancy a match names can be read. Only changes are for the office that looks after one.
/// </summary>
public sealed record GetVacancy(Guid VacancyId) : IQuery<VacancyView>;

public sealed class GetVacancyHandler(IJobMatchingDbContext db) : IQueryHandler<GetVacancy, VacancyView>
{
    public async ValueTask<VacancyView> Handle(GetVacancy query, CancellationToken cancellationToken)
    {
        var vacancy = await db.Vacancies.AsNoTracking()
            .FirstOrDefaultAsync(v => v.Id == query.VacancyId, cancellationToken)
            ?? throw new NotFoundException("Vacancy", query.VacancyId);
        return VacancyView.From(vacancy);
    }
}
