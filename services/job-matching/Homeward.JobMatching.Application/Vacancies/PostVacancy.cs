using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Application.Common;
using Homeward.JobMatching.Application.Employers;
using Homeward.JobMatching.Domain.Common;
using Homeward.JobMatching.Domain.Vacancies;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Divisions;
using Homeward.SharedKernel.Trades;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Homeward.JobMatching.Application.Vacancies;

/// <summary>
/// Posts an open vacancy of an employer of the caller's division. A local employer's vacancy is at the employer's
/// division unless another workplace division (within the caller's) is given; a partner-city employer's is in that city.
/// </summary>
public sealed record PostVacancy(
    Guid EmployerId,
    string? Title,
    string? TradeCode,
    SkillLevel? RequiredLevel,
    IReadOnlyList<RequiredCertificateInput?> RequiredCertificates,
    EducationLevel? MinimumEducation,
    int? Headcount,
    decimal? WageMin,
    decimal? WageMax,
    string? Division,
    bool? Accommodation,
    DateOnly? ValidThrough) : ICommand<VacancyView>, IVacancyTermsInput;

public sealed class PostVacancyValidator : AbstractValidator<PostVacancy>
{
    public PostVacancyValidator(IOptions<JobMatchingOptions> options, TimeProvider clock)
    {
        this.VacancyTermRules();
        RuleFor(c => c.ValidThrough).Must(day => day >= clock.Today())
            .When(c => c.ValidThrough is not null)
            .WithMessage("A new vacancy is valid through today or a later day.");
        RuleFor(c => c.Division).Must(code => EmployerRules.IsCityDivision(code, options.Value))
            .When(c => c.Division is not null)
            .WithMessage("The workplace division is the 12-digit code of a current division of the city.");
    }
}

public sealed class PostVacancyHandler(IJobMatchingDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<PostVacancy, VacancyView>
{
    public async ValueTask<VacancyView> Handle(PostVacancy command, CancellationToken cancellationToken)
    {
        var employer = await db.Employers.AsNoTracking()
            .WithinDivisionOf(currentUser, e => e.Division)
            .FirstOrDefaultAsync(e => e.Id == command.EmployerId, cancellationToken)
            ?? throw new NotFoundException("Employer", command.EmployerId);
        if (command.Division is not null && !employer.IsLocal)
        {
            throw new RequestValidationException("division", "A partner-city employer's vacancy is in its partner city; leave the division out.");
        }

        var division = DivisionCode.Parse(command.Division ?? employer.Division);
        currentUser.EnsureMayPlaceIn(division);
        var now = clock.GetUtcNow();
        var vacancy = Vacancy.Post(Guid.CreateVersion7(now), employer, command.ToTerms(), division.Value, clock.Today(), now);
        db.Vacancies.Add(vacancy);
        await db.SaveChangesAsync(cancellationToken);
        return VacancyView.From(vacancy);
    }
}
