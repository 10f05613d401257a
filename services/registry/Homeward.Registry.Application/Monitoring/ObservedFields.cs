using Homeward.Registry.Application.Workers;
using Homeward.Registry.Domain.Monitoring;
using Homeward.Registry.Domain.Workers;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Divisions;
using Homeward.SharedKernel.Identity;

namespace Homeward.Registry.Application.Monitoring;

/// <summary>
/// Each observed field in the form observations and discrepancies keep and compare: a 12-digit division code, a
/// camelCase enum name, or for a phone number only its masked form. A phone number itself is compared by lookup hash
/// and never kept outside the worker's record.
/// </summary>
public static class ObservedFields
{
    /// <summary>What a valid value of the field looks like, for validation messages.</summary>
    public static string Rule(ObservedField field) => field switch
    {
        ObservedField.Phone => WorkerRules.PhoneMessage,
        ObservedField.HouseholdDivision => WorkerRules.VillageMessage,
        ObservedField.Residence => "The residence is a 6- or 12-digit division code.",
        ObservedField.Education => $"The education is one of {NamesOf<EducationLevel>()}.",
        ObservedField.EmploymentStatus => $"The employment status is one of {NamesOf<EmploymentStatus>()}.",
        _ => "The field is one of phone, householdDivision, residence, education or employmentStatus.",
    };

    /// <summary>The value in kept form, or null when it is not a valid value of the field.</summary>
    public static string? Normalize(ObservedField field, string? value) => field switch
    {
        ObservedField.Phone => PhoneNumber.TryParse(value, out var phone) ? phone.Masked : null,
        ObservedField.HouseholdDivision => DivisionCode.TryParse(value, out var village)
            && village.Level == DivisionLevel.Village
            && DivisionDirectory.Current.Find(village) is { RetiredOn: null }
                ? village.Value
                : null,
        ObservedField.Residence => DivisionCode.TryParse(value, out var residence) ? residence.Value : null,
        ObservedField.Education => ParseName<EducationLevel>(value) is { } education ? EnumNames.Of(education) : null,
        ObservedField.EmploymentStatus => ParseName<EmploymentStatus>(value) is { } status ? EnumNames.Of(status) : null,
        _ => null,
    };

    /// <summary>The record's value of the field in kept form, or null when the record has none yet.</summary>
    public static string? Recorded(ObservedField field, Worker worker) => field switch
    {
        ObservedField.Phone => worker.Phone?.Masked,
        ObservedField.HouseholdDivision => worker.HouseholdDivisionCode,
        ObservedField.Residence => worker.Residence is { } residence
            ? Normalize(ObservedField.Residence, residence.Division) ?? residence.Division
            : null,
        ObservedField.Education => worker.Education is { } education ? EnumNames.Of(education) : null,
        ObservedField.EmploymentStatus => EnumNames.Of(worker.Status),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not an observed field."),
    };

    public static EducationLevel ParseEducation(string kept) => ParseName<EducationLevel>(kept)!.Value;

    public static EmploymentStatus ParseStatus(string kept) => ParseName<EmploymentStatus>(kept)!.Value;

    /// <summary>An enum member by its camelCase name (any case); numbers are not names.</summary>
    private static TEnum? ParseName<TEnum>(string? value)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Cast<TEnum?>().FirstOrDefault(member =>
            string.Equals(EnumNames.Of(member!.Value), value?.Trim(), StringComparison.OrdinalIgnoreCase));

    private static string NamesOf<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", Enum.GetValues<TEnum>().Select(EnumNames.Of));
}
