using Homeward.Testing;

namespace Homeward.JobMatching.Tests;

public sealed class JobMatchingService() : ServiceUnderTest<Program>("JobMatching", "jobmatching")
{
    protected override IReadOnlyDictionary<string, string?> Settings(Dictionary<string, string?> defaults)
    {
        // Expiry and the daily skill-gap check run often enough that a test sees them without waiting.
        defaults["JobMatching:ExpiryInterval"] = "00:00:00.200";
        defaults["JobMatching:SkillGapCheckInterval"] = "00:00:00.200";
        return defaults;
    }
}
