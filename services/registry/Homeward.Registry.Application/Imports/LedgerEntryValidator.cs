using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.Registry.Application.Workers;
using Homeward.Registry.Domain.Imports;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Identity;

namespace Homeward.Registry.Application.Imports;

/// <summary>
/// The rules of registration and profile changes, applied to a ledger row: the same national ID, name, phone, village
/// and profile rules as the API, each failure reported under the column it came from.
/// </summary>
public sealed class LedgerEntryValidator : AbstractValidator<LedgerEntry>
{
    public LedgerEntryValidator(TimeProvider clock)
    {
        RuleFor(e => e.NationalId).Custom((value, context) =>
        {
            if (context.InstanceToValidate.WorkerId is not null && LedgerMasks.IsMaskedNationalId(value))
            {
                return;
            }

            if (!NationalId.TryParse(value, clock.Today(), out _, out var error))
            {
                context.AddFailure(error.Describe());
            }
        });
        RuleFor(e => e.Name).MustBeAName();
        RuleFor(e => e.Phone).MustBeAPhone().When(e => e.Phone is not null && !LedgerMasks.IsMaskedPhone(e.Phone));
        RuleFor(e => e.HouseholdDivision).MustBeAnActiveVillage();
        this.ProfileRules(e => e.Profile, clock);
    }

    /// <summary>The row's failures by column.</summary>
    public IEnumerable<ImportRowError> Problems(LedgerEntry entry) =>
        Validate(entry).Errors.Select(failure => new ImportRowError(entry.Row, ColumnOf(failure.PropertyName), failure.ErrorMessage));

    /// <summary>The ledger column a profile rule's field path comes from ("skills[0].tradeCode" is the skills column).</summary>
    private static string ColumnOf(string propertyName)
    {
        var path = RequestValidationException.ToClientPath(propertyName);
        var group = path.Split('.', '[')[0];
        return (group, path) switch
        {
            ("return", _) => LedgerColumns.ReturnedOn,
            ("jobIntention", "jobIntention.minimumMonthlyWage") => LedgerColumns.JobMinWage,
            ("jobIntention", _) => LedgerColumns.JobTrades,
            ("family", "family.dependents") => LedgerColumns.DependentChildren,
            ("family", _) => LedgerColumns.HouseholdSize,
            _ => group,
        };
    }
}

/// <summary>The masked forms an export writes, which an import accepts as "the value on record".</summary>
public static class LedgerMasks
{
    public static bool IsMaskedNationalId(string value) =>
        value.Length == NationalId.Length && value.AsSpan(6, 8).SequenceEqual("********");

    public static bool IsMaskedPhone(string value) =>
        value.Length == PhoneNumber.Length && value.AsSpan(3, 4).SequenceEqual("****");
}
