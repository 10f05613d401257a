using FluentValidation;
using Homeward.BuildingBlocks.Application.Paging;
using Homeward.JobMatching.Domain.Vacancies;
using Homeward.SharedKernel;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.Vacancies;

/// <summary>Vacancies of the whole city and its partner cities (see <see cref="GetVacancy"/>), optionally of one employer, status or trade, in posting order.</summary>
/// <param name="Status">open, filled, closed or expired, as the API writes it.</param>
public sealed record ListVacancies(Guid? EmployerId, string? Status, string? TradeCode, PageRequest Page) : IQuery<Page<VacancyView>>;

public sealed class ListVacanciesValidator : AbstractValidator<ListVacancies>
{
    public ListVacanciesValidator() =>
        RuleFor(q => q.Status).Must(status => EnumNames.Parse<VacancyStatus>(status) is not null)
            .When(q => q.Status is not null)
            .WithMessage("The status is open, filled, closed or expired.");
}

public sealed class ListVacanciesHandler(IJobMatchingDbContext db) : IQueryHandler<ListVacancies, Page<VacancyView>>
{
    public async ValueTask<Page<VacancyView>> Handle(ListVacancies query, CancellationToken cancellationToken)
    {
        var vacancies = db.Vacancies.AsNoTracking();
        if (query.EmployerId is { } employerId)
        {
            vacancies = vacancies.Where(v => v.EmployerId == employerId);
        }

        if (EnumNames.Parse<VacancyStatus>(query.Status) is { } status)
        {
            vacancies = vacancies.Where(v => v.Status == status);
        }

        if (query.TradeCode is { } trade)
        {
            vacancies = vacancies.Where(v => v.TradeCode == trade);
        }

        var after = query.Page.After<Guid?>();
        var fetched = await vacancies
            .Where(v => after == null || v.Id.CompareTo(after.Value) > 0)
            .OrderBy(v => v.Id)
            .Take(query.Page.Limit + 1)
            .ToListAsync(cancellationToken);
        return Page<VacancyView>.FromOverFetch(fetched.Select(VacancyView.From).ToList(), query.Page, v => (Guid?)v.Id);
    }
}
