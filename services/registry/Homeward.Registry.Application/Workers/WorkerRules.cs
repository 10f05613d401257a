using FluentValidation;
using Homeward.Registry.Domain.Workers;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Divisions;
using Homeward.SharedKernel.Identity;

namespace Homeward.Registry.Application.Workers;

/// <summary>Validation rules that registration and profile changes share.</summary>
public static class WorkerRules
{
    public const string NameMessage = "A name is 2 to 30 letters; digits and symbols are not allowed.";
    public const string PhoneMessage = "A phone number is an 11-digit mainland mobile number starting with 13–19.";
    public const string VillageMessage = "The household division is the 12-digit code of a current village in the division reference data.";

    public static IRuleBuilderOptions<T, string?> MustBeAName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(WorkerName.IsValid).WithMessage(NameMessage);

    public static IRuleBuilderOptions<T, string?> MustBeAPhone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(phone => PhoneNumber.TryParse(phone, out _)).WithMessage(PhoneMessage);

    /// <summary>Every profile rule of the domain, reported under the profile's JSON field names.</summary>
    public static void ProfileRules<T>(this AbstractValidator<T> validator, Func<T, WorkerProfile?> profile, TimeProvider clock) =>
        validator.RuleFor(command => profile(command)).Custom((value, context) =>
        {
            if (value is null)
            {
                return;
            }

            foreach (var (field, message) in WorkerProfileRules.Problems(value, clock.Today()))
            {
                context.AddFailure(field, message);
            }
        });

    public static IRuleBuilderOptions<T, string?> MustBeAnActiveVillage<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(code =>
                DivisionCode.TryParse(code, out var division)
                && division.Level == DivisionLevel.Village
                && DivisionDirectory.Current.Find(division) is { RetiredOn: null })
            .WithMessage(VillageMessage);
}
