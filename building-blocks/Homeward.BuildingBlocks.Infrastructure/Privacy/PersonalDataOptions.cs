namespace Homeward.BuildingBlocks.Infrastructure.Privacy;

/// <summary>
/// Keys for personal data (configuration section "PersonalData"), each 32 random bytes in base64. Rotation: add a
/// new key under <see cref="Keys"/> and make it <see cref="ActiveKeyId"/>; values encrypted with older keys stay
/// readable as long as their key stays listed. The lookup key is not rotated this way: changing it means
/// recomputing every lookup hash.
/// </summary>
public sealed class PersonalDataOptions
{
    public const string Section = "PersonalData";

    public string ActiveKeyId { get; set; } = string.Empty;

    public Dictionary<string, string> Keys { get; set; } = [];

    public string LookupKey { get; set; } = string.Empty;
}
