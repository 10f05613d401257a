using FluentValidation;
using Homeward.SharedKernel.Finance;
using Homeward.Subsidy.Domain.Policies;
using Homeward.Subsidy.Domain.Rules;

namespace Homeward.Subsidy.Application.Policies;

/// <summary>What a request must say of a policy's terms; the domain checks the rest.</summary>
public interface IPolicyTermsInput
{
    string Name { get; }

    Rule? Eligibility { get; }

    AmountRule? Amount { get; }

    IReadOnlyList<DocumentRequirement>? Documents { get; }

    decimal? AnnualBudget { get; }

    StageDeadlines? Deadlines { get; }

    DateOnly? ValidFrom { get; }

    DateOnly? ValidTo { get; }
}

public static class PolicyTermsRules
{
    public static void PolicyTermsRulesFor<T>(this AbstractValidator<T> validator)
        where T : IPolicyTermsInput
    {
        validator.RuleFor(c => c.Name).NotEmpty().MaximumLength(Policy.NameMaxLength);
        validator.RuleFor(c => c.Eligibility).Custom((rule, context) =>
        {
            foreach (var problem in RuleChecker.Problems(rule))
            {
                context.AddFailure(nameof(IPolicyTermsInput.Eligibility), problem);
            }
        });
        validator.RuleFor(c => c.Amount).NotNull();
        validator.RuleFor(c => c.Amount!.Base).Must(Money.IsValidAmount).When(c => c.Amount is not null).WithMessage("Yuan with at most two decimals, not negative.");
        validator.RuleFor(c => c.Amount!.PerJobCreated).Must(Money.IsValidAmount).When(c => c.Amount is not null).WithMessage("Yuan with at most two decimals, not negative.");
        validator.RuleFor(c => c.Amount!.Maximum).Must(Money.IsValidAmount).When(c => c.Amount is not null).WithMessage("Yuan with at most two decimals, not negative.");
        validator.RuleFor(c => c.AnnualBudget).NotNull();
        validator.RuleFor(c => c.AnnualBudget!.Value).Must(Money.IsValidAmount).When(c => c.AnnualBudget is not null)
            .OverridePropertyName(nameof(IPolicyTermsInput.AnnualBudget)).WithMessage("Yuan with at most two decimals, not negative.");
        validator.RuleFor(c => c.ValidFrom).NotNull();
        validator.RuleFor(c => c.Documents).NotNull();
        validator.RuleForEach(c => c.Documents).ChildRules(document =>
        {
            document.RuleFor(d => d.Code).NotEmpty().MaximumLength(40);
            document.RuleFor(d => d.Title).NotEmpty().MaximumLength(100);
            document.RuleFor(d => d.Code).Must(code => PlatformDocuments.All.Contains(code))
                .When(d => d.PlatformVerifiable)
                .WithMessage($"The platform verifies only {string.Join(", ", PlatformDocuments.All)}.");
        });
        validator.RuleFor(c => c.Deadlines).NotNull();
        validator.RuleFor(c => c.Deadlines!.PreReviewDays).InclusiveBetween(1, 365).When(c => c.Deadlines is not null);
        validator.RuleFor(c => c.Deadlines!.ApprovalDays).InclusiveBetween(1, 365).When(c => c.Deadlines is not null);
        validator.RuleFor(c => c.ValidTo).GreaterThanOrEqualTo(c => c.ValidFrom).When(c => c.ValidTo is not null);
    }

    public static PolicyTerms ToTerms(this IPolicyTermsInput input) =>
        new(input.Eligibility!, input.Amount!, input.Documents!, input.AnnualBudget!.Value, input.Deadlines!, input.ValidFrom!.Value, input.ValidTo);
}
