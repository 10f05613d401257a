using Homeward.BuildingBlocks.Application.Errors;
using Homeward.Subsidy.Application.Applications;
using Homeward.Subsidy.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Subsidy.Infrastructure.Budgets;

/// <summary>
/// One upsert both creates the year's budget row and reserves from it, only where the reserved sum stays within the
/// budget. Concurrent approvals queue on the row's lock, and PostgreSQL re-checks the condition against the row each
/// finds after the one before committed, so none can see a stale sum.
/// </summary>
internal sealed class BudgetLedger(SubsidyDbContext db) : IBudgetLedger
{
    public async Task ReserveAndSaveAsync(Guid policyId, int year, decimal annualBudget, decimal amount, CancellationToken cancellationToken)
    {
        // The request may already run in a transaction (an Idempotency-Key stores its response in it); then that one is used.
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var reserved = amount <= annualBudget && await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO subsidy.policy_budgets AS b (policy_id, year, amount, reserved)
                VALUES ({policyId}, {year}, {annualBudget}, {amount})
                ON CONFLICT (policy_id, year) DO UPDATE SET amount = EXCLUDED.amount, reserved = b.reserved + EXCLUDED.reserved
                WHERE b.reserved + EXCLUDED.reserved <= EXCLUDED.amount
                """,
                cancellationToken) == 1;
            if (!reserved)
            {
                throw new ConflictException("budget-exhausted", $"The policy's budget for {year} cannot cover {amount:0.00} more.");
            }

            await db.SaveChangesAsync(cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }
}
