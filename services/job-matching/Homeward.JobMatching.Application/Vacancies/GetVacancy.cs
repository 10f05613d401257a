using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.Vacancies;

/// <summary>A vacancy of the caller's division; one outside it is "not found", like a missing one.</summary>
public sealed record GetVacancy(Guid VacancyId) : IQuery<VacancyView>;

public sealed class GetVacancyHandler(IJobMatchingDbContext db, ICurrentUser currentUser) : IQueryHandler<GetVacancy, VacancyView>
{
    public async ValueTask<VacancyView> Handle(GetVacancy query, CancellationToken cancellationToken)
    {
        var vacancy = await db.Vacancies.AsNoTracking()
            .WithinDivisionOf(currentUser, v => v.Division)
            .FirstOrDefaultAsync(v => v.Id == query.VacancyId, cancellationToken)
            ?? throw new NotFoundException("Vacancy", query.VacancyId);
        return VacancyView.From(vacancy);
    }
}
