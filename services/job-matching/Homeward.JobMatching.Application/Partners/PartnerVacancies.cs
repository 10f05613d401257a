using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.Partners;

/// <summary>One of the caller's synchronised vacancies; another partner's, or none, answers 404.</summary>
public sealed record GetPartnerVacancy(string ExternalId) : IQuery<PartnerVacancyView>;

public sealed class GetPartnerVacancyHandler(IJobMatchingDbContext db, ICurrentUser currentUser) : IQueryHandler<GetPartnerVacancy, PartnerVacancyView>
{
    public async ValueTask<PartnerVacancyView> Handle(GetPartnerVacancy query, CancellationToken cancellationToken)
    {
        var partner = PartnerVacancyRules.PartnerOf(currentUser);
        var found = await db.Vacancies.AsNoTracking()
            .Where(v => v.PartnerCity == partner && v.ExternalId == query.ExternalId)
            .Join(db.Employers, v => v.EmployerId, e => e.Id, (v, e) => new { Vacancy = v, e.CreditCode })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Vacancy", query.ExternalId);
        return PartnerVacancyView.From(found.Vacancy, found.CreditCode);
    }
}

/// <summary>The partner takes one of its vacancies back: it closes here and its feed shows a tombstone. Twice is the same as once.</summary>
public sealed record WithdrawPartnerVacancy(string ExternalId) : ICommand;

public sealed class WithdrawPartnerVacancyHandler(IJobMatchingDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<WithdrawPartnerVacancy>
{
    public async ValueTask<Unit> Handle(WithdrawPartnerVacancy command, CancellationToken cancellationToken)
    {
        var partner = PartnerVacancyRules.PartnerOf(currentUser);
        var vacancy = await db.Vacancies.FirstOrDefaultAsync(v => v.PartnerCity == partner && v.ExternalId == command.ExternalId, cancellationToken)
            ?? throw new NotFoundException("Vacancy", command.ExternalId);
        if (vacancy.Withdraw(clock.GetUtcNow()))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}
