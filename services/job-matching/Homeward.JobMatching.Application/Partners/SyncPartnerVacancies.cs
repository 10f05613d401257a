using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Application.Vacancies;
using Homeward.JobMatching.Domain.Common;
using Homeward.SharedKernel.Trades;
using Mediator;

namespace Homeward.JobMatching.Application.Partners;

/// <param name="Version">The version last read; when given, an item that would change a vacancy changed since is rejected, not applied.</param>
public sealed record PartnerVacancyItem(
    string? ExternalId,
    uint? Version,
    string? EnterpriseCreditCode,
    string? Title,
    string? TradeCode,
    SkillLevel? RequiredLevel,
    IReadOnlyList<RequiredCertificateInput?>? RequiredCertificates,
    EducationLevel? MinimumEducation,
    int? Headcount,
    decimal? WageMin,
    decimal? WageMax,
    bool? Accommodation,
    DateOnly? ValidThrough) : IPartnerVacancyInput
{
    IReadOnlyList<RequiredCertificateInput?> IVacancyTermsInput.RequiredCertificates => RequiredCertificates ?? [];
}

/// <summary>
/// Creates or replaces up to <see cref="MaxItems"/> of the caller's vacancies at once, each on its own: one item's
/// rejection does not stop the others. Replaying the same batch finds every item unchanged.
/// </summary>
public sealed record SyncPartnerVacancies(IReadOnlyList<PartnerVacancyItem?> Items) : ICommand<PartnerSyncReport>
{
    public const int MaxItems = 1000;
}

/// <param name="Index">The item's position in the batch, from 0.</param>
/// <param name="Code">Why the item was rejected: invalid (see errors), enterprise-unknown, version-mismatch, duplicate-in-batch, or a vacancy rule.</param>
/// <param name="Errors">Of an invalid item: each failing field and what is wrong with it.</param>
public sealed record PartnerSyncItemResult(
    int Index,
    string? ExternalId,
    SyncResult Result,
    Guid? VacancyId,
    uint? Version,
    string? Code,
    string? Message,
    IReadOnlyDictionary<string, string[]>? Errors);

public sealed record PartnerSyncReport(int Created, int Updated, int Unchanged, int Rejected, IReadOnlyList<PartnerSyncItemResult> Items);

public sealed class SyncPartnerVacanciesValidator : AbstractValidator<SyncPartnerVacancies>
{
    public SyncPartnerVacanciesValidator() =>
        RuleFor(c => c.Items).Must(items => items.Count is >= 1 and <= SyncPartnerVacancies.MaxItems)
            .WithMessage($"A batch holds 1 to {SyncPartnerVacancies.MaxItems} vacancies.");
}

public sealed class PartnerVacancyItemValidator : AbstractValidator<PartnerVacancyItem>
{
    public PartnerVacancyItemValidator()
    {
        RuleFor(c => c.ExternalId).Must(PartnerVacancyRules.IsExternalId).WithMessage(PartnerVacancyRules.ExternalIdRule);
        this.PartnerVacancyRulesFor();
    }
}

public sealed class SyncPartnerVacanciesHandler(IJobMatchingDbContext db, INewVacancies newVacancies, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SyncPartnerVacancies, PartnerSyncReport>
{
    private static readonly PartnerVacancyItemValidator ItemValidator = new();

    public async ValueTask<PartnerSyncReport> Handle(SyncPartnerVacancies command, CancellationToken cancellationToken)
    {
        var partner = PartnerVacancyRules.PartnerOf(currentUser);
        var results = new PartnerSyncItemResult?[command.Items.Count];
        var valid = new List<(int Index, SyncItem Item)>(command.Items.Count);
        for (var index = 0; index < command.Items.Count; index++)
        {
            var item = command.Items[index];
            if (item is null)
            {
                results[index] = new PartnerSyncItemResult(index, null, SyncResult.Rejected, null, null, "invalid", "An item cannot be null.", null);
                continue;
            }

            var validation = ItemValidator.Validate(item);
            if (!validation.IsValid)
            {
                results[index] = new PartnerSyncItemResult(
                    index, item.ExternalId, SyncResult.Rejected, null, null, "invalid", "One or more fields are invalid.", RequestValidationException.From(validation.Errors).Errors);
                continue;
            }

            valid.Add((index, new SyncItem(item.ExternalId!, item.Version, item)));
        }

        if (valid.Count > 0)
        {
            var outcomes = await PartnerVacancySync.ApplyAsync(db, newVacancies, clock, partner, [.. valid.Select(v => v.Item)], versionRequiredForChange: false, cancellationToken);
            for (var i = 0; i < valid.Count; i++)
            {
                var outcome = outcomes[i];
                results[valid[i].Index] = new PartnerSyncItemResult(
                    valid[i].Index, outcome.ExternalId, outcome.Result, outcome.Vacancy?.Id, outcome.Vacancy?.RowVersion, outcome.Code, outcome.Message, null);
            }
        }

        var items = results.Select(r => r!).ToList();
        return new PartnerSyncReport(
            items.Count(r => r.Result == SyncResult.Created),
            items.Count(r => r.Result == SyncResult.Updated),
            items.Count(r => r.Result == SyncResult.Unchanged),
            items.Count(r => r.Result == SyncResult.Rejected),
            items);
    }
}
