namespace Homeward.BuildingBlocks.Application.Security;

/// <summary>
/// The OAuth scopes of the platform: what a token lets its holder do, per service. Reading and writing are separate;
/// revealing personal data and administering identities have scopes of their own.
/// </summary>
public static class Scopes
{
    public const string RegistryRead = "registry.read";
    public const string RegistryWrite = "registry.write";

    /// <summary>See a worker's full national ID and phone number (audited).</summary>
    public const string RegistryReveal = "registry.reveal";

    public const string JobMatchingRead = "jobmatching.read";
    public const string JobMatchingWrite = "jobmatching.write";

    /// <summary>See an employer contact's full phone number (audited).</summary>
    public const string JobMatchingReveal = "jobmatching.reveal";

    public const string SubsidyRead = "subsidy.read";
    public const string SubsidyWrite = "subsidy.write";
    public const string TrainingRead = "training.read";
    public const string TrainingWrite = "training.write";

    /// <summary>A partner city's synchronisation of labour-cooperation data.</summary>
    public const string PartnerSync = "partner.sync";

    /// <summary>Manage clients and staff accounts.</summary>
    public const string IdentityAdmin = "identity.admin";

    public static readonly IReadOnlyList<string> All =
    [
        RegistryRead, RegistryWrite, RegistryReveal,
        JobMatchingRead, JobMatchingWrite, JobMatchingReveal,
        SubsidyRead, SubsidyWrite,
        TrainingRead, TrainingWrite,
        PartnerSync, IdentityAdmin,
    ];

    /// <summary>The API (token audience) a scope belongs to: the service's name.</summary>
    public static string AudienceOf(string scope) => scope.Split('.')[0] switch
    {
        "registry" => "registry",
        "jobmatching" or "partner" => "job-matching",
        "subsidy" => "subsidy",
        "training" => "training",
        "identity" => "identity",
        _ => throw new ArgumentException($"Unknown scope '{scope}'.", nameof(scope)),
    };
}
