using FluentValidation;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Domain.Vacancies;
using Homeward.SharedKernel;
using Mediator;

namespace Homeward.JobMatching.Application.Vacancies;

/// <summary>Staff close a vacancy or reopen it (If-Match); filled and expired happen by themselves.</summary>
public sealed record ChangeVacancyStatus(Guid VacancyId, uint ExpectedVersion, VacancyStatus? Status) : ICommand<VacancyView>;

public sealed class ChangeVacancyStatusValidator : AbstractValidator<ChangeVacancyStatus>
{
    public ChangeVacancyStatusValidator()
    {
        RuleFor(c => c.Status).NotNull().WithMessage("The new status is required.").IsInEnum()
            .Must(status => status is VacancyStatus.Open or VacancyStatus.Closed)
            .WithMessage("Staff set open or closed; a vacancy becomes filled and expired by itself.");
    }
}

public sealed class ChangeVacancyStatusHandler(IJobMatchingDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ChangeVacancyStatus, VacancyView>
{
    public async ValueTask<VacancyView> Handle(ChangeVacancyStatus command, CancellationToken cancellationToken)
    {
        var vacancy = await VacancyAccess.FindForChangeAsync(db, currentUser, command.VacancyId, command.ExpectedVersion, cancellationToken);
        vacancy.ChangeStatus(command.Status!.Value, clock.Today(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return VacancyView.From(vacancy);
    }
}
