using Homeward.BuildingBlocks.Application.Security;

namespace Homeward.Identity.Staff;

/// <summary>
/// Which scopes each staff role may receive. A staff token carries the requested scopes that at least one of the
/// account's roles allows; anything else requested is silently left out.
/// </summary>
public static class StaffScopes
{
    private static readonly Dictionary<string, string[]> ByRole = new(StringComparer.Ordinal)
    {
        [Roles.CityAdmin] = [.. Scopes.All.Where(s => s != Scopes.PartnerSync)],
        [Roles.CountyOfficer] =
        [
            Scopes.RegistryRead, Scopes.RegistryWrite, Scopes.RegistryReveal, Scopes.JobMatchingRead, Scopes.JobMatchingWrite,
            Scopes.JobMatchingReveal, Scopes.SubsidyRead, Scopes.SubsidyWrite, Scopes.TrainingRead, Scopes.TrainingWrite,
        ],
        [Roles.TownshipOfficer] =
        [
            Scopes.RegistryRead, Scopes.RegistryWrite, Scopes.JobMatchingRead, Scopes.JobMatchingWrite,
            Scopes.SubsidyRead, Scopes.SubsidyWrite, Scopes.TrainingRead, Scopes.TrainingWrite,
        ],
        [Roles.VillageCollector] = [Scopes.RegistryRead, Scopes.RegistryWrite, Scopes.JobMatchingRead, Scopes.TrainingRead],
        [Roles.Reviewer] = [Scopes.RegistryRead, Scopes.SubsidyRead, Scopes.SubsidyWrite],
        [Roles.Approver] = [Scopes.RegistryRead, Scopes.SubsidyRead, Scopes.SubsidyWrite],
        [Roles.Auditor] = [Scopes.RegistryRead, Scopes.JobMatchingRead, Scopes.SubsidyRead, Scopes.TrainingRead],
    };

    public static IReadOnlyCollection<string> Allowed(IEnumerable<string> roles) =>
        roles.SelectMany(role => ByRole.GetValueOrDefault(role, [])).ToHashSet(StringComparer.Ordinal);
}
