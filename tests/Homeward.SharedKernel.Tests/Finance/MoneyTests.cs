using System.Globalization;
using Homeward.SharedKernel.Finance;

namespace Homeward.SharedKernel.Tests.Finance;

public class MoneyTests
{
    private static decimal D(string value) => decimal.Parse(value, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static Money Y(string value) => Money.Yuan(D(value));

    [Theory]
    [InlineData("0")]
    [InlineData("0.01")]
    [InlineData("1")]
    [InlineData("12.3")]
    [InlineData("12.34")]
    [InlineData("12.340")]
    [InlineData("12.3400000")]
    [InlineData("1234567890.99")]
    public void Yuan_accepts_a_non_negative_amount_with_at_most_two_decimals(string amount)
    {
        var money = Money.Yuan(D(amount));

        Assert.Equal(D(amount), money.Amount);
        Assert.True(Money.IsValidAmount(D(amount)));
    }

    [Fact]
    public void Yuan_keeps_the_exact_amount()
    {
        Assert.Equal(12.34m, Money.Yuan(12.34m).Amount);
        Assert.Equal("CNY", Money.Currency);
    }

    [Theory]
    [InlineData("-0.01")]
    [InlineData("-1")]
    [InlineData("-12.34")]
    [InlineData("-0.001")]
    public void Yuan_refuses_a_negative_amount(string amount)
    {
        var exception = Assert.Throws<DomainException>(() => Money.Yuan(D(amount)));

        Assert.Equal("money-negative", exception.Code);
        Assert.False(Money.IsValidAmount(D(amount)));
    }

    [Theory]
    [InlineData("12.345")]
    [InlineData("0.001")]
    [InlineData("1.005")]
    [InlineData("0.009")]
    [InlineData("99.999")]
    [InlineData("0.0000001")]
    public void Yuan_refuses_more_than_two_decimals_instead_of_rounding(string amount)
    {
        var exception = Assert.Throws<DomainException>(() => Money.Yuan(D(amount)));

        Assert.Equal("money-precision", exception.Code);
        Assert.False(Money.IsValidAmount(D(amount)));
    }

    [Theory]
    [InlineData("0", "0", "0")]
    [InlineData("12.34", "0.66", "13.00")]
    [InlineData("0.01", "0.02", "0.03")]
    [InlineData("999999.99", "0.01", "1000000")]
    public void Addition_adds_the_amounts(string left, string right, string expected)
    {
        Assert.Equal(D(expected), (Y(left) + Y(right)).Amount);
        Assert.Equal(D(expected), (Y(right) + Y(left)).Amount);
    }

    [Theory]
    [InlineData("13.00", "0.66", "12.34")]
    [InlineData("12.34", "12.34", "0")]
    [InlineData("0.03", "0.01", "0.02")]
    public void Subtraction_subtracts_the_amounts(string left, string right, string expected)
    {
        Assert.Equal(D(expected), (Y(left) - Y(right)).Amount);
    }

    [Theory]
    [InlineData("0", "0.01")]
    [InlineData("12.33", "12.34")]
    [InlineData("1", "100")]
    public void Subtraction_below_zero_throws(string left, string right)
    {
        var exception = Assert.Throws<DomainException>(() => Y(left) - Y(right));

        Assert.Equal("money-negative", exception.Code);
    }

    [Theory]
    [InlineData("1.00", "2.00", -1)]
    [InlineData("2.00", "1.00", 1)]
    [InlineData("1.50", "1.5", 0)]
    [InlineData("0", "0.01", -1)]
    [InlineData("1000", "999.99", 1)]
    public void Comparison_operators_compare_the_amounts(string left, string right, int sign)
    {
        var a = Y(left);
        var b = Y(right);

        Assert.Equal(sign < 0, a < b);
        Assert.Equal(sign > 0, a > b);
        Assert.Equal(sign <= 0, a <= b);
        Assert.Equal(sign >= 0, a >= b);
        Assert.Equal(sign == 0, a == b);
        Assert.Equal(sign != 0, a != b);
        Assert.Equal(sign, Math.Sign(a.CompareTo(b)));
    }

    [Fact]
    public void Equal_amounts_with_different_scales_are_equal()
    {
        Assert.Equal(Y("1.5"), Y("1.50"));
        Assert.Equal(Y("1.5").GetHashCode(), Y("1.50").GetHashCode());
        Assert.Single(new HashSet<Money> { Y("1.5"), Y("1.50"), Y("1.500") });
    }

    [Fact]
    public void Sum_adds_every_amount_and_is_zero_for_none()
    {
        Assert.Equal(Y("16.79"), Money.Sum([Y("12.34"), Y("4.45"), Money.Zero]));
        Assert.Equal(Money.Zero, Money.Sum([]));
        Assert.Equal(Y("0.03"), Money.Sum(Enumerable.Repeat(Y("0.01"), 3)));
    }

    [Fact]
    public void Zero_is_an_amount_of_nothing()
    {
        Assert.Equal(0m, Money.Zero.Amount);
        Assert.Equal(Money.Yuan(0m), Money.Zero);
        Assert.Equal(default, Money.Zero);
        Assert.True(Money.Zero < Y("0.01"));
    }

    [Theory]
    [InlineData("1234.5", "¥1,234.50")]
    [InlineData("1234.50", "¥1,234.50")]
    [InlineData("0", "¥0.00")]
    [InlineData("0.05", "¥0.05")]
    [InlineData("12.340", "¥12.34")]
    [InlineData("999", "¥999.00")]
    [InlineData("1234567.89", "¥1,234,567.89")]
    public void ToString_shows_yuan_with_thousands_separators_and_two_decimals(string amount, string expected)
    {
        Assert.Equal(expected, Y(amount).ToString());
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    [InlineData("zh-CN")]
    public void ToString_does_not_depend_on_the_current_culture(string culture)
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            Assert.Equal("¥1,234.50", Y("1234.5").ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }
}
