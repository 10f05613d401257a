using Homeward.SharedKernel.Identity;

namespace Homeward.SharedKernel.Privacy;

public static class PersonalDataMasks
{
    /// <summary>The form shown in responses, exports and logs: enough to recognise, not enough to use.</summary>
    public static string Mask(PersonalDataKind kind, string value) => kind switch
    {
        PersonalDataKind.NationalId => NationalId.Mask(value),
        PersonalDataKind.Phone => PhoneNumber.Mask(value),
        PersonalDataKind.BankAccount => value.Length > 4 ? string.Concat(new string('*', value.Length - 4), value.AsSpan(value.Length - 4)) : "****",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind of personal data."),
    };
}
