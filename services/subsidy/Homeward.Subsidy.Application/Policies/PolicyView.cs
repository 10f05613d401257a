using Homeward.Subsidy.Domain.Policies;

namespace Homeward.Subsidy.Application.Policies;

public sealed record PolicyView(
    Guid Id,
    string Code,
    string Name,
    PolicyKind Kind,
    int Version,
    PolicyTerms Terms,
    DateTimeOffset VersionCreatedAt,
    string VersionCreatedBy,
    uint RowVersion)
{
    public static PolicyView From(Policy policy) => From(policy, policy.Current);

    public static PolicyView From(Policy policy, PolicyVersion version) => new(
        policy.Id, policy.Code, policy.Name, policy.Kind, version.Number, version.Terms, version.CreatedAt, version.CreatedBy, policy.RowVersion);
}

public static class PolicyPaths
{
    public static string Policy(Guid id) => $"/api/subsidy/v1/policies/{id}";
}
