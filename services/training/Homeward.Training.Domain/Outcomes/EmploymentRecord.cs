namespace Homeward.Training.Domain.Outcomes;

public enum EmploymentSource
{
    /// <summary>A hire job matching recorded; it names the trade of the job.</summary>
    Placement = 0,

    /// <summary>The registry's employment status became employed or self-employed; no trade is known.</summary>
    StatusChange = 1,
}

/// <summary>
/// A start of work by a worker, from job matching's placements or the registry's status changes, kept to tell whether
/// a trainee found work within six months of completing, and whether in the trade they trained for.
/// </summary>
public sealed class EmploymentRecord
{
    private EmploymentRecord()
    {
    }

    /// <summary>The placement id, or the id of the status change event.</summary>
    public Guid Id { get; private set; }

    public Guid WorkerId { get; private set; }

    public DateOnly StartedOn { get; private set; }

    public string? TradeCode { get; private set; }

    public EmploymentSource Source { get; private set; }


    public static EmploymentRecord Started(Guid id, Guid workerId, DateOnly startedOn, string? tradeCode, EmploymentSource source) =>
        new() { Id = id, WorkerId = workerId, StartedOn = startedOn, TradeCode = tradeCode, Source = source };

}
