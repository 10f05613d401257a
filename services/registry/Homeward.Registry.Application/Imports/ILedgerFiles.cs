using Homeward.Registry.Domain.Imports;

namespace Homeward.Registry.Application.Imports;

/// <summary>Reads and writes village ledgers as CSV (UTF-8, with or without BOM) or XLSX (the first sheet).</summary>
public interface ILedgerFiles
{
    /// <summary>The header's problems and the rows; rows are read as they are enumerated. Throws <see cref="LedgerFileException"/> for a file that is not of its format.</summary>
    LedgerSheet Read(byte[] content, ImportFormat format);

    /// <summary>Writes a header row of <see cref="LedgerColumns.All"/> and the records, as they arrive.</summary>
    Task WriteAsync(Stream output, ImportFormat format, IAsyncEnumerable<LedgerRecord> records, CancellationToken cancellationToken);
}

/// <summary>The file cannot be read as the format it claims: not UTF-8 text, not a spreadsheet, no header row.</summary>
public sealed class LedgerFileException(string message, Exception? innerException = null) : Exception(message, innerException);
