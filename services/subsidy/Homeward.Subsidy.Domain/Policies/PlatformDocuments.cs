namespace Homeward.Subsidy.Domain.Policies;

/// <summary>Documents whose content the platform already holds, so an application gets them filled in instead of uploaded.</summary>
public static class PlatformDocuments
{
    /// <summary>The worker's registration in the registry (identity checked there against the national ID).</summary>
    public const string Identity = "identity";

    /// <summary>The return date the registry holds.</summary>
    public const string ReturnHome = "returnHome";

    /// <summary>The business registered in this service, with its validated credit code.</summary>
    public const string BusinessLicense = "businessLicense";

    /// <summary>A training the worker completed, as the training service reported it.</summary>
    public const string TrainingCertificate = "trainingCertificate";

    public static readonly IReadOnlyList<string> All = [Identity, ReturnHome, BusinessLicense, TrainingCertificate];
}
