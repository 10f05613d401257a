using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Domain.Common;
using Homeward.SharedKernel.Trades;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.Vacancies;

/// <summary>
/// Replaces what a vacancy offers and asks for, if the caller still has the version they read. The employer and
/// workplace stay; the headcount never drops below those hired, and filling or freeing places moves the vacancy
/// between open and filled.
/// </summary>
public sealed record ChangeVacancy(
    Guid VacancyId,
    uint ExpectedVersion,
    string? Title,
    string? TradeCode,
    SkillLevel? RequiredLevel,
    IReadOnlyList<RequiredCertificateInput?> RequiredCertificates,
    EducationLevel? MinimumEducation,
    int? Headcount,
    decimal? WageMin,
    decimal? WageMax,
    bool? Accommodation,
    DateOnly? ValidThrough) : ICommand<VacancyView>, IVacancyTermsInput;

public sealed class ChangeVacancyValidator : AbstractValidator<ChangeVacancy>
{
    public ChangeVacancyValidator() => this.VacancyTermRules();
}

public sealed class ChangeVacancyHandler(IJobMatchingDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ChangeVacancy, VacancyView>
{
    public async ValueTask<VacancyView> Handle(ChangeVacancy command, CancellationToken cancellationToken)
    {
        var vacancy = await VacancyAccess.FindForChangeAsync(db, currentUser, command.VacancyId, command.ExpectedVersion, cancellationToken);
        vacancy.ChangeTerms(command.ToTerms(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return VacancyView.From(vacancy);
    }
}

internal static class VacancyAccess
{
    /// <summary>The tracked vacancy within the caller's division, refused with 412 when the caller's version is stale.</summary>
    public static async Task<Domain.Vacancies.Vacancy> FindForChangeAsync(
        IJobMatchingDbContext db, ICurrentUser currentUser, Guid vacancyId, uint expectedVersion, CancellationToken cancellationToken)
    {
        var vacancy = await db.Vacancies
            .WithinDivisionOf(currentUser, v => v.Division)
            .FirstOrDefaultAsync(v => v.Id == vacancyId, cancellationToken)
            ?? throw new NotFoundException("Vacancy", vacancyId);
        if (vacancy.RowVersion != expectedVersion)
        {
            throw new PreconditionFailedException("Vacancy", vacancyId);
        }

        db.ExpectRowVersion(vacancy, expectedVersion);
        return vacancy;
    }
}
