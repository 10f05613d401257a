using Homeward.SharedKernel.Identity;
using Homeward.SharedKernel.Privacy;

namespace Homeward.SharedKernel.Tests.Privacy;

public class PersonalDataMasksTests
{
    [Theory]
    [InlineData(PersonalDataKind.NationalId, "11010519491231002X", "110105********002X")]
    [InlineData(PersonalDataKind.NationalId, "419921198506151239", "419921********1239")]
    [InlineData(PersonalDataKind.NationalId, "1101051949", "**********")]
    [InlineData(PersonalDataKind.NationalId, "", "")]
    [InlineData(PersonalDataKind.Phone, "13812345678", "138****5678")]
    [InlineData(PersonalDataKind.Phone, "1381234", "*******")]
    [InlineData(PersonalDataKind.Phone, "", "")]
    [InlineData(PersonalDataKind.BankAccount, "6222021234567890123", "***************0123")]
    [InlineData(PersonalDataKind.BankAccount, "6222021234567890", "************7890")]
    [InlineData(PersonalDataKind.BankAccount, "12345", "*2345")]
    [InlineData(PersonalDataKind.BankAccount, "1234", "****")]
    [InlineData(PersonalDataKind.BankAccount, "12", "****")]
    [InlineData(PersonalDataKind.BankAccount, "", "****")]
    public void Mask_shows_only_the_part_needed_to_recognise_the_value(PersonalDataKind kind, string value, string expected)
    {
        Assert.Equal(expected, PersonalDataMasks.Mask(kind, value));
    }

    [Fact]
    public void The_masks_of_identity_values_match_their_own_Masked_forms()
    {
        var today = new DateOnly(2026, 1, 15);
        var id = NationalId.Parse("11010519491231002X", today);
        var phone = PhoneNumber.Parse("+86 138 1234 5678");

        Assert.Equal(id.Masked, PersonalDataMasks.Mask(PersonalDataKind.NationalId, id.Value));
        Assert.Equal(phone.Masked, PersonalDataMasks.Mask(PersonalDataKind.Phone, phone.Value));
    }

    [Theory]
    [InlineData(PersonalDataKind.NationalId, "11010519491231002X")]
    [InlineData(PersonalDataKind.Phone, "13812345678")]
    [InlineData(PersonalDataKind.BankAccount, "6222021234567890123")]
    public void A_mask_keeps_the_length_and_hides_the_middle(PersonalDataKind kind, string value)
    {
        var masked = PersonalDataMasks.Mask(kind, value);

        Assert.Equal(value.Length, masked.Length);
        Assert.NotEqual(value, masked);
        Assert.Equal(value[^4..], masked[^4..]);
        Assert.Equal('*', masked[value.Length / 2]);
    }

    [Fact]
    public void Every_kind_of_personal_data_has_a_mask()
    {
        foreach (var kind in Enum.GetValues<PersonalDataKind>())
        {
            var masked = PersonalDataMasks.Mask(kind, "123456789012345678");
            Assert.Contains('*', masked);
            Assert.NotEqual("123456789012345678", masked);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(-1)]
    public void An_unknown_kind_is_refused(int kind)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PersonalDataMasks.Mask((PersonalDataKind)kind, "13812345678"));
    }
}
