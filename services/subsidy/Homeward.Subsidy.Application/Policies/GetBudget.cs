using Homeward.BuildingBlocks.Application.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Subsidy.Application.Policies;

/// <summary>A policy's budget of a year: its size (the current version's annual budget) and what approvals reserved of it.</summary>
public sealed record GetBudget(Guid PolicyId, int Year) : IQuery<BudgetView>;

public sealed record BudgetView(Guid PolicyId, int Year, decimal Amount, decimal Reserved, decimal Remaining);

public sealed class GetBudgetHandler(ISubsidyDbContext db) : IQueryHandler<GetBudget, BudgetView>
{
    public async ValueTask<BudgetView> Handle(GetBudget query, CancellationToken cancellationToken)
    {
        var policy = await db.Policies.AsNoTracking().Include(p => p.Versions).FirstOrDefaultAsync(p => p.Id == query.PolicyId, cancellationToken)
            ?? throw new NotFoundException("Policy", query.PolicyId);
        var reserved = await db.PolicyBudgets.AsNoTracking()
            .Where(b => b.PolicyId == query.PolicyId && b.Year == query.Year)
            .Select(b => (decimal?)b.Reserved)
            .FirstOrDefaultAsync(cancellationToken) ?? 0m;
        var amount = policy.Current.Terms.AnnualBudget;
        return new BudgetView(policy.Id, query.Year, amount, reserved, Math.Max(amount - reserved, 0m));
    }
}
