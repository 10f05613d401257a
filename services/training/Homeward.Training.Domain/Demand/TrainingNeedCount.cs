namespace Homeward.Training.Domain.Demand;

/// <summary>
/// How many registered workers of a village name a trade as a training need, kept up to date by the worker projection
/// in the same transaction as the workers, so the demand report sums villages × trades instead of every worker.
/// </summary>
public sealed class TrainingNeedCount
{
    private TrainingNeedCount()
    {
    }

    /// <summary>The workers' household village.</summary>
    public string Division { get; private set; } = string.Empty;

    public string TradeCode { get; private set; } = string.Empty;

    public int Workers { get; private set; }
}
