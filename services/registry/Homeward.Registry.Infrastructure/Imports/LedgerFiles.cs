using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Homeward.Registry.Application.Imports;
using Homeward.Registry.Domain.Imports;
using MiniExcelLibs;
using Sylvan.Data.Csv;

namespace Homeward.Registry.Infrastructure.Imports;

/// <summary>
/// CSV through Sylvan (UTF-8 with or without BOM; comma, semicolon or tab, found from the header) and XLSX through
/// MiniExcel (the first sheet, read and written as a stream of rows). Row numbers count the header as row 1, as a
/// spreadsheet shows them.
/// </summary>
internal sealed class LedgerFiles : ILedgerFiles
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    public LedgerSheet Read(byte[] content, ImportFormat format) => format switch
    {
        ImportFormat.Csv => ReadCsv(content),
        ImportFormat.Xlsx => ReadXlsx(content),
        _ => throw new LedgerFileException($"Unknown format {format}."),
    };

    public async Task WriteAsync(Stream output, ImportFormat format, IAsyncEnumerable<LedgerRecord> records, CancellationToken cancellationToken)
    {
        if (format == ImportFormat.Csv)
        {
            await WriteCsvAsync(output, records, cancellationToken);
            return;
        }

        // A workbook is a zip whose parts are finished only at the end, so it is built in a temporary file (never
        // in memory) from the rows as they are read, then sent.
        await using var workbook = new FileStream(
            Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var rows = records.ToBlockingEnumerable(cancellationToken).Select(record =>
            (IDictionary<string, object?>)LedgerColumns.All.Select((column, i) => (column, value: (object?)record.Cells[i]))
                .ToDictionary(c => c.column, c => c.value));
        await Task.Run(() => workbook.SaveAs(rows, sheetName: "workers", excelType: ExcelType.XLSX), cancellationToken);
        workbook.Position = 0;
        await workbook.CopyToAsync(output, cancellationToken);
    }

    private static LedgerSheet ReadCsv(byte[] content)
    {
        var text = content.AsMemory();
        if (text.Span.StartsWith(Utf8Bom))
        {
            text = text[Utf8Bom.Length..];
        }

        if (!Utf8.IsValid(text.Span))
        {
            throw new LedgerFileException("A CSV file is UTF-8 text (with or without BOM); save it from the spreadsheet as \"CSV UTF-8\".");
        }

        using (var header = OpenCsv(text))
        {
            return new LedgerSheet(MissingColumns(Enumerable.Range(0, header.FieldCount).Select(header.GetName)), CsvRecords(text));
        }
    }

    private static IEnumerable<LedgerRecord> CsvRecords(ReadOnlyMemory<byte> text)
    {
        using var csv = OpenCsv(text);
        var positions = Enumerable.Range(0, csv.FieldCount).Select(i => LedgerColumns.IndexOf(csv.GetName(i))).ToArray();
        var row = 1;
        while (csv.Read())
        {
            row++;
            var cells = new string?[LedgerColumns.All.Count];
            var filled = false;
            for (var i = 0; i < positions.Length && i < csv.FieldCount; i++)
            {
                if (positions[i] >= 0 && Clean(csv.GetString(i)) is { } value)
                {
                    cells[positions[i]] = value;
                    filled = true;
                }
            }

            if (filled)
            {
                yield return new LedgerRecord(row, cells);
            }
        }
    }

    private static CsvDataReader OpenCsv(ReadOnlyMemory<byte> text)
    {
        try
        {
            var reader = new StreamReader(new MemoryStream(text.ToArray(), writable: false), new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: false);
            return CsvDataReader.Create(reader, new CsvDataReaderOptions { HasHeaders = true });
        }
        catch (CsvFormatException malformed)
        {
            throw new LedgerFileException($"The CSV file cannot be read: {malformed.Message}", malformed);
        }
    }

    private static LedgerSheet ReadXlsx(byte[] content)
    {
        if (!content.AsSpan().StartsWith(ZipSignature))
        {
            throw new LedgerFileException("An XLSX file is an Excel workbook (Office Open XML); this one is not.");
        }

        try
        {
            using var stream = new MemoryStream(content, writable: false);
            var header = stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().FirstOrDefault()
                ?? throw new LedgerFileException("The first sheet is empty: it needs a header row.");
            return new LedgerSheet(MissingColumns(header.Values.Select(v => Cell(v) ?? string.Empty)), XlsxRecords(content));
        }
        catch (Exception unreadable) when (unreadable is not LedgerFileException)
        {
            throw new LedgerFileException("The workbook cannot be read; save it again from the spreadsheet as .xlsx.", unreadable);
        }
    }

    private static IEnumerable<LedgerRecord> XlsxRecords(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        int[]? positions = null;
        var row = 0;
        foreach (IDictionary<string, object?> sheetRow in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            row++;
            var values = sheetRow.Values.ToArray();
            if (positions is null)
            {
                positions = [.. values.Select(v => LedgerColumns.IndexOf(Cell(v) ?? string.Empty))];
                continue;
            }

            var cells = new string?[LedgerColumns.All.Count];
            var filled = false;
            for (var i = 0; i < positions.Length && i < values.Length; i++)
            {
                if (positions[i] >= 0 && Cell(values[i]) is { } value)
                {
                    cells[positions[i]] = value;
                    filled = true;
                }
            }

            if (filled)
            {
                yield return new LedgerRecord(row, cells);
            }
        }
    }

    /// <summary>A cell as the text a person sees: whole numbers without decimals (an 11-digit phone stays whole), dates as yyyy-MM-dd.</summary>
    private static string? Cell(object? value) => value switch
    {
        null => null,
        string text => Clean(text),
        double number when number == Math.Floor(number) && Math.Abs(number) < 1e15 => ((long)number).ToString(CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool flag => flag ? "yes" : "no",
        _ => Clean(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static List<string> MissingColumns(IEnumerable<string> header)
    {
        var present = header.Select(LedgerColumns.IndexOf).Where(i => i >= 0).Select(i => LedgerColumns.All[i]).ToHashSet();
        return [.. LedgerColumns.Required.Where(column => !present.Contains(column))];
    }

    private static async Task WriteCsvAsync(Stream output, IAsyncEnumerable<LedgerRecord> records, CancellationToken cancellationToken)
    {
        // With a BOM, so that spreadsheets open the file as UTF-8.
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
        await writer.WriteLineAsync(string.Join(',', LedgerColumns.All));
        var line = new StringBuilder();
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            line.Clear();
            for (var i = 0; i < record.Cells.Count; i++)
            {
                if (i > 0)
                {
                    line.Append(',');
                }

                Quote(line, record.Cells[i]);
            }

            await writer.WriteLineAsync(line, cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }

    private static void Quote(StringBuilder line, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n;") < 0)
        {
            line.Append(value);
            return;
        }

        line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
