namespace Homeward.Subsidy.Application.Applications;

/// <summary>
/// The annual budgets of policies. A reservation is made with one conditional statement in the same transaction as
/// the approval it pays for, so concurrent approvals can never together exceed the budget.
/// </summary>
public interface IBudgetLedger
{
    /// <summary>
    /// Reserves <paramref name="amount"/> from the policy's budget of <paramref name="year"/> (whose size is
    /// <paramref name="annualBudget"/>) and saves the pending changes, all in one transaction; when it does not fit,
    /// nothing is saved and the approval is refused as a conflict (budget-exhausted).
    /// </summary>
    Task ReserveAndSaveAsync(Guid policyId, int year, decimal annualBudget, decimal amount, CancellationToken cancellationToken);
}
