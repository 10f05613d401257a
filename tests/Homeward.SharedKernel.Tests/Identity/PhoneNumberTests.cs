using Homeward.SharedKernel.Identity;

namespace Homeward.SharedKernel.Tests.Identity;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("13012345678")]
    [InlineData("13800138000")]
    [InlineData("14512345678")]
    [InlineData("15012345678")]
    [InlineData("16612345678")]
    [InlineData("17012345678")]
    [InlineData("18812345678")]
    [InlineData("19912345678")]
    public void Accepts_an_eleven_digit_mobile_number_on_networks_13_to_19(string value)
    {
        Assert.True(PhoneNumber.TryParse(value, out var phone));
        Assert.Equal(value, phone.Value);
    }

    [Theory]
    [InlineData("+8613812345678")]
    [InlineData("8613812345678")]
    [InlineData("+86 138 1234 5678")]
    [InlineData("86 138 1234 5678")]
    [InlineData("+86-138-1234-5678")]
    [InlineData("138-1234-5678")]
    [InlineData("138 1234 5678")]
    [InlineData(" 13812345678 ")]
    [InlineData("+86 13812345678")]
    public void Accepts_a_country_prefix_spaces_and_hyphens_and_removes_them(string value)
    {
        Assert.True(PhoneNumber.TryParse(value, out var phone));
        Assert.Equal("13812345678", phone.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("10012345678")]
    [InlineData("11012345678")]
    [InlineData("12012345678")]
    [InlineData("12812345678")]
    [InlineData("23812345678")]
    [InlineData("03812345678")]
    [InlineData("1381234567")]
    [InlineData("138123456789")]
    [InlineData("138")]
    [InlineData("13812345678901234")]
    [InlineData("1381234567a")]
    [InlineData("138l2345678")]
    [InlineData("abcdefghijk")]
    [InlineData("138.1234.5678")]
    [InlineData("(138)12345678")]
    [InlineData("１３８１２３４５６７８")]
    [InlineData("010-12345678")]
    [InlineData("0371-61234567")]
    [InlineData("010 1234 5678")]
    [InlineData("+86 10 1234 5678")]
    [InlineData("8612812345678")]
    [InlineData("0086 138 1234 5678")]
    [InlineData("+852 138 1234 5678")]
    public void Rejects_anything_but_a_mainland_mobile_number(string? value)
    {
        Assert.False(PhoneNumber.TryParse(value, out var phone));
        Assert.Null(phone);
    }

    // The documented input forms are the bare number and a +86 / 86 prefix. A plus sign announces a country code, so
    // "+1 385 555 0123" is a North American number and must not be read as the mainland mobile 13855550123; a plus
    // sign in the middle of a number is not a separator either.
    [Theory]
    [InlineData("+1 385 555 0123")]
    [InlineData("+13855550123")]
    [InlineData("138+1234+5678")]
    [InlineData("13812345678+")]
    [InlineData("+ 86 138 1234 5678 +")]
    public void Rejects_a_plus_sign_that_does_not_introduce_the_86_country_code(string value)
    {
        Assert.False(PhoneNumber.TryParse(value, out var phone), $"'{value}' was accepted as {phone?.Value}.");
    }

    [Theory]
    [InlineData("12812345678")]
    [InlineData("010-12345678")]
    [InlineData(null)]
    public void Parse_throws_a_domain_exception_with_code_phone_invalid(string? value)
    {
        var exception = Assert.Throws<DomainException>(() => PhoneNumber.Parse(value));

        Assert.Equal("phone-invalid", exception.Code);
    }

    [Fact]
    public void Parse_returns_the_normalised_number_when_it_is_valid()
    {
        Assert.Equal("13812345678", PhoneNumber.Parse("+86 138-1234-5678").Value);
    }

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("+86 139 0000 1111", "139****1111")]
    [InlineData("19912345678", "199****5678")]
    public void Masked_shows_the_first_three_and_last_four_digits(string value, string expected)
    {
        var phone = PhoneNumber.Parse(value);

        Assert.Equal(expected, phone.Masked);
    }

    [Fact]
    public void ToString_returns_the_masked_form_and_never_the_full_number()
    {
        var phone = PhoneNumber.Parse("13812345678");

        Assert.Equal("138****5678", phone.ToString());
        Assert.Equal("call 138****5678", $"call {phone}");
        Assert.DoesNotContain("13812345678", phone.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("138", "***")]
    [InlineData("1381234567", "**********")]
    [InlineData("138123456789", "************")]
    public void Mask_hides_every_character_of_a_value_that_is_not_11_long(string value, string expected)
    {
        Assert.Equal(expected, PhoneNumber.Mask(value));
    }

    [Fact]
    public void Two_numbers_are_equal_when_their_normalised_values_are_equal()
    {
        var a = PhoneNumber.Parse("+86 138-1234-5678");
        var b = PhoneNumber.Parse("13812345678");
        var other = PhoneNumber.Parse("13812345679");

        Assert.Equal(a, b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, other);
        Assert.False(a.Equals(null));
    }
}
