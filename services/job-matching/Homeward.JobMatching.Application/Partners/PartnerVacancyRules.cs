using System.Text.RegularExpressions;
using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Application.Vacancies;
using Homeward.SharedKernel.Organizations;

namespace Homeward.JobMatching.Application.Partners;

/// <summary>A vacancy as a partner city sends it: its enterprise by credit code, and the terms.</summary>
public interface IPartnerVacancyInput : IVacancyTermsInput
{
    string? EnterpriseCreditCode { get; }
}

public static partial class PartnerVacancyRules
{
    public const int MaxExternalIdLength = 100;

    public static void PartnerVacancyRulesFor<T>(this AbstractValidator<T> validator)
        where T : IPartnerVacancyInput
    {
        validator.RuleFor(c => c.EnterpriseCreditCode).Must(code => UnifiedSocialCreditCode.TryParse(code, out _))
            .WithMessage("The enterprise is given by its unified social credit code (GB 32100), 18 characters with a matching check character.");
        validator.VacancyTermRules();
    }

    public static bool IsExternalId(string? id) => id is { Length: > 0 and <= MaxExternalIdLength } && ExternalIdPattern().IsMatch(id);

    public const string ExternalIdRule = "An external id is 1 to 100 characters of letters, digits and . _ : -.";

    /// <summary>The partner city the caller's token belongs to; the endpoints only let partner clients through.</summary>
    public static string PartnerOf(ICurrentUser currentUser) =>
        currentUser.PartnerId ?? throw new ForbiddenException("Only a partner city's client reaches partner data.");

    [GeneratedRegex("^[A-Za-z0-9._:-]+$")]
    private static partial Regex ExternalIdPattern();
}
