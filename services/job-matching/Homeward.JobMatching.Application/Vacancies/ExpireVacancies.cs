using Homeward.JobMatching.Domain.Vacancies;
using Homeward.SharedKernel;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.Vacancies;

/// <summary>
/// Expires every open vacancy whose valid-through day has passed in the city, in one statement, so that it stops
/// taking recommendations and hires without anyone closing it. Returns how many expired.
/// </summary>
public sealed record ExpireVacancies : ICommand<int>;

public sealed class ExpireVacanciesHandler(IJobMatchingDbContext db, TimeProvider clock) : ICommandHandler<ExpireVacancies, int>
{
    public async ValueTask<int> Handle(ExpireVacancies command, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var now = clock.GetUtcNow();
        return await db.Vacancies
            .Where(v => v.Status == VacancyStatus.Open && v.ValidThrough < today)
            .ExecuteUpdateAsync(
                set => set.SetProperty(v => v.Status, VacancyStatus.Expired).SetProperty(v => v.UpdatedAt, now),
                cancellationToken);
    }
}
