using Homeward.SharedKernel.Divisions;
using Homeward.SharedKernel.Reference;
using Homeward.SharedKernel.Trades;

namespace Homeward.SharedKernel.Tests.Reference;

/// <summary>
/// Reference data is never deleted: a newer release keeps every code of the one before it (a ceased code is marked
/// retired instead). Persisted records refer to these codes and must still resolve after an upgrade.
/// </summary>
public class ReleaseHistoryTests
{
    [Fact]
    public void Every_division_code_of_a_release_is_still_present_in_the_next_release()
    {
        var releases = DivisionDirectory.AllReleases();

        Assert.NotEmpty(releases);
        AssertOrderedByVersion(releases.Select(r => r.Version));
        for (var i = 1; i < releases.Count; i++)
        {
            var missing = MissingCodes(
                releases[i - 1].All.Select(d => d.Code.Value),
                releases[i].All.Select(d => d.Code.Value));
            Assert.True(
                missing.Count == 0,
                $"Release {releases[i].Version} deleted divisions of {releases[i - 1].Version}: {string.Join(", ", missing)}");
        }
    }

    [Fact]
    public void Every_trade_code_of_a_release_is_still_present_in_the_next_release()
    {
        var releases = TradeCatalog.AllReleases();

        Assert.NotEmpty(releases);
        AssertOrderedByVersion(releases.Select(r => r.Version));
        for (var i = 1; i < releases.Count; i++)
        {
            var missing = MissingCodes(releases[i - 1].All.Select(t => t.Code), releases[i].All.Select(t => t.Code));
            Assert.True(
                missing.Count == 0,
                $"Release {releases[i].Version} deleted trades of {releases[i - 1].Version}: {string.Join(", ", missing)}");
        }
    }

    [Fact]
    public void A_retirement_is_never_undone_or_moved_in_a_later_division_release()
    {
        var releases = DivisionDirectory.AllReleases();

        Assert.NotEmpty(releases);
        for (var i = 1; i < releases.Count; i++)
        {
            foreach (var older in releases[i - 1].All.Where(d => d.RetiredOn is not null))
            {
                var newer = releases[i].Find(older.Code);
                Assert.NotNull(newer);
                Assert.Equal(older.RetiredOn, newer.RetiredOn);
            }
        }
    }

    [Fact]
    public void The_deletion_check_finds_a_code_that_a_newer_release_dropped()
    {
        // Guards the two tests above against passing vacuously: the same check over two synthetic releases.
        var older = TradeCatalog.From(Release("trades", "1.0", "code,name,name_en,occupation_code,retired_on", "welder,焊工,Welder,6-18-02-04,", "plumber,管工,Plumber,6-29-03-01,"));
        var newer = TradeCatalog.From(Release("trades", "1.1", "code,name,name_en,occupation_code,retired_on", "welder,焊工,Welder,6-18-02-04,"));

        Assert.Equal(["plumber"], MissingCodes(older.All.Select(t => t.Code), newer.All.Select(t => t.Code)));
        Assert.Empty(MissingCodes(newer.All.Select(t => t.Code), older.All.Select(t => t.Code)));
    }

    [Fact]
    public void Releases_are_read_oldest_first_and_the_latest_is_the_last()
    {
        foreach (var dataset in new[] { DivisionDirectory.Dataset, TradeCatalog.Dataset })
        {
            var all = ReferenceDataRelease.All(dataset);

            Assert.NotEmpty(all);
            Assert.All(all, r => Assert.Equal(dataset, r.Dataset));
            AssertOrderedByVersion(all.Select(r => r.Version));
            Assert.Equal(all[^1].Version, ReferenceDataRelease.Latest(dataset).Version);
            Assert.All(all, r => Assert.NotEmpty(r.Rows));
        }
    }

    [Fact]
    public void Asking_for_a_data_set_that_is_not_shipped_throws()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => ReferenceDataRelease.All("no-such-dataset"));

        Assert.Contains("no-such-dataset", exception.Message, StringComparison.Ordinal);
    }

    private static List<string> MissingCodes(IEnumerable<string> older, IEnumerable<string> newer)
    {
        var present = newer.ToHashSet(StringComparer.Ordinal);
        return older.Where(code => !present.Contains(code)).ToList();
    }

    private static void AssertOrderedByVersion(IEnumerable<Version> versions)
    {
        var list = versions.ToList();
        for (var i = 1; i < list.Count; i++)
        {
            Assert.True(list[i - 1] < list[i], $"{list[i - 1]} should come before {list[i]}");
        }
    }

    private static ReferenceDataRelease Release(string dataset, string version, params string[] lines) =>
        ReferenceDataRelease.Read(dataset, Version.Parse(version), new StringReader(string.Join('\n', lines)));
}
