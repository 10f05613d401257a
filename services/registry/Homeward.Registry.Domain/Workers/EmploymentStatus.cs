using Homeward.SharedKernel;

namespace Homeward.Registry.Domain.Workers;

public enum EmploymentStatus
{
    SeekingWork = 0,
    EmployedLocally = 1,
    EmployedElsewhere = 2,
    SelfEmployed = 3,
    InTraining = 4,
    NotInLabourForce = 5,
}

/// <summary>
/// Which status changes are possible. Someone outside the labour force (caring for family, too ill, retired) first
/// becomes available — seeking work or in training — before a job or a business is recorded; every other status may
/// follow any other. Setting the status a worker already has is not a change.
/// </summary>
public static class EmploymentStatusRules
{
    private static readonly EmploymentStatus[] Working =
        [EmploymentStatus.EmployedLocally, EmploymentStatus.EmployedElsewhere, EmploymentStatus.SelfEmployed];

    public static bool IsAllowed(EmploymentStatus from, EmploymentStatus to) =>
        from != to && !(from == EmploymentStatus.NotInLabourForce && Working.Contains(to));

    public static void EnsureAllowed(EmploymentStatus from, EmploymentStatus to)
    {
        if (!IsAllowed(from, to))
        {
            throw new DomainException(
                "status-transition-not-allowed",
                from == to
                    ? $"The worker's status is already {from}."
                    : $"A worker who is {from} cannot become {to} directly: record first that they are seeking work or in training.");
        }
    }

    public static bool IsEmployed(EmploymentStatus status) => Working.Contains(status);
}
