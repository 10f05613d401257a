using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Application.Vacancies;
using Homeward.JobMatching.Domain.Common;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Trades;
using Mediator;

namespace Homeward.JobMatching.Application.Partners;

/// <summary>
/// Creates or replaces one of the caller's partner-city vacancies under the partner's own id. Sending the same
/// vacancy again changes nothing; changing an existing one needs the version the partner read (If-Match).
/// </summary>
/// <param name="ExpectedVersion">The If-Match version, when the request carries one.</param>
public sealed record UpsertPartnerVacancy(
    string ExternalId,
    uint? ExpectedVersion,
    string? EnterpriseCreditCode,
    string? Title,
    string? TradeCode,
    SkillLevel? RequiredLevel,
    IReadOnlyList<RequiredCertificateInput?> RequiredCertificates,
    EducationLevel? MinimumEducation,
    int? Headcount,
    decimal? WageMin,
    decimal? WageMax,
    bool? Accommodation,
    DateOnly? ValidThrough) : ICommand<PartnerVacancyUpsert>, IPartnerVacancyInput;

/// <param name="PreconditionRequired">The vacancy exists and would change, but the request named no version: nothing was written.</param>
public sealed record PartnerVacancyUpsert(SyncResult Result, PartnerVacancyView? Vacancy, bool PreconditionRequired);

public sealed class UpsertPartnerVacancyValidator : AbstractValidator<UpsertPartnerVacancy>
{
    public UpsertPartnerVacancyValidator()
    {
        RuleFor(c => c.ExternalId).Must(PartnerVacancyRules.IsExternalId).WithMessage(PartnerVacancyRules.ExternalIdRule);
        this.PartnerVacancyRulesFor();
    }
}

public sealed class UpsertPartnerVacancyHandler(IJobMatchingDbContext db, INewVacancies newVacancies, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<UpsertPartnerVacancy, PartnerVacancyUpsert>
{
    public async ValueTask<PartnerVacancyUpsert> Handle(UpsertPartnerVacancy command, CancellationToken cancellationToken)
    {
        var partner = PartnerVacancyRules.PartnerOf(currentUser);
        var outcomes = await PartnerVacancySync.ApplyAsync(
            db, newVacancies, clock, partner, [new SyncItem(command.ExternalId, command.ExpectedVersion, command)], versionRequiredForChange: true, cancellationToken);
        var outcome = outcomes[0];
        return outcome switch
        {
            { Result: not SyncResult.Rejected } => new PartnerVacancyUpsert(outcome.Result, PartnerVacancyView.From(outcome.Vacancy!, outcome.EnterpriseCreditCode!), false),
            { Code: PartnerVacancySync.VersionRequired } => new PartnerVacancyUpsert(SyncResult.Rejected, null, true),
            { Code: PartnerVacancySync.VersionMismatch } => throw new PreconditionFailedException("Vacancy", command.ExternalId),
            _ => throw new DomainException(outcome.Code!, outcome.Message!),
        };
    }
}
