namespace Homeward.BuildingBlocks.Application.Security;

/// <summary>Roles of staff of the four-level service network, and of the two kinds of API clients.</summary>
public static class Roles
{
    public const string CityAdmin = "city-admin";
    public const string CountyOfficer = "county-officer";
    public const string TownshipOfficer = "township-officer";
    public const string VillageCollector = "village-collector";
    public const string Reviewer = "reviewer";
    public const string Approver = "approver";
    public const string Auditor = "auditor";

    /// <summary>A third-party application (worker mini-app, bank, training provider) using client credentials.</summary>
    public const string App = "app";

    /// <summary>A partner city's system using client credentials.</summary>
    public const string Partner = "partner";

    public static readonly IReadOnlyList<string> Staff =
        [CityAdmin, CountyOfficer, TownshipOfficer, VillageCollector, Reviewer, Approver, Auditor];

    public static readonly IReadOnlyList<string> Clients = [App, Partner];
}
