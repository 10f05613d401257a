namespace Homeward.SharedKernel.Divisions;

/// <summary>A division as the reference data describes it. Retired divisions stay so that old records still resolve.</summary>
public sealed record Division(DivisionCode Code, string Name, DateOnly? RetiredOn, DivisionCode? ReplacedBy)
{
    public DivisionLevel Level => Code.Level;

    public bool IsActiveOn(DateOnly day) => RetiredOn is null || day < RetiredOn.Value;
}
