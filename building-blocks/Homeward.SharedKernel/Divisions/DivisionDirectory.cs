using Homeward.SharedKernel.Reference;

namespace Homeward.SharedKernel.Divisions;

/// <summary>The division tree of one reference-data release.</summary>
public sealed class DivisionDirectory
{
    public const string Dataset = "divisions";

    private readonly Dictionary<string, Division> _byCode;
    private readonly ILookup<string, Division> _byParent;

    private DivisionDirectory(Version version, IReadOnlyList<Division> divisions)
    {
        Version = version;
        All = divisions;
        _byCode = divisions.ToDictionary(d => d.Code.Value, StringComparer.Ordinal);
        _byParent = divisions.Where(d => d.Code.Parent is not null).ToLookup(d => d.Code.Parent!.Value.Value, StringComparer.Ordinal);
        foreach (var division in divisions)
        {
            if (division.Code.Parent is { } parent && !_byCode.ContainsKey(parent.Value) && division.Level > DivisionLevel.City)
            {
                throw new FormatException($"Division {division.Code} has no parent {parent} in release {version}.");
            }

            if (division.ReplacedBy is { } replacement && !_byCode.ContainsKey(replacement.Value))
            {
                throw new FormatException($"Division {division.Code} is replaced by {replacement}, which release {version} lacks.");
            }
        }
    }

    /// <summary>The newest shipped release.</summary>
    public static DivisionDirectory Current { get; } = From(ReferenceDataRelease.Latest(Dataset));

    public Version Version { get; }

    public IReadOnlyList<Division> All { get; }

    public static IReadOnlyList<DivisionDirectory> AllReleases() =>
        ReferenceDataRelease.All(Dataset).Select(From).ToList();

    public static DivisionDirectory From(ReferenceDataRelease release) =>
        new(release.Version, release.Rows.Select(row => new Division(
            DivisionCode.Parse(row["code"]),
            row["name"],
            ReferenceDataRelease.OptionalDate(row, "retired_on"),
            row["replaced_by"].Length == 0 ? null : DivisionCode.Parse(row["replaced_by"]))).ToList());

    public Division? Find(DivisionCode code) => _byCode.GetValueOrDefault(code.Value);

    public bool Contains(DivisionCode code) => _byCode.ContainsKey(code.Value);

    public IEnumerable<Division> ChildrenOf(DivisionCode code) => _byParent[code.Value];

    /// <summary>The names from the province down to the division, e.g. "河南省 示范市 河东县 王庄镇 陆寨村".</summary>
    public string? PathName(DivisionCode code)
    {
        var names = new Stack<string>();
        DivisionCode? current = code;
        while (current is { } c)
        {
            if (Find(c) is { } division)
            {
                names.Push(division.Name);
            }

            current = c.Parent;
        }

        return names.Count == 0 ? null : string.Join(' ', names);
    }
}
