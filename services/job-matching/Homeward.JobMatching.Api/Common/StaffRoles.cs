using Homeward.BuildingBlocks.Application.Security;

namespace Homeward.JobMatching.Api.Common;

/// <summary>Who changes job-matching records: the offices that review and recommend jobs (city, county, township).</summary>
public static class StaffRoles
{
    public static readonly string[] Offices = [Roles.CityAdmin, Roles.CountyOfficer, Roles.TownshipOfficer];
}
