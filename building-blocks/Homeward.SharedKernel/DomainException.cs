namespace Homeward.SharedKernel;

/// <summary>
/// A business rule was broken. <see cref="Code"/> is a stable, machine-readable identifier that API clients can
/// switch on; the message is for people.
/// </summary>
public class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
