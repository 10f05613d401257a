using Homeward.SharedKernel;

namespace Homeward.JobMatching.Domain.Partners;

/// <summary>
/// A city of labour cooperation. Its id is the partner id its clients' tokens carry (e.g. "tianjin"), so a partner
/// client is tied to exactly one partner city; its enterprises are employers located in it.
/// </summary>
public sealed class PartnerCity : IHasRowVersion
{
    private PartnerCity()
    {
    }

    public string Id { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public DateTimeOffset RegisteredAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint RowVersion { get; private set; }

    public static PartnerCity Register(string id, string name, DateTimeOffset now) =>
        new() { Id = id, Name = name.Trim(), RegisteredAt = now, UpdatedAt = now };

    public void Rename(string name, DateTimeOffset now)
    {
        Name = name.Trim();
        UpdatedAt = now;
    }
}
