using System.Globalization;

namespace Homeward.SharedKernel.Reference;

/// <summary>
/// One release of a reference data set, shipped as <c>ReferenceData/&lt;dataset&gt;.&lt;version&gt;.csv</c>. Releases
/// accumulate: a newer release keeps every code of the older ones and marks ceased codes as retired.
/// </summary>
public sealed class ReferenceDataRelease
{
    private const string ResourcePrefix = "Homeward.ReferenceData.";

    private ReferenceDataRelease(string dataset, Version version, IReadOnlyList<IReadOnlyDictionary<string, string>> rows)
    {
        Dataset = dataset;
        Version = version;
        Rows = rows;
    }

    public string Dataset { get; }

    public Version Version { get; }

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows { get; }

    /// <summary>Every shipped release of a data set, oldest first.</summary>
    public static IReadOnlyList<ReferenceDataRelease> All(string dataset)
    {
        var assembly = typeof(ReferenceDataRelease).Assembly;
        var releases = new List<ReferenceDataRelease>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(ResourcePrefix + dataset + ".", StringComparison.Ordinal) || !name.EndsWith(".csv", StringComparison.Ordinal))
            {
                continue;
            }

            var versionText = name[(ResourcePrefix.Length + dataset.Length + 1)..^".csv".Length];
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Reference data resource {name} cannot be opened.");
            using var reader = new StreamReader(stream);
            releases.Add(Read(dataset, Version.Parse(versionText), reader));
        }

        return releases.Count == 0
            ? throw new InvalidOperationException($"No release of reference data set '{dataset}' is shipped.")
            : releases.OrderBy(r => r.Version).ToList();
    }

    public static ReferenceDataRelease Latest(string dataset) => All(dataset)[^1];

    /// <summary>Reads a release: '#' lines are comments, the first other line is the header, fields are comma-separated.</summary>
    public static ReferenceDataRelease Read(string dataset, Version version, TextReader reader)
    {
        string[]? header = null;
        var rows = new List<IReadOnlyDictionary<string, string>>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split(',', StringSplitOptions.TrimEntries);
            if (header is null)
            {
                header = fields;
                continue;
            }

            if (fields.Length != header.Length)
            {
                throw new FormatException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{dataset} {version}, line {lineNumber}: {fields.Length} fields where the header has {header.Length}."));
            }

            var row = new Dictionary<string, string>(header.Length, StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = fields[i];
            }

            rows.Add(row);
        }

        return new ReferenceDataRelease(dataset, version, rows);
    }

    /// <summary>Parses an optional ISO date column ("" means absent).</summary>
    public static DateOnly? OptionalDate(IReadOnlyDictionary<string, string> row, string column) =>
        row[column].Length == 0 ? null : DateOnly.ParseExact(row[column], "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
