namespace Homeward.SharedKernel.Divisions;

/// <summary>The administrative levels a statistical division code can name, from the widest to the narrowest.</summary>
public enum DivisionLevel
{
    Province = 1,
    City = 2,
    County = 3,
    Township = 4,
    Village = 5,
}
