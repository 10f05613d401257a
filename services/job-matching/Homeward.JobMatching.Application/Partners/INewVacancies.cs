using Homeward.JobMatching.Domain.Vacancies;

namespace Homeward.JobMatching.Application.Partners;

/// <summary>
/// Saves the tracked changes together with many new vacancies, written in one statement rather than one insert each,
/// all in one transaction. Afterwards the new vacancies are tracked with their row versions, as if SaveChanges had
/// inserted them.
/// </summary>
public interface INewVacancies
{
    Task SaveChangesWithAsync(IReadOnlyCollection<Vacancy> created, CancellationToken cancellationToken);
}
