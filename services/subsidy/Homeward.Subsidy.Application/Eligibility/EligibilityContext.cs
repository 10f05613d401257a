using Homeward.Subsidy.Application.Policies;
using Homeward.Subsidy.Domain.Businesses;
using Homeward.Subsidy.Domain.Outreach;
using Homeward.Subsidy.Domain.Policies;
using Homeward.Subsidy.Domain.Rules;
using Homeward.Subsidy.Domain.Workers;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Subsidy.Application.Eligibility;

/// <summary>What one policy says of one worker: eligible or not, why, and for how much.</summary>
public sealed record PolicyEligibility(
    Guid PolicyId,
    string PolicyCode,
    string PolicyName,
    PolicyKind Kind,
    int PolicyVersion,
    bool Eligible,
    decimal Amount,
    IReadOnlyList<RuleReason> Reasons);

/// <summary>
/// Everything eligibility needs for a group of workers, read in a few queries: the active policies, each worker's most
/// recent business and the policies whose benefit each was already approved for.
/// </summary>
public sealed class EligibilityContext
{
    private readonly IReadOnlyList<(Policy Policy, PolicyVersion Version)> _policies;
    private readonly Dictionary<Guid, Business> _businesses;
    private readonly ILookup<Guid, Guid> _approvedPolicies;
    private readonly Dictionary<Guid, string> _codes;

    private EligibilityContext(
        IReadOnlyList<(Policy, PolicyVersion)> policies, Dictionary<Guid, Business> businesses, ILookup<Guid, Guid> approvedPolicies, Dictionary<Guid, string> codes, DateOnly today)
    {
        _policies = policies;
        _businesses = businesses;
        _approvedPolicies = approvedPolicies;
        _codes = codes;
        Today = today;
    }

    public DateOnly Today { get; }

    public IReadOnlyList<(Policy Policy, PolicyVersion Version)> Policies => _policies;

    public static async Task<EligibilityContext> LoadAsync(
        ISubsidyDbContext db, IReadOnlyCollection<Guid> workerIds, DateOnly today, CancellationToken cancellationToken,
        IReadOnlyList<(Policy, PolicyVersion)>? activePolicies = null)
    {
        var policies = activePolicies ?? await db.ActiveAsync(today, cancellationToken);
        var ids = workerIds.ToArray();
        var businesses = (await db.Businesses.AsNoTracking()
                .Where(b => ids.Contains(b.FounderWorkerId))
                .ToListAsync(cancellationToken))
            .GroupBy(b => b.FounderWorkerId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(b => b.RegisteredOn).ThenByDescending(b => b.Id).First());
        var approved = await db.Funnel.AsNoTracking()
            .Where(f => ids.Contains(f.WorkerId) && f.ApprovedAt != null)
            .Select(f => new { f.WorkerId, f.PolicyId })
            .ToListAsync(cancellationToken);
        // Only benefits already received need a policy's code; most workers have none, and then no query is made.
        var received = approved.Select(a => a.PolicyId).Distinct().ToArray();
        var codes = received.Length == 0
            ? []
            : await db.Policies.AsNoTracking().Where(p => received.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Code, cancellationToken);
        return new EligibilityContext(policies, businesses, approved.ToLookup(a => a.WorkerId, a => a.PolicyId), codes, today);
    }

    public Business? BusinessOf(Guid workerId) => _businesses.GetValueOrDefault(workerId);

    private FactSet FactsOf(Worker worker, Business? business) =>
        EligibilityFacts.For(worker, business, _approvedPolicies[worker.WorkerId].Select(id => _codes.GetValueOrDefault(id)).OfType<string>(), Today);

    /// <summary>Counts a business not saved yet as its founder's latest.</summary>
    public void Include(Business business) => _businesses[business.FounderWorkerId] = business;

    /// <summary>Every active policy's verdict on the worker, with <paramref name="business"/> in place of their latest one when given.</summary>
    public IReadOnlyList<PolicyEligibility> Evaluate(Worker worker, Business? business = null)
    {
        business ??= BusinessOf(worker.WorkerId);
        var facts = FactsOf(worker, business);
        var verdicts = new List<PolicyEligibility>(_policies.Count);
        foreach (var (policy, version) in _policies)
        {
            var outcome = RuleEvaluator.Evaluate(version.Terms.Eligibility, facts);
            verdicts.Add(new PolicyEligibility(
                policy.Id, policy.Code, policy.Name, policy.Kind, version.Number, outcome.Met,
                version.Terms.Amount.For(business?.JobsCreated ?? 0), outcome.Reasons));
        }

        return verdicts;
    }

    /// <summary>
    /// The notifications (funnel entries) to make: one for each active policy a registered worker is eligible for and
    /// has no entry of yet. Existing entries are passed in so that a batch reads them once; the new ones are added to it.
    /// </summary>
    public IReadOnlyList<FunnelEntry> NewlyEligible(IEnumerable<Worker> workers, ISet<(Guid WorkerId, Guid PolicyId)> existing, DateTimeOffset now)
    {
        var notifications = new List<FunnelEntry>();
        foreach (var worker in workers.Where(w => w.IsRegistered))
        {
            var facts = FactsOf(worker, BusinessOf(worker.WorkerId));
            foreach (var (policy, version) in _policies)
            {
                if (!existing.Contains((worker.WorkerId, policy.Id)) && RuleEvaluator.IsMet(version.Terms.Eligibility, facts))
                {
                    existing.Add((worker.WorkerId, policy.Id));
                    notifications.Add(FunnelEntry.Notified(worker.WorkerId, policy.Id, worker.HouseholdDivision, version.Number, now));
                }
            }
        }

        return notifications;
    }

    public static async Task<HashSet<(Guid WorkerId, Guid PolicyId)>> ExistingEntriesAsync(
        ISubsidyDbContext db, IReadOnlyCollection<Guid> workerIds, CancellationToken cancellationToken)
    {
        var ids = workerIds.ToArray();
        return (await db.Funnel.AsNoTracking()
            .Where(f => ids.Contains(f.WorkerId))
            .Select(f => new { f.WorkerId, f.PolicyId })
            .ToListAsync(cancellationToken))
        .Select(f => (f.WorkerId, f.PolicyId))
        .ToHashSet();
    }
}
