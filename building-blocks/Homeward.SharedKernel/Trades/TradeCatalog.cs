using Homeward.SharedKernel.Reference;

namespace Homeward.SharedKernel.Trades;

/// <summary>The trades of one reference-data release.</summary>
public sealed class TradeCatalog
{
    public const string Dataset = "trades";

    private readonly Dictionary<string, Trade> _byCode;

    private TradeCatalog(Version version, IReadOnlyList<Trade> trades)
    {
        Version = version;
        All = trades;
        _byCode = trades.ToDictionary(t => t.Code, StringComparer.Ordinal);
    }

    public static TradeCatalog Current { get; } = From(ReferenceDataRelease.Latest(Dataset));

    public Version Version { get; }

    public IReadOnlyList<Trade> All { get; }

    public static IReadOnlyList<TradeCatalog> AllReleases() => ReferenceDataRelease.All(Dataset).Select(From).ToList();

    public static TradeCatalog From(ReferenceDataRelease release) =>
        new(release.Version, release.Rows.Select(row => new Trade(
            row["code"],
            row["name"],
            row["name_en"],
            row["occupation_code"],
            ReferenceDataRelease.OptionalDate(row, "retired_on"))).ToList());

    public Trade? Find(string code) => _byCode.GetValueOrDefault(code);

    public bool Contains(string code) => _byCode.ContainsKey(code);
}
