namespace Homeward.BuildingBlocks.Application.Errors;

/// <summary>
/// SaveChanges hit a unique constraint: typically two requests registering the same thing at the same moment, the
/// loser of the race. Handlers that check for duplicates first catch this to answer the same 409 as the check.
/// </summary>
public sealed class UniqueConstraintViolationException(string? constraintName, Exception innerException)
    : Exception($"Unique constraint {constraintName} was violated.", innerException)
{
    public string? ConstraintName { get; } = constraintName;
}
