using Homeward.SharedKernel;

namespace Homeward.Training.Domain.Catalog;

/// <summary>A school, centre or enterprise that runs training sessions.</summary>
public sealed class Provider : IHasRowVersion
{
    private Provider()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    /// <summary>12-digit code of the division the provider is based in.</summary>
    public string Division { get; private set; } = string.Empty;

    public string? Address { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public uint RowVersion { get; private set; }

    public static Provider Register(Guid id, string name, string division, string? address, DateTimeOffset now) => new()
    {
        Id = id,
        Name = name,
        Division = division,
        Address = address,
        CreatedAt = now,
    };
}
