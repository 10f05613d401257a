using Homeward.SharedKernel.Privacy;

namespace Homeward.JobMatching.Domain.Employers;

/// <summary>A person to call at an employer. The phone number is personal data: encrypted, looked up by hash, shown masked.</summary>
public sealed class EmployerContact
{
    private EmployerContact()
    {
    }

    public Guid Id { get; private set; }

    public Guid EmployerId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string? Role { get; private set; }

    public ProtectedValue Phone { get; private set; } = null!;

    public static EmployerContact Create(Guid id, string name, string? role, ProtectedValue phone) =>
        new() { Id = id, Name = name.Trim(), Role = string.IsNullOrWhiteSpace(role) ? null : role.Trim(), Phone = phone };
}
