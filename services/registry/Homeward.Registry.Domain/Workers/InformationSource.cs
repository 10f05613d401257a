namespace Homeward.Registry.Domain.Workers;

/// <summary>Where a fact about a worker came from. Several sources together make one trustworthy record.</summary>
public enum InformationSource
{
    /// <summary>A staff member's visit to the household.</summary>
    DoorToDoorVisit = 0,
    PhoneCall = 1,

    /// <summary>The worker, through an app.</summary>
    SelfReport = 2,
    SocialInsurance = 3,
    MarketRegulation = 4,
    EmployerReport = 5,

    /// <summary>Another Homeward service (placements, training, businesses).</summary>
    Platform = 6,

    /// <summary>A village ledger imported in bulk.</summary>
    LedgerImport = 7,

    /// <summary>A staff member's edit through the API.</summary>
    StaffEntry = 8,
}
