using Homeward.BuildingBlocks.Application.Security;

namespace Homeward.Subsidy.Api.Common;

/// <summary>Who does what in the subsidy service.</summary>
public static class StaffRoles
{
    /// <summary>Case workers: the offices that meet workers, register their businesses and file applications for them.</summary>
    public static readonly string[] CaseWorkers = [Roles.CityAdmin, Roles.CountyOfficer, Roles.TownshipOfficer, Roles.VillageCollector];

    /// <summary>The township pre-review.</summary>
    public static readonly string[] PreReviewers = [Roles.Reviewer, Roles.TownshipOfficer];

    /// <summary>The county approval, disbursement and loans.</summary>
    public static readonly string[] Approvers = [Roles.Approver, Roles.CountyOfficer];

    /// <summary>The policy catalog and budgets are the city's.</summary>
    public static readonly string[] PolicyAdmins = [Roles.CityAdmin];
}
