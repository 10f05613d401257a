namespace Homeward.Subsidy.Application.Common;

/// <summary>Settings of the subsidy service (configuration section "Subsidy").</summary>
public sealed class SubsidyOptions
{
    public const string Section = "Subsidy";

    /// <summary>The largest document an application accepts.</summary>
    public long MaxUploadBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>The kinds of document an application accepts: scans and photos.</summary>
    public List<string> UploadContentTypes { get; set; } = ["application/pdf", "image/jpeg", "image/png"];

    /// <summary>The largest guaranteed loan to an individual business.</summary>
    public decimal IndividualLoanCap { get; set; } = 300_000m;

    /// <summary>The largest guaranteed loan to a micro enterprise or cooperative.</summary>
    public decimal SmallFirmLoanCap { get; set; } = 4_000_000m;

    /// <summary>How many workers an outreach run reads, evaluates and notifies at a time.</summary>
    public int OutreachChunkSize { get; set; } = 5000;
}
