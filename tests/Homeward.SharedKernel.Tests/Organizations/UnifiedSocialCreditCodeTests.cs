using Homeward.SharedKernel.Organizations;
using Homeward.SharedKernel.Tests.Support;

namespace Homeward.SharedKernel.Tests.Organizations;

public class UnifiedSocialCreditCodeTests
{
    private const string Known = "91350100M000100Y43";
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    // 91350100M000100Y43 was checked by hand: the alphabet indices 9,1,3,5,0,1,0,0,21(M),0,0,0,1,0,0,30(Y),4 weighted
    // by 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28 sum to 1640; 1640 mod 31 = 28; 31 - 28 = 3 -> '3'.
    [Theory]
    [InlineData("91350100M000100Y43", "350100")]
    [InlineData("91110000600037341L", "110000")]
    [InlineData("91440300MA5DTY6L21", "440300")]
    [InlineData("92419921MA00000D0B", "419921")]
    [InlineData("11419900000000001U", "419900")]
    [InlineData("Y1419902000000001T", "419902")]
    public void Accepts_a_known_valid_code_and_reads_its_registration_division(string value, string division)
    {
        Assert.True(UnifiedSocialCreditCode.TryParse(value, out var code));
        Assert.Equal(value, code.Value);
        Assert.Equal(division, code.RegistrationDivision);
        Assert.Equal(value, code.ToString());
    }

    [Fact]
    public void The_known_code_has_check_character_3()
    {
        Assert.Equal('3', UnifiedSocialCreditCode.ComputeCheckCharacter("91350100M000100Y4"));
        Assert.Equal('3', CheckCharacters.ForCreditCode("91350100M000100Y4"));
    }

    public static TheoryData<string> GeneratedFirst17 => new()
    {
        "91419921MA0000000",
        "91419921MA9XYW12K",
        "52419900000000000",
        "11110000000012345",
        "31310115MA1K4B7C8",
        "Y1419902ABCDEFGHJ",
        "9341992108765432P",
        "12100000400000000",
        "A1440300QRTUWXY01",
        "N2650102LMNPQRT99",
    };

    [Theory]
    [MemberData(nameof(GeneratedFirst17))]
    public void Accepts_a_code_whose_check_character_is_computed_by_the_standard(string first17)
    {
        var check = CheckCharacters.ForCreditCode(first17);

        Assert.Equal(check, UnifiedSocialCreditCode.ComputeCheckCharacter(first17));
        Assert.True(UnifiedSocialCreditCode.TryParse(first17 + check, out var code));
        Assert.Equal(first17 + check, code.Value);
    }

    [Theory]
    [MemberData(nameof(GeneratedFirst17))]
    public void Rejects_a_code_whose_check_character_does_not_match(string first17)
    {
        var check = CheckCharacters.ForCreditCode(first17);
        foreach (var candidate in Alphabet.Where(c => c != check))
        {
            Assert.False(UnifiedSocialCreditCode.TryParse(first17 + candidate, out var code), first17 + candidate);
            Assert.Equal(default, code);
        }
    }

    [Fact]
    public void Every_alphabet_character_occurs_as_a_check_character_and_is_accepted()
    {
        // The last weight (28) is coprime with 31, so running the 17th character through the alphabet hits every residue.
        var seen = new HashSet<char>();
        foreach (var c in Alphabet)
        {
            var value = CheckCharacters.CreditCode("91419921MA000000" + c);
            Assert.True(UnifiedSocialCreditCode.TryParse(value, out _), value);
            seen.Add(value[^1]);
        }

        Assert.Equal(Alphabet.ToHashSet(), seen);
    }

    [Theory]
    [InlineData("91350100m000100y43")]
    [InlineData(" 91350100M000100Y43 ")]
    [InlineData("\t91350100m000100Y43\n")]
    public void Lowercase_and_surrounding_whitespace_are_normalised(string value)
    {
        Assert.True(UnifiedSocialCreditCode.TryParse(value, out var code));
        Assert.Equal(Known, code.Value);
        Assert.Equal(UnifiedSocialCreditCode.Parse(Known), code);
    }

    [Fact]
    public void ComputeCheckCharacter_accepts_lowercase_input()
    {
        Assert.Equal('3', UnifiedSocialCreditCode.ComputeCheckCharacter("91350100m000100y4"));
    }

    public static TheoryData<string?> InvalidCodes()
    {
        var data = new TheoryData<string?>
        {
            // Length
            null,
            "",
            "   ",
            "91350100M000100Y4",
            "91350100M000100Y433",
            "9135",
            // Wrong check character
            "91350100M000100Y42",
            "91350100M000100Y4Y",
            "91350100M000100Y40",
            // A check character outside the alphabet
            "91350100M000100Y4-",
            "91350100M000100Y4*",
            // Characters outside the alphabet anywhere
            "9135 100M000100Y43",
            "91350100M0001 0Y43",
            "91350100M000100Y4é",
        };

        // The letters I, O, S, V and Z are not in the alphabet: put each in the organisation code and in the first two
        // positions, with an otherwise correct-looking check character.
        foreach (var letter in "IOSVZ")
        {
            foreach (var position in new[] { 0, 1, 8, 12, 16 })
            {
                var first17 = "91350100M000100Y4".Remove(position, 1).Insert(position, letter.ToString());
                foreach (var check in "0123456789")
                {
                    data.Add(first17 + check);
                }
            }

            data.Add("91350100M000100Y4" + letter);
        }

        // Positions 3-8 are the registering division and must be digits, even with a matching check character.
        foreach (var position in new[] { 2, 3, 4, 5, 6, 7 })
        {
            data.Add(CheckCharacters.CreditCode("91350100M000100Y4".Remove(position, 1).Insert(position, "A")));
            data.Add(CheckCharacters.CreditCode("91350100M000100Y4".Remove(position, 1).Insert(position, "Y")));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(InvalidCodes))]
    public void Rejects_an_invalid_code(string? value)
    {
        Assert.False(UnifiedSocialCreditCode.TryParse(value, out var code));
        Assert.Equal(default, code);
    }

    [Theory]
    [InlineData("91350100M000100Y42")]
    [InlineData("91350100I000100Y43")]
    [InlineData(null)]
    public void Parse_throws_a_domain_exception_with_code_credit_code_invalid(string? value)
    {
        var exception = Assert.Throws<DomainException>(() => UnifiedSocialCreditCode.Parse(value));

        Assert.Equal("credit-code-invalid", exception.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("91350100M000100Y")]
    [InlineData("91350100M000100Y43")]
    [InlineData("91350100I000100Y4")]
    [InlineData("91350100M000100Z4")]
    public void ComputeCheckCharacter_rejects_anything_but_17_alphabet_characters(string first17)
    {
        Assert.Throws<ArgumentException>(() => UnifiedSocialCreditCode.ComputeCheckCharacter(first17));
    }

    [Fact]
    public void Two_codes_are_equal_when_their_normalised_values_are_equal()
    {
        var a = UnifiedSocialCreditCode.Parse("91350100m000100y43");
        var b = UnifiedSocialCreditCode.Parse(Known);
        var other = UnifiedSocialCreditCode.Parse("92419921MA00000D0B");

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, other);
    }
}
