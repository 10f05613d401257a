using System.Globalization;
using Homeward.SharedKernel.Divisions;
using Homeward.SharedKernel.Reference;

namespace Homeward.SharedKernel.Tests.Divisions;

public class DivisionDirectoryTests
{
    private static readonly DivisionDirectory Directory = DivisionDirectory.Current;

    private static DivisionCode Code(string value) => DivisionCode.Parse(value);

    [Fact]
    public void The_current_directory_is_the_newest_release()
    {
        var releases = DivisionDirectory.AllReleases();

        Assert.NotEmpty(releases);
        Assert.Equal(releases[^1].Version, Directory.Version);
        Assert.Equal(new Version(2026, 1), Directory.Version);
        Assert.Equal(releases[^1].All.Count, Directory.All.Count);
    }

    [Theory]
    [InlineData("410000000000", "河南省", DivisionLevel.Province)]
    [InlineData("419900000000", "示范市", DivisionLevel.City)]
    [InlineData("419902000000", "城关区", DivisionLevel.County)]
    [InlineData("419921000000", "河东县", DivisionLevel.County)]
    [InlineData("419921101000", "王庄镇", DivisionLevel.Township)]
    [InlineData("419902001000", "城东街道", DivisionLevel.Township)]
    [InlineData("419921205000", "黄岗乡", DivisionLevel.Township)]
    [InlineData("419921101201", "陆寨村", DivisionLevel.Village)]
    [InlineData("419902001001", "城东社区", DivisionLevel.Village)]
    [InlineData("419924205205", "段楼村", DivisionLevel.Village)]
    public void Contains_the_sample_city_and_its_divisions(string code, string name, DivisionLevel level)
    {
        var division = Directory.Find(Code(code));

        Assert.NotNull(division);
        Assert.True(Directory.Contains(Code(code)));
        Assert.Equal(name, division.Name);
        Assert.Equal(level, division.Level);
        Assert.Equal(Code(code), division.Code);
    }

    [Theory]
    [InlineData("110101000000")]
    [InlineData("419925000000")]
    [InlineData("419921106000")]
    [InlineData("419921101299")]
    public void Find_returns_null_for_a_code_the_release_does_not_have(string code)
    {
        Assert.Null(Directory.Find(Code(code)));
        Assert.False(Directory.Contains(Code(code)));
    }

    [Fact]
    public void Codes_are_unique()
    {
        var codes = Directory.All.Select(d => d.Code.Value).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_parent_of_every_division_below_the_city_exists()
    {
        var orphans = Directory.All
            .Where(d => d.Level > DivisionLevel.City && !Directory.Contains(d.Code.Parent!.Value))
            .Select(d => d.Code.Value)
            .ToList();

        Assert.Contains(Directory.All, d => d.Level > DivisionLevel.City);
        Assert.Empty(orphans);
    }

    [Fact]
    public void Every_level_is_present()
    {
        Assert.Equal(
            Enum.GetValues<DivisionLevel>(),
            Directory.All.Select(d => d.Level).Distinct().Order());
    }

    [Fact]
    public void Each_name_has_the_suffix_of_its_level()
    {
        string[] Suffixes(DivisionLevel level) => level switch
        {
            DivisionLevel.Province => ["省"],
            DivisionLevel.City => ["市"],
            DivisionLevel.County => ["县", "区"],
            DivisionLevel.Township => ["镇", "乡", "街道"],
            _ => ["村", "社区"],
        };

        var mismatches = Directory.All
            .Where(d => !Suffixes(d.Level).Any(s => d.Name.EndsWith(s, StringComparison.Ordinal)))
            .Select(d => $"{d.Code} {d.Name} ({d.Level})")
            .ToList();

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Every_division_is_listed_among_the_children_of_its_parent()
    {
        foreach (var division in Directory.All.Where(d => d.Code.Parent is { } p && Directory.Contains(p)))
        {
            Assert.Contains(division, Directory.ChildrenOf(division.Code.Parent!.Value));
        }
    }

    [Theory]
    [InlineData("410000000000", new[] { "419900000000" })]
    [InlineData("419900000000", new[] { "419902000000", "419921000000", "419922000000", "419923000000", "419924000000" })]
    [InlineData("419921000000", new[] { "419921101000", "419921102000", "419921103000", "419921104000", "419921205000" })]
    [InlineData("419921101000", new[] { "419921101001", "419921101201", "419921101202", "419921101203", "419921101204", "419921101205", "419921101206" })]
    [InlineData("419921101206", new string[0])]
    [InlineData("110000000000", new string[0])]
    public void ChildrenOf_lists_the_divisions_directly_below(string parent, string[] expected)
    {
        var children = Directory.ChildrenOf(Code(parent)).ToList();

        Assert.Equal(expected, children.Select(c => c.Code.Value).Order(StringComparer.Ordinal));
        Assert.All(children, c => Assert.Equal(Code(parent), c.Code.Parent));
    }

    [Theory]
    [InlineData("419921101201", "河南省 示范市 河东县 王庄镇 陆寨村")]
    [InlineData("419921101206", "河南省 示范市 河东县 王庄镇 老河村")]
    [InlineData("419902001001", "河南省 示范市 城关区 城东街道 城东社区")]
    [InlineData("419924205000", "河南省 示范市 柳林县 吴寨乡")]
    [InlineData("419923000000", "河南省 示范市 青石县")]
    [InlineData("419900000000", "河南省 示范市")]
    [InlineData("410000000000", "河南省")]
    public void PathName_joins_the_names_from_the_province_down(string code, string expected)
    {
        Assert.Equal(expected, Directory.PathName(Code(code)));
    }

    [Theory]
    [InlineData("110000000000")]
    [InlineData("110101001001")]
    public void PathName_is_null_when_no_division_on_the_path_is_known(string code)
    {
        Assert.Null(Directory.PathName(Code(code)));
    }

    [Fact]
    public void The_retired_village_is_kept_with_its_retirement_date_and_replacement()
    {
        var village = Directory.Find(Code("419921101206"));

        Assert.NotNull(village);
        Assert.Equal("老河村", village.Name);
        Assert.Equal(new DateOnly(2025, 6, 30), village.RetiredOn);
        Assert.Equal(Code("419921101205"), village.ReplacedBy);
        Assert.Contains(village, Directory.ChildrenOf(Code("419921101000")));
    }

    [Theory]
    [InlineData("2000-01-01", true)]
    [InlineData("2025-06-29", true)]
    [InlineData("2025-06-30", false)]
    [InlineData("2025-07-01", false)]
    [InlineData("2030-01-01", false)]
    public void The_retired_village_is_active_only_before_its_retirement_date(string day, bool expected)
    {
        var village = Directory.Find(Code("419921101206"))!;

        Assert.Equal(expected, village.IsActiveOn(DateOnly.Parse(day, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_division_that_is_not_retired_is_active_on_any_day()
    {
        var village = Directory.Find(Code("419921101205"))!;

        Assert.Null(village.RetiredOn);
        Assert.Null(village.ReplacedBy);
        Assert.True(village.IsActiveOn(DateOnly.MinValue));
        Assert.True(village.IsActiveOn(new DateOnly(2025, 6, 30)));
        Assert.True(village.IsActiveOn(DateOnly.MaxValue));
    }

    [Fact]
    public void A_replacement_is_a_division_active_when_the_replaced_one_retires()
    {
        var retired = Directory.All.Where(d => d.RetiredOn is not null).ToList();

        Assert.NotEmpty(retired);
        foreach (var division in Directory.All.Where(d => d.ReplacedBy is not null))
        {
            Assert.NotNull(division.RetiredOn);
            var replacement = Directory.Find(division.ReplacedBy!.Value);
            Assert.NotNull(replacement);
            Assert.True(replacement.IsActiveOn(division.RetiredOn.Value), $"{replacement.Code} replaces {division.Code}");
            Assert.Equal(division.Level, replacement.Level);
        }
    }

    [Fact]
    public void A_release_in_which_a_county_has_no_city_is_refused()
    {
        var release = Release(
            "code,name,retired_on,replaced_by",
            "410000000000,河南省,,",
            "419921000000,河东县,,");

        var exception = Assert.Throws<FormatException>(() => DivisionDirectory.From(release));
        Assert.Contains("419921000000", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_release_whose_replacement_code_is_missing_is_refused()
    {
        var release = Release(
            "code,name,retired_on,replaced_by",
            "410000000000,河南省,,",
            "419900000000,示范市,2025-01-01,419800000000");

        var exception = Assert.Throws<FormatException>(() => DivisionDirectory.From(release));
        Assert.Contains("419800000000", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_city_may_be_listed_without_its_province()
    {
        var directory = DivisionDirectory.From(Release(
            "code,name,retired_on,replaced_by",
            "419900000000,示范市,,",
            "419921000000,河东县,,"));

        Assert.Equal(2, directory.All.Count);
        Assert.Equal("示范市 河东县", directory.PathName(Code("419921000000")));
    }

    private static ReferenceDataRelease Release(params string[] lines) =>
        ReferenceDataRelease.Read(DivisionDirectory.Dataset, new Version(1, 0), new StringReader(string.Join('\n', lines)));
}
