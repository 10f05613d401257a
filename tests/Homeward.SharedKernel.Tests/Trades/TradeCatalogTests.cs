using System.Globalization;
using System.Text.RegularExpressions;
using Homeward.SharedKernel.Reference;
using Homeward.SharedKernel.Trades;

namespace Homeward.SharedKernel.Tests.Trades;

public partial class TradeCatalogTests
{
    private static readonly TradeCatalog Catalog = TradeCatalog.Current;
    private static readonly DateOnly Today = new(2026, 1, 15);

    [GeneratedRegex(@"^\d-\d{2}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex OccupationCodePattern();

    [GeneratedRegex("^[a-z]+(-[a-z]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex TradeCodePattern();

    [Fact]
    public void The_current_catalog_is_the_newest_release()
    {
        var releases = TradeCatalog.AllReleases();

        Assert.NotEmpty(releases);
        Assert.Equal(releases[^1].Version, Catalog.Version);
        Assert.Equal(new Version(2026, 1), Catalog.Version);
    }

    [Fact]
    public void At_least_twenty_trades_are_active()
    {
        Assert.True(Catalog.All.Count(t => t.IsActiveOn(Today)) >= 20, $"{Catalog.All.Count(t => t.IsActiveOn(Today))} active trades");
    }

    [Fact]
    public void Trade_codes_are_unique()
    {
        var codes = Catalog.All.Select(t => t.Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Trade_codes_are_lowercase_words_joined_by_hyphens()
    {
        Assert.All(Catalog.All, t => Assert.Matches(TradeCodePattern(), t.Code));
    }

    [Fact]
    public void Every_trade_has_an_occupation_code_of_the_form_d_dd_dd_dd()
    {
        Assert.All(Catalog.All, t => Assert.Matches(OccupationCodePattern(), t.OccupationCode));
    }

    [Fact]
    public void Every_trade_has_a_chinese_and_an_english_name()
    {
        Assert.All(Catalog.All, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Name), t.Code);
            Assert.False(string.IsNullOrWhiteSpace(t.EnglishName), t.Code);
        });
    }

    [Theory]
    [InlineData("electrician", "电工", "Electrician", "6-31-01-03")]
    [InlineData("welder", "焊工", "Welder", "6-18-02-04")]
    [InlineData("elderly-care", "养老护理员", "Elderly care worker", "4-10-01-05")]
    [InlineData("live-streaming-sales", "互联网营销师", "Live-streaming sales specialist", "4-01-02-07")]
    [InlineData("security-guard", "保安员", "Security guard", "4-07-05-01")]
    public void Find_returns_the_trade_with_that_code(string code, string name, string englishName, string occupationCode)
    {
        var trade = Catalog.Find(code);

        Assert.NotNull(trade);
        Assert.True(Catalog.Contains(code));
        Assert.Equal(code, trade.Code);
        Assert.Equal(name, trade.Name);
        Assert.Equal(englishName, trade.EnglishName);
        Assert.Equal(occupationCode, trade.OccupationCode);
        Assert.Null(trade.RetiredOn);
        Assert.True(trade.IsActiveOn(Today));
    }

    [Theory]
    [InlineData("astronaut")]
    [InlineData("")]
    [InlineData("electric")]
    [InlineData("电工")]
    [InlineData("6-31-01-03")]
    public void Find_returns_null_for_an_unknown_code(string code)
    {
        Assert.Null(Catalog.Find(code));
        Assert.False(Catalog.Contains(code));
    }

    [Theory]
    [InlineData("2024-12-31", true)]
    [InlineData("2025-01-01", false)]
    [InlineData("2026-01-15", false)]
    public void A_retired_trade_is_active_only_before_its_retirement_date(string day, bool expected)
    {
        var catalog = TradeCatalog.From(ReferenceDataRelease.Read(
            TradeCatalog.Dataset,
            new Version(1, 0),
            new StringReader("code,name,name_en,occupation_code,retired_on\ntypist,打字员,Typist,3-01-02-01,2025-01-01\nwelder,焊工,Welder,6-18-02-04,\n")));

        var typist = catalog.Find("typist");
        Assert.NotNull(typist);
        Assert.Equal(new DateOnly(2025, 1, 1), typist.RetiredOn);
        Assert.Equal(expected, typist.IsActiveOn(DateOnly.Parse(day, CultureInfo.InvariantCulture)));
        Assert.True(catalog.Find("welder")!.IsActiveOn(DateOnly.Parse(day, CultureInfo.InvariantCulture)));
    }
}
