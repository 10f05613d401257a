using Homeward.BuildingBlocks.Application.Security;

namespace Homeward.Training.Api.Common;

/// <summary>Who changes training records.</summary>
public static class StaffRoles
{
    /// <summary>The offices that run training: city, county and township.</summary>
    public static readonly string[] Offices = [Roles.CityAdmin, Roles.CountyOfficer, Roles.TownshipOfficer];

    /// <summary>The offices that keep the catalog of providers and courses: city and county.</summary>
    public static readonly string[] Catalog = [Roles.CityAdmin, Roles.CountyOfficer];
}
