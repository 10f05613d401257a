using System.Globalization;
using Homeward.SharedKernel.Reference;

namespace Homeward.SharedKernel.Tests.Reference;

public class ReferenceDataReleaseTests
{
    private static ReferenceDataRelease Read(params string[] lines) =>
        ReferenceDataRelease.Read("sample", new Version(3, 2), new StringReader(string.Join('\n', lines)));

    [Fact]
    public void Comment_and_blank_lines_are_skipped_and_the_first_other_line_is_the_header()
    {
        var release = Read(
            "# a comment before the header",
            "",
            "#code,name",
            "code,name,retired_on",
            "",
            "a,Alpha,",
            "# a comment between rows, with, commas",
            "b,Beta,2025-06-30",
            "",
            "");

        Assert.Equal("sample", release.Dataset);
        Assert.Equal(new Version(3, 2), release.Version);
        Assert.Equal(2, release.Rows.Count);
        Assert.Equal(["code", "name", "retired_on"], release.Rows[0].Keys.Order(StringComparer.Ordinal));
        Assert.Equal("a", release.Rows[0]["code"]);
        Assert.Equal("Alpha", release.Rows[0]["name"]);
        Assert.Equal("", release.Rows[0]["retired_on"]);
        Assert.Equal("b", release.Rows[1]["code"]);
        Assert.Equal("2025-06-30", release.Rows[1]["retired_on"]);
    }

    [Fact]
    public void Windows_line_endings_are_read_like_unix_ones()
    {
        var release = ReferenceDataRelease.Read(
            "sample", new Version(1, 0), new StringReader("# comment\r\ncode,name\r\n\r\na,Alpha\r\n"));

        var row = Assert.Single(release.Rows);
        Assert.Equal("Alpha", row["name"]);
    }

    [Fact]
    public void Field_values_are_trimmed()
    {
        var release = Read("code,name", " a ,  Alpha\t");

        Assert.Equal("a", release.Rows[0]["code"]);
        Assert.Equal("Alpha", release.Rows[0]["name"]);
    }

    [Fact]
    public void A_release_with_only_a_header_has_no_rows()
    {
        Assert.Empty(Read("# nothing yet", "code,name").Rows);
        Assert.Empty(Read().Rows);
    }

    [Theory]
    [InlineData(3, "code,name,retired_on", "a,Alpha,", "b,Beta")]
    [InlineData(3, "code,name,retired_on", "a,Alpha,", "b,Beta,,extra")]
    [InlineData(6, "# comment", "", "code,name", "a,Alpha", "# another", "b")]
    [InlineData(2, "code,name", "a,Alpha,2025-06-30")]
    public void A_row_with_the_wrong_number_of_fields_throws_naming_its_line(int line, params string[] lines)
    {
        var exception = Assert.Throws<FormatException>(() => Read(lines));

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"line {line}:"), exception.Message, StringComparison.Ordinal);
        Assert.StartsWith("sample 3.2,", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("2025-06-30", "2025-06-30")]
    [InlineData("2000-02-29", "2000-02-29")]
    public void OptionalDate_reads_an_iso_date_or_nothing(string text, string? expected)
    {
        var row = new Dictionary<string, string> { ["retired_on"] = text };

        var expectedDate = expected is null ? (DateOnly?)null : DateOnly.ParseExact(expected, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(expectedDate, ReferenceDataRelease.OptionalDate(row, "retired_on"));
    }

    [Theory]
    [InlineData("2025/06/30")]
    [InlineData("30.06.2025")]
    [InlineData("2025-02-30")]
    [InlineData("soon")]
    public void OptionalDate_refuses_anything_but_an_iso_date(string text)
    {
        var row = new Dictionary<string, string> { ["retired_on"] = text };

        Assert.Throws<FormatException>(() => ReferenceDataRelease.OptionalDate(row, "retired_on"));
    }
}
