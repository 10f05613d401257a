namespace Homeward.SharedKernel.Trades;

public sealed record Trade(string Code, string Name, string EnglishName, string OccupationCode, DateOnly? RetiredOn)
{
    public bool IsActiveOn(DateOnly day) => RetiredOn is null || day < RetiredOn.Value;
}
