namespace Homeward.Subsidy.Domain.Budgets;

/// <summary>A policy's budget for one calendar year and what approvals have reserved of it; changed only by the ledger's conditional upsert.</summary>
public sealed class PolicyBudget
{
    private PolicyBudget()
    {
    }

    public Guid PolicyId { get; private set; }

    public int Year { get; private set; }

    public decimal Amount { get; private set; }

    public decimal Reserved { get; private set; }
}
