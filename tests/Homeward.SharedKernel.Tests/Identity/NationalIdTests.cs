using System.Globalization;
using Homeward.SharedKernel.Identity;
using Homeward.SharedKernel.Tests.Support;

namespace Homeward.SharedKernel.Tests.Identity;

public class NationalIdTests
{
    /// <summary>A fixed "today" so that the tests do not depend on the clock.</summary>
    private static readonly DateOnly Today = new(2026, 1, 15);

    private const string Textbook = "11010519491231002X";

    // Each of these was checked by hand against GB 11643-1999 (weighted sum mod 11 -> "10X98765432"), e.g. the
    // textbook 11010519491231002X: 1*7+1*9+0*10+1*5+0*8+5*4+1*2+9*1+4*6+9*3+1*7+2*9+3*10+1*5+0*8+0*4+2*2 = 167,
    // 167 mod 11 = 2 -> 'X'.
    [Theory]
    [InlineData("11010519491231002X", "1949-12-31", Gender.Female, "110105")]
    [InlineData("440304199001010011", "1990-01-01", Gender.Male, "440304")]
    [InlineData("510101198012315674", "1980-12-31", Gender.Male, "510101")]
    [InlineData("419921198506151239", "1985-06-15", Gender.Male, "419921")]
    [InlineData("320106200002290043", "2000-02-29", Gender.Female, "320106")]
    [InlineData("630102199912311116", "1999-12-31", Gender.Male, "630102")]
    [InlineData("110101190001010014", "1900-01-01", Gender.Male, "110101")]
    public void Accepts_a_known_valid_number_and_derives_its_birth_date_gender_and_region(
        string value, string birthDate, Gender gender, string region)
    {
        Assert.True(NationalId.TryParse(value, Today, out var id, out var error));
        Assert.Equal(NationalIdError.None, error);
        Assert.Equal(value, id.Value);
        Assert.Equal(DateOnly.ParseExact(birthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture), id.BirthDate);
        Assert.Equal(gender, id.Gender);
        Assert.Equal(region, id.RegionCode);
    }

    [Fact]
    public void The_textbook_example_has_check_character_X()
    {
        Assert.Equal('X', NationalId.ComputeCheckCharacter("11010519491231002"));
        Assert.Equal('X', CheckCharacters.ForNationalId("11010519491231002"));
    }

    public static TheoryData<string> GeneratedFirst17 => BuildGeneratedFirst17();

    private static TheoryData<string> BuildGeneratedFirst17()
    {
        var data = new TheoryData<string>();
        string[] regions = ["110101", "120102", "310104", "410105", "419921", "440304", "510107", "650102", "350102"];
        string[] dates = ["19000101", "19491001", "19800229", "19991231", "20000101", "20120630", "20260115"];
        string[] sequences = ["000", "001", "123", "458", "999"];
        foreach (var region in regions)
        {
            foreach (var date in dates)
            {
                foreach (var sequence in sequences)
                {
                    data.Add(region + date + sequence);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GeneratedFirst17))]
    public void Accepts_a_number_whose_check_character_is_computed_by_the_standard(string first17)
    {
        var expectedCheck = CheckCharacters.ForNationalId(first17);

        Assert.Equal(expectedCheck, NationalId.ComputeCheckCharacter(first17));
        Assert.True(NationalId.TryParse(first17 + expectedCheck, Today, out var id, out var error), error.ToString());
        Assert.Equal(first17 + expectedCheck, id.Value);
    }

    [Theory]
    [MemberData(nameof(GeneratedFirst17))]
    public void Rejects_a_number_whose_check_character_does_not_match(string first17)
    {
        foreach (var candidate in "0123456789X")
        {
            if (candidate == CheckCharacters.ForNationalId(first17))
            {
                continue;
            }

            Assert.False(NationalId.TryParse(first17 + candidate, Today, out var id, out var error));
            Assert.Null(id);
            Assert.Equal(NationalIdError.CheckCharacter, error);
        }
    }

    [Fact]
    public void Every_check_character_of_the_map_occurs_and_is_accepted()
    {
        var seen = new HashSet<char>();
        for (var sequence = 0; sequence < 1000; sequence++)
        {
            var first17 = "41992119850615" + sequence.ToString("D3", CultureInfo.InvariantCulture);
            var number = CheckCharacters.NationalId(first17);
            Assert.True(NationalId.TryParse(number, Today, out _, out var error), $"{number}: {error}");
            seen.Add(number[^1]);
        }

        Assert.Equal("0123456789X".ToHashSet(), seen);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1101051949123100")]
    [InlineData("110105194912310021")]
    [InlineData("11010519491231002A")]
    [InlineData("1101051949123100X2")]
    public void ComputeCheckCharacter_rejects_anything_but_17_digits(string first17)
    {
        Assert.Throws<ArgumentException>(() => NationalId.ComputeCheckCharacter(first17));
    }

    [Theory]
    [InlineData("81000019900101001")]
    [InlineData("82000019900101001")]
    [InlineData("83000019900101001")]
    public void Accepts_the_region_codes_of_residence_permits_for_Hong_Kong_Macao_and_Taiwan_residents(string first17)
    {
        Assert.True(NationalId.TryParse(CheckCharacters.NationalId(first17), Today, out var id, out var error), error.ToString());
        Assert.Equal(first17[..6], id.RegionCode);
    }

    [Fact]
    public void Accepts_a_lowercase_x_and_normalises_it_to_uppercase()
    {
        Assert.True(NationalId.TryParse("11010519491231002x", Today, out var id, out _));
        Assert.Equal(Textbook, id.Value);
    }

    [Theory]
    [InlineData(" 11010519491231002X")]
    [InlineData("11010519491231002X ")]
    [InlineData("\t11010519491231002x\r\n")]
    [InlineData("   11010519491231002X   ")]
    public void Trims_surrounding_whitespace(string value)
    {
        Assert.True(NationalId.TryParse(value, Today, out var id, out _));
        Assert.Equal(Textbook, id.Value);
    }

    public static TheoryData<string?, NationalIdError> InvalidNumbers => new()
    {
        // Empty
        { null, NationalIdError.Empty },
        { "", NationalIdError.Empty },
        { "   ", NationalIdError.Empty },
        { "\t\n", NationalIdError.Empty },

        // Length
        { "11010519491231002", NationalIdError.Length },
        { "11010519491231002X1", NationalIdError.Length },
        { "110105491231002", NationalIdError.Length },
        { "1", NationalIdError.Length },
        { "110105 19491231002X", NationalIdError.Length },

        // Characters: a letter (or anything but an ASCII digit) in the first 17, or a last character other than 0-9/X
        { "1101051949123100AX", NationalIdError.Characters },
        { "A1010519491231002X", NationalIdError.Characters },
        { "11010519491231x02X", NationalIdError.Characters },
        { "110105-9491231002X", NationalIdError.Characters },
        { "１1010519491231002X", NationalIdError.Characters },
        { "11010519491231002Y", NationalIdError.Characters },
        { "11010519491231002a", NationalIdError.Characters },

        // Region: unknown province prefix, or nothing below the province
        { CheckCharacters.NationalId("99010519491231002"), NationalIdError.Region },
        { CheckCharacters.NationalId("00010519491231002"), NationalIdError.Region },
        { CheckCharacters.NationalId("10010519491231002"), NationalIdError.Region },
        { CheckCharacters.NationalId("72000019491231002"), NationalIdError.Region },
        { CheckCharacters.NationalId("11000019491231002"), NationalIdError.Region },
        { CheckCharacters.NationalId("41000019850615123"), NationalIdError.Region },

        // BirthDate: not a real calendar date, or before 1900
        { CheckCharacters.NationalId("11010519900230002"), NationalIdError.BirthDate },
        { CheckCharacters.NationalId("11010520231301002"), NationalIdError.BirthDate },
        { CheckCharacters.NationalId("11010518991231002"), NationalIdError.BirthDate },
        { CheckCharacters.NationalId("11010519000000002"), NationalIdError.BirthDate },
        { CheckCharacters.NationalId("11010519900100002"), NationalIdError.BirthDate },
        { CheckCharacters.NationalId("11010520230431002"), NationalIdError.BirthDate },
        { CheckCharacters.NationalId("11010519000229002"), NationalIdError.BirthDate },
        { CheckCharacters.NationalId("11010500000101002"), NationalIdError.BirthDate },

        // BirthDateInFuture (Today is 2026-01-15)
        { CheckCharacters.NationalId("11010520260116002"), NationalIdError.BirthDateInFuture },
        { CheckCharacters.NationalId("11010520300101002"), NationalIdError.BirthDateInFuture },
        { CheckCharacters.NationalId("11010599991231002"), NationalIdError.BirthDateInFuture },

        // CheckCharacter
        { "110105194912310021", NationalIdError.CheckCharacter },
        { "110105194912310020", NationalIdError.CheckCharacter },
        { "44030419900101001X", NationalIdError.CheckCharacter },
        { "440304199001010012", NationalIdError.CheckCharacter },
    };

    [Theory]
    [MemberData(nameof(InvalidNumbers))]
    public void Rejects_an_invalid_number_with_the_specific_error(string? value, NationalIdError expected)
    {
        Assert.False(NationalId.TryParse(value, Today, out var id, out var error));
        Assert.Null(id);
        Assert.Equal(expected, error);
    }

    [Theory]
    [MemberData(nameof(InvalidNumbers))]
    public void Parse_throws_a_domain_exception_with_code_national_id_invalid(string? value, NationalIdError expected)
    {
        var exception = Assert.Throws<DomainException>(() => NationalId.Parse(value, Today));

        Assert.Equal("national-id-invalid", exception.Code);
        Assert.Equal(expected.Describe(), exception.Message);
    }

    [Fact]
    public void Parse_returns_the_number_when_it_is_valid()
    {
        var id = NationalId.Parse(Textbook, Today);

        Assert.Equal(Textbook, id.Value);
    }

    [Fact]
    public void Accepts_a_person_born_today()
    {
        var number = CheckCharacters.NationalId("11010520260115002");

        Assert.True(NationalId.TryParse(number, Today, out var id, out var error), error.ToString());
        Assert.Equal(Today, id.BirthDate);
        Assert.Equal(0, id.AgeOn(Today));
    }

    [Fact]
    public void A_birth_date_is_only_in_the_future_relative_to_the_given_today()
    {
        var number = CheckCharacters.NationalId("11010520300101002");

        Assert.False(NationalId.TryParse(number, Today, out _, out var error));
        Assert.Equal(NationalIdError.BirthDateInFuture, error);
        Assert.True(NationalId.TryParse(number, new DateOnly(2030, 1, 1), out _, out _));
    }

    [Theory]
    [InlineData('0', Gender.Female)]
    [InlineData('1', Gender.Male)]
    [InlineData('2', Gender.Female)]
    [InlineData('3', Gender.Male)]
    [InlineData('4', Gender.Female)]
    [InlineData('5', Gender.Male)]
    [InlineData('6', Gender.Female)]
    [InlineData('7', Gender.Male)]
    [InlineData('8', Gender.Female)]
    [InlineData('9', Gender.Male)]
    public void The_gender_is_male_when_the_17th_digit_is_odd(char seventeenth, Gender expected)
    {
        // The 15th digit is odd and the 16th even, so a parser that read either of them would fail half of these cases.
        var number = CheckCharacters.NationalId("4199211985061532" + seventeenth);

        Assert.Equal(expected, NationalId.Parse(number, Today).Gender);
    }

    [Theory]
    [InlineData("11010519491231002X", "2025-12-30", 75)]
    [InlineData("11010519491231002X", "2025-12-31", 76)]
    [InlineData("11010519491231002X", "2026-01-01", 76)]
    [InlineData("11010519491231002X", "1949-12-31", 0)]
    [InlineData("11010519491231002X", "1950-12-30", 0)]
    [InlineData("11010519491231002X", "1950-12-31", 1)]
    [InlineData("440304199001010011", "2025-12-31", 35)]
    [InlineData("440304199001010011", "2026-01-01", 36)]
    [InlineData("419921198506151239", "2026-06-14", 40)]
    [InlineData("419921198506151239", "2026-06-15", 41)]
    [InlineData("419921198506151239", "2026-06-16", 41)]
    [InlineData("320106200002290043", "2024-02-28", 23)]
    [InlineData("320106200002290043", "2024-02-29", 24)]
    [InlineData("320106200002290043", "2024-03-01", 24)]
    public void AgeOn_counts_a_year_only_once_the_birthday_is_reached(string value, string day, int expected)
    {
        var id = NationalId.Parse(value, Today);

        Assert.Equal(expected, id.AgeOn(DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("11010519491231002X", "110105********002X")]
    [InlineData("11010519491231002x", "110105********002X")]
    [InlineData("440304199001010011", "440304********0011")]
    [InlineData("419921198506151239", "419921********1239")]
    public void Masked_shows_the_first_six_and_last_four_characters_only(string value, string expected)
    {
        var id = NationalId.Parse(value, Today);

        Assert.Equal(expected, id.Masked);
        Assert.Equal(18, id.Masked.Length);
        Assert.DoesNotContain(id.Value[6..14], id.Masked, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_returns_the_masked_form_and_never_the_full_number()
    {
        var id = NationalId.Parse(Textbook, Today);

        Assert.Equal("110105********002X", id.ToString());
        Assert.Equal("Applicant 110105********002X", $"Applicant {id}");
        Assert.DoesNotContain(Textbook, id.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("19491231", id.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("1234", "****")]
    [InlineData("11010519491231002", "*****************")]
    [InlineData("11010519491231002X1", "*******************")]
    public void Mask_hides_every_character_of_a_value_that_is_not_18_long(string value, string expected)
    {
        Assert.Equal(expected, NationalId.Mask(value));
    }

    [Fact]
    public void Two_numbers_are_equal_when_their_normalised_values_are_equal()
    {
        var a = NationalId.Parse("11010519491231002x", Today);
        var b = NationalId.Parse(" 11010519491231002X ", Today);
        var other = NationalId.Parse("440304199001010011", Today);

        Assert.Equal(a, b);
        Assert.True(a.Equals(b));
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, other);
        Assert.False(a.Equals(other));
        Assert.False(a.Equals(null));
        Assert.False(a.Equals((object)Textbook));
        Assert.Single(new HashSet<NationalId> { a, b });
    }
}
