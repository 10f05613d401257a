using Homeward.Testing;

namespace Homeward.JobMatching.Tests;

public sealed class JobMatchingService() : ServiceUnderTest<Program>("JobMatching", "jobmatching")
{
    protected override IReadOnlyDictionary<string, string?> Settings(Dictionary<string, string?> defaults)
    {
        // Expiry runs often enough that a test sees it without waiting a minute.
        defaults["JobMatching:ExpiryInterval"] = "00:00:00.200";
        return defaults;
    }
}
