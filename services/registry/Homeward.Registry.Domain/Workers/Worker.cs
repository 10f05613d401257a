using Homeward.SharedKernel;
using Homeward.SharedKernel.Divisions;
using Homeward.SharedKernel.Identity;
using Homeward.SharedKernel.Privacy;

namespace Homeward.Registry.Domain.Workers;

/// <summary>
/// A returning migrant worker: one record per person, identified by the national ID number. The number, the birth
/// date and gender derived from it never change after registration; the number and phone are held only in
/// protected form.
/// </summary>
public sealed class Worker : IHasRowVersion
{
    private Worker()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public ProtectedValue NationalId { get; private set; } = null!;

    public DateOnly BirthDate { get; private set; }

    public Gender Gender { get; private set; }

    public ProtectedValue? Phone { get; private set; }

    /// <summary>12-digit statistical code of the village of the household (hukou) registration.</summary>
    public string HouseholdDivisionCode { get; private set; } = string.Empty;

    public DateTimeOffset RegisteredAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint RowVersion { get; private set; }

    public DivisionCode HouseholdDivision => DivisionCode.Parse(HouseholdDivisionCode);

    /// <summary>
    /// Changes the facts that may change after registration and returns the names of those that did. The national
    /// ID number, and the birth date and gender derived from it, never change: a wrong number is a wrong record.
    /// </summary>
    public IReadOnlyList<string> ChangeProfile(string? name, ProtectedValue? phone, DivisionCode? householdDivision, DateTimeOffset now)
    {
        var changed = new List<string>();
        if (name is not null && name.Trim() != Name)
        {
            EnsureValidName(name);
            Name = name.Trim();
            changed.Add("name");
        }

        if (phone is not null && !phone.LookupHash.AsSpan().SequenceEqual(Phone?.LookupHash))
        {
            Phone = phone;
            changed.Add("phone");
        }

        if (householdDivision is { } division && division.Value != HouseholdDivisionCode)
        {
            EnsureVillage(division);
            HouseholdDivisionCode = division.Value;
            changed.Add("householdDivision");
        }

        if (changed.Count > 0)
        {
            UpdatedAt = now;
        }

        return changed;
    }

    public static Worker Register(
        Guid id,
        NationalId nationalId,
        ProtectedValue protectedNationalId,
        string name,
        ProtectedValue? phone,
        DivisionCode householdDivision,
        DateTimeOffset now)
    {
        EnsureValidName(name);
        EnsureVillage(householdDivision);
        return new Worker
        {
            Id = id,
            Name = name.Trim(),
            NationalId = protectedNationalId,
            BirthDate = nationalId.BirthDate,
            Gender = nationalId.Gender,
            Phone = phone,
            HouseholdDivisionCode = householdDivision.Value,
            RegisteredAt = now,
            UpdatedAt = now,
        };
    }

    private static void EnsureValidName(string name)
    {
        if (!WorkerName.IsValid(name))
        {
            throw new DomainException("worker-name-invalid", "A name is 2 to 30 letters; digits and symbols are not allowed.");
        }
    }

    private static void EnsureVillage(DivisionCode division)
    {
        if (division.Level != DivisionLevel.Village)
        {
            throw new DomainException("household-division-not-village", "The household division is a village (12-digit code).");
        }
    }
}
