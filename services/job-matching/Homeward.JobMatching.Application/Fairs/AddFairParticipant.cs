using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.SharedKernel;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.Fairs;

/// <summary>An employer takes part in a fair the caller's office organises, with some of its own vacancies.</summary>
public sealed record AddFairParticipant(Guid FairId, uint ExpectedVersion, Guid? EmployerId, IReadOnlyList<Guid> VacancyIds) : ICommand<JobFairView>;

public sealed class AddFairParticipantValidator : AbstractValidator<AddFairParticipant>
{
    public AddFairParticipantValidator()
    {
        RuleFor(c => c.EmployerId).NotEmpty().WithMessage("The employer is required.");
        RuleFor(c => c.VacancyIds).Must(ids => ids.Count <= 100).WithMessage("An employer brings at most 100 vacancies to a fair.");
    }
}

public sealed class AddFairParticipantHandler(IJobMatchingDbContext db, ICurrentUser currentUser) : ICommandHandler<AddFairParticipant, JobFairView>
{
    public async ValueTask<JobFairView> Handle(AddFairParticipant command, CancellationToken cancellationToken)
    {
        var fair = await FairAccess.FindOrganisedAsync(db, currentUser, command.FairId, cancellationToken);
        if (fair.RowVersion != command.ExpectedVersion)
        {
            throw new PreconditionFailedException("JobFair", command.FairId);
        }

        db.ExpectRowVersion(fair, command.ExpectedVersion);
        var employer = await db.Employers.AsNoTracking().FirstOrDefaultAsync(e => e.Id == command.EmployerId, cancellationToken)
            ?? throw new NotFoundException("Employer", command.EmployerId!.Value);
        var vacancyIds = command.VacancyIds.Distinct().ToList();
        var own = await db.Vacancies.AsNoTracking().CountAsync(v => vacancyIds.Contains(v.Id) && v.EmployerId == employer.Id, cancellationToken);
        if (own != vacancyIds.Count)
        {
            throw new DomainException("fair-vacancy-not-of-employer", "Each vacancy brought to the fair is one of the employer's.");
        }

        fair.AddParticipant(employer.Id, employer.PartnerCity, vacancyIds);
        await db.SaveChangesAsync(cancellationToken);
        return JobFairView.From(fair);
    }
}
