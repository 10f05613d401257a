using Homeward.SharedKernel.Divisions;

namespace Homeward.SharedKernel.Tests.Divisions;

public class DivisionCodeTests
{
    private static DivisionCode Code(string value) => DivisionCode.Parse(value);

    [Theory]
    [InlineData("410000", "410000000000", DivisionLevel.Province)]
    [InlineData("419900", "419900000000", DivisionLevel.City)]
    [InlineData("419921", "419921000000", DivisionLevel.County)]
    [InlineData("110101", "110101000000", DivisionLevel.County)]
    [InlineData("820000", "820000000000", DivisionLevel.Province)]
    [InlineData("410000000000", "410000000000", DivisionLevel.Province)]
    [InlineData("419900000000", "419900000000", DivisionLevel.City)]
    [InlineData("419921000000", "419921000000", DivisionLevel.County)]
    [InlineData("419921101000", "419921101000", DivisionLevel.Township)]
    [InlineData("419921100000", "419921100000", DivisionLevel.Township)]
    [InlineData("419921001000", "419921001000", DivisionLevel.Township)]
    [InlineData("419921101206", "419921101206", DivisionLevel.Village)]
    [InlineData("419921101010", "419921101010", DivisionLevel.Village)]
    [InlineData("419921101001", "419921101001", DivisionLevel.Village)]
    [InlineData(" 419921 ", "419921000000", DivisionLevel.County)]
    [InlineData("\t419921101206\n", "419921101206", DivisionLevel.Village)]
    public void Parses_the_six_and_twelve_digit_forms_and_derives_the_level(string value, string expected, DivisionLevel level)
    {
        Assert.True(DivisionCode.TryParse(value, out var code));
        Assert.Equal(expected, code.Value);
        Assert.Equal(level, code.Level);
        Assert.Equal(expected, code.ToString());
    }

    [Theory]
    [InlineData("410000")]
    [InlineData("419900")]
    [InlineData("419921")]
    public void The_six_digit_form_equals_the_padded_twelve_digit_form(string shortForm)
    {
        var fromShort = Code(shortForm);
        var fromFull = Code(shortForm + "000000");

        Assert.Equal(fromFull, fromShort);
        Assert.True(fromShort == fromFull);
        Assert.Equal(fromFull.GetHashCode(), fromShort.GetHashCode());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("41")]
    [InlineData("4199")]
    [InlineData("41992")]
    [InlineData("4199210")]
    [InlineData("41992110120")]
    [InlineData("4199211012061")]
    [InlineData("41992a101206")]
    [InlineData("41992-101206")]
    [InlineData("4199 2110120")]
    [InlineData("41992A")]
    [InlineData("４１９９２１")]
    [InlineData("+41992")]
    [InlineData("990000")]
    [InlineData("000000")]
    [InlineData("100000")]
    [InlineData("990000000000")]
    [InlineData("000000000000")]
    [InlineData("830000000000")]
    [InlineData("410001")]
    [InlineData("410000010000")]
    [InlineData("410000000001")]
    [InlineData("419900000001")]
    [InlineData("419900001000")]
    [InlineData("419921000001")]
    [InlineData("410021101206")]
    public void Rejects_a_malformed_code(string? value)
    {
        Assert.False(DivisionCode.TryParse(value, out var code));
        Assert.Equal(default, code);
    }

    [Theory]
    [InlineData("419900000001")]
    [InlineData("990000")]
    [InlineData(null)]
    public void Parse_throws_a_domain_exception_with_code_division_code_invalid(string? value)
    {
        var exception = Assert.Throws<DomainException>(() => DivisionCode.Parse(value));

        Assert.Equal("division-code-invalid", exception.Code);
    }

    [Fact]
    public void The_parent_chain_runs_from_a_village_up_to_the_province_and_ends_with_null()
    {
        var chain = new List<DivisionCode>();
        DivisionCode? current = Code("419921101206");
        while (current is { } c)
        {
            chain.Add(c);
            current = c.Parent;
        }

        Assert.Equal(
            ["419921101206", "419921101000", "419921000000", "419900000000", "410000000000"],
            chain.Select(c => c.Value));
        Assert.Equal(
            [DivisionLevel.Village, DivisionLevel.Township, DivisionLevel.County, DivisionLevel.City, DivisionLevel.Province],
            chain.Select(c => c.Level));
    }

    [Theory]
    [InlineData("419921101206", "419921101000")]
    [InlineData("419921101000", "419921000000")]
    [InlineData("419921000000", "419900000000")]
    [InlineData("419900000000", "410000000000")]
    [InlineData("419902001001", "419902001000")]
    [InlineData("110101000000", "110100000000")]
    public void The_parent_is_the_division_directly_above(string value, string expectedParent)
    {
        var parent = Code(value).Parent;

        Assert.NotNull(parent);
        Assert.Equal(Code(expectedParent), parent.Value);
        Assert.Equal(Code(value).Level - 1, parent.Value.Level);
    }

    [Theory]
    [InlineData("410000")]
    [InlineData("110000000000")]
    public void A_province_has_no_parent(string value)
    {
        Assert.Null(Code(value).Parent);
    }

    [Theory]
    // Itself
    [InlineData("419921101206", "419921101206", true)]
    [InlineData("419921000000", "419921000000", true)]
    [InlineData("410000000000", "410000000000", true)]
    // Every ancestor
    [InlineData("419921101206", "419921101000", true)]
    [InlineData("419921101206", "419921000000", true)]
    [InlineData("419921101206", "419900000000", true)]
    [InlineData("419921101206", "410000000000", true)]
    [InlineData("419921000000", "419900000000", true)]
    [InlineData("419900000000", "410000000000", true)]
    // Siblings
    [InlineData("419921101206", "419921101205", false)]
    [InlineData("419921101000", "419921102000", false)]
    [InlineData("419921000000", "419922000000", false)]
    // Another branch
    [InlineData("419921101206", "419922101000", false)]
    [InlineData("419921101206", "419922000000", false)]
    [InlineData("419902001001", "419921000000", false)]
    [InlineData("419921101206", "420000000000", false)]
    [InlineData("110101000000", "410000000000", false)]
    // A descendant does not contain its ancestor
    [InlineData("419921000000", "419921101206", false)]
    [InlineData("410000000000", "419900000000", false)]
    [InlineData("419900000000", "419921000000", false)]
    public void IsWithin_holds_for_the_division_itself_and_its_ancestors_only(string value, string ancestor, bool expected)
    {
        Assert.Equal(expected, Code(value).IsWithin(Code(ancestor)));
    }

    [Theory]
    [InlineData("410000", "41")]
    [InlineData("419900", "4199")]
    [InlineData("419921", "419921")]
    [InlineData("419921101000", "419921101")]
    [InlineData("419921100000", "419921100")]
    [InlineData("419921101206", "419921101206")]
    public void Prefix_is_the_significant_leading_digits_of_the_level(string value, string expected)
    {
        Assert.Equal(expected, Code(value).Prefix);
    }

    [Theory]
    [InlineData("410000000000", "410000")]
    [InlineData("419900000000", "419900")]
    [InlineData("419921000000", "419921")]
    [InlineData("419921101000", null)]
    [InlineData("419921101206", null)]
    public void ShortForm_exists_down_to_the_county_only(string value, string? expected)
    {
        Assert.Equal(expected, Code(value).ShortForm);
    }

    [Theory]
    [InlineData("410000", "410000000000", "419999999999")]
    [InlineData("419900", "419900000000", "419999999999")]
    [InlineData("419921", "419921000000", "419921999999")]
    [InlineData("419921101000", "419921101000", "419921101999")]
    [InlineData("419921101206", "419921101206", "419921101206")]
    public void SubtreeRange_spans_the_first_and_last_twelve_digit_codes_under_the_division(string value, string first, string last)
    {
        var (actualFirst, actualLast) = Code(value).SubtreeRange;

        Assert.Equal(first, actualFirst);
        Assert.Equal(last, actualLast);
    }

    [Fact]
    public void IsWithin_agrees_with_SubtreeRange_for_every_pair_of_directory_divisions()
    {
        var codes = DivisionDirectory.Current.All.Select(d => d.Code).ToList();
        var disagreements = new List<string>();
        foreach (var ancestor in codes)
        {
            var (first, last) = ancestor.SubtreeRange;
            foreach (var code in codes)
            {
                var inRange = string.CompareOrdinal(code.Value, first) >= 0 && string.CompareOrdinal(code.Value, last) <= 0;
                if (inRange != code.IsWithin(ancestor))
                {
                    disagreements.Add($"{code} / {ancestor}");
                }
            }
        }

        Assert.True(codes.Count > 100);
        Assert.Empty(disagreements);
    }

    [Fact]
    public void Every_directory_division_is_within_each_of_its_ancestors()
    {
        foreach (var division in DivisionDirectory.Current.All)
        {
            for (var ancestor = division.Code.Parent; ancestor is { } a; ancestor = a.Parent)
            {
                Assert.True(division.Code.IsWithin(a), $"{division.Code} should be within {a}");
                Assert.True(a.Level < division.Level);
            }
        }
    }

    [Theory]
    [InlineData("410000000000", "419900000000", -1)]
    [InlineData("419900000000", "419902000000", -1)]
    [InlineData("419921101206", "419921101205", 1)]
    [InlineData("419921", "419921000000", 0)]
    [InlineData("110101", "410000", -1)]
    [InlineData("419924205205", "419902001001", 1)]
    public void CompareTo_orders_codes_by_their_twelve_digit_value(string left, string right, int expectedSign)
    {
        Assert.Equal(expectedSign, Math.Sign(Code(left).CompareTo(Code(right))));
        Assert.Equal(-expectedSign, Math.Sign(Code(right).CompareTo(Code(left))));
    }

    [Fact]
    public void Sorting_puts_a_division_before_everything_within_it()
    {
        string[] shuffled = ["419921101206", "410000", "419922", "419921101000", "419900", "419921", "110101", "419902001001"];

        var sorted = shuffled.Select(Code).Order().Select(c => c.Value);

        Assert.Equal(
            ["110101000000", "410000000000", "419900000000", "419902001001", "419921000000", "419921101000", "419921101206", "419922000000"],
            sorted);
    }
}
