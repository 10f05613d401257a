using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Paging;
using Homeward.Subsidy.Domain.Policies;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Subsidy.Application.Policies;

/// <summary>A policy with its current terms, or with the terms of one of its versions. Policies are public knowledge.</summary>
public sealed record GetPolicy(Guid PolicyId, int? Version = null) : IQuery<PolicyView>;

public sealed class GetPolicyHandler(ISubsidyDbContext db) : IQueryHandler<GetPolicy, PolicyView>
{
    public async ValueTask<PolicyView> Handle(GetPolicy query, CancellationToken cancellationToken)
    {
        var policy = await db.Policies.AsNoTracking().Include(p => p.Versions)
            .FirstOrDefaultAsync(p => p.Id == query.PolicyId, cancellationToken)
            ?? throw new NotFoundException("Policy", query.PolicyId);
        if (query.Version is not { } number)
        {
            return PolicyView.From(policy);
        }

        var version = policy.Versions.FirstOrDefault(v => v.Number == number)
            ?? throw new NotFoundException("Policy version", $"{query.PolicyId}/{number}");
        return PolicyView.From(policy, version);
    }
}

/// <summary>The catalog with each policy's current terms, in the order policies were defined.</summary>
public sealed record ListPolicies(PageRequest Page) : IQuery<Page<PolicyView>>;

public sealed class ListPoliciesHandler(ISubsidyDbContext db) : IQueryHandler<ListPolicies, Page<PolicyView>>
{
    public async ValueTask<Page<PolicyView>> Handle(ListPolicies query, CancellationToken cancellationToken)
    {
        var after = query.Page.After<Guid?>();
        var fetched = await db.Policies.AsNoTracking()
            .Include(p => p.Versions)
            .Where(p => after == null || p.Id.CompareTo(after.Value) > 0)
            .OrderBy(p => p.Id)
            .Take(query.Page.Limit + 1)
            .ToListAsync(cancellationToken);
        return Page<PolicyView>.FromOverFetch(fetched.Select(PolicyView.From).ToList(), query.Page, p => (Guid?)p.Id);
    }
}

public static class PolicyQueries
{
    /// <summary>The current versions of every policy valid on <paramref name="day"/>, with their policies.</summary>
    public static async Task<IReadOnlyList<(Policy Policy, PolicyVersion Version)>> ActiveAsync(this ISubsidyDbContext db, DateOnly day, CancellationToken cancellationToken)
    {
        var policies = await db.Policies.AsNoTracking()
            .Include(p => p.Versions)
            .OrderBy(p => p.Code)
            .ToListAsync(cancellationToken);
        return [.. policies.Where(p => p.Current.IsValidOn(day)).Select(p => (p, p.Current))];
    }
}
