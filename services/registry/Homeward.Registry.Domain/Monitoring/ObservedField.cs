namespace Homeward.Registry.Domain.Monitoring;

/// <summary>The facts that sources report and staff reconcile.</summary>
public enum ObservedField
{
    /// <summary>Compared by lookup hash: the value itself is never stored in an observation.</summary>
    Phone = 0,
    HouseholdDivision = 1,

    /// <summary>Division code of where the worker lives now.</summary>
    Residence = 2,
    Education = 3,
    EmploymentStatus = 4,
}
