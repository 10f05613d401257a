using FluentValidation;
using Homeward.JobMatching.Domain.Common;
using Homeward.JobMatching.Domain.Vacancies;
using Homeward.SharedKernel.Finance;
using Homeward.SharedKernel.Trades;

namespace Homeward.JobMatching.Application.Vacancies;

/// <param name="Level">The lowest certified level accepted; any level when left out.</param>
public sealed record RequiredCertificateInput(string? TradeCode, SkillLevel? Level);

/// <summary>The terms of a vacancy as a request gives them, before validation.</summary>
public interface IVacancyTermsInput
{
    string? Title { get; }

    string? TradeCode { get; }

    SkillLevel? RequiredLevel { get; }

    IReadOnlyList<RequiredCertificateInput?> RequiredCertificates { get; }

    EducationLevel? MinimumEducation { get; }

    int? Headcount { get; }

    decimal? WageMin { get; }

    decimal? WageMax { get; }

    bool? Accommodation { get; }

    DateOnly? ValidThrough { get; }
}

public static class VacancyRules
{
    public const int MaxTitleLength = 100;
    public const int MaxHeadcount = 10_000;
    public const decimal MaxWage = 1_000_000m;

    public static void VacancyTermRules<T>(this AbstractValidator<T> validator)
        where T : IVacancyTermsInput
    {
        validator.RuleFor(c => c.Title).Must(t => !string.IsNullOrWhiteSpace(t) && t.Trim().Length <= MaxTitleLength)
            .WithMessage($"The title is 1 to {MaxTitleLength} characters.");
        validator.RuleFor(c => c.TradeCode).Must(IsActiveTrade)
            .WithMessage("The trade is a current code of the trade reference data, e.g. welder.");
        validator.RuleFor(c => c.RequiredLevel).IsInEnum();
        validator.RuleFor(c => c.RequiredCertificates).Must(list => list.Count <= 10).WithMessage("A vacancy asks for at most 10 certificates.");
        validator.RuleForEach(c => c.RequiredCertificates).Custom((certificate, context) =>
        {
            if (certificate is null)
            {
                context.AddFailure("A required certificate cannot be null.");
            }
            else if (!IsActiveTrade(certificate.TradeCode))
            {
                context.AddFailure("tradeCode", "The trade is a current code of the trade reference data, e.g. welder.");
            }
            else if (certificate.Level is { } level && !Enum.IsDefined(level))
            {
                context.AddFailure("level", "The level is none, junior, intermediate, senior or technician.");
            }
        });
        validator.RuleFor(c => c.MinimumEducation).IsInEnum();
        validator.RuleFor(c => c.Headcount).NotNull().WithMessage("The headcount is required.")
            .InclusiveBetween(1, MaxHeadcount).WithMessage($"The headcount is 1 to {MaxHeadcount}.");
        validator.RuleFor(c => c.WageMin).NotNull().WithMessage("The minimum monthly wage is required.")
            .Must(BeAWage).WithMessage("A monthly wage is an amount of CNY from 0 to 1,000,000 with at most two decimals.");
        validator.RuleFor(c => c.WageMax).NotNull().WithMessage("The maximum monthly wage is required.")
            .Must(BeAWage).WithMessage("A monthly wage is an amount of CNY from 0 to 1,000,000 with at most two decimals.");
        validator.RuleFor(c => c.WageMax).Must((c, max) => max >= c.WageMin)
            .When(c => c.WageMin is not null && c.WageMax is not null)
            .WithMessage("The maximum monthly wage is at least the minimum.");
        validator.RuleFor(c => c.ValidThrough).NotNull().WithMessage("The valid-through date is required.");
    }

    public static VacancyTerms ToTerms(this IVacancyTermsInput input) => new(
        input.Title!,
        input.TradeCode!,
        input.RequiredLevel ?? SkillLevel.None,
        [.. input.RequiredCertificates.Select(c => new RequiredCertificate(c!.TradeCode!, c.Level))],
        input.MinimumEducation,
        input.Headcount!.Value,
        input.WageMin!.Value,
        input.WageMax!.Value,
        input.Accommodation ?? false,
        input.ValidThrough!.Value);

    private static bool IsActiveTrade(string? code) => code is not null && TradeCatalog.Current.Find(code) is { RetiredOn: null };

    private static bool BeAWage(decimal? amount) => amount is not { } value || (Money.IsValidAmount(value) && value <= MaxWage);
}
