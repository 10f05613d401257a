using FluentValidation;

namespace Homeward.Registry.Application.Monitoring;

/// <summary>Validation rules the monitoring use cases share.</summary>
internal static class MonitoringRules
{
    /// <summary>Devices in the field may run a little ahead of the server's clock.</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    public static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A time at which something was seen: not in the future, and not before the registry's records begin.</summary>
    public static IRuleBuilderOptions<T, DateTimeOffset?> MustBeAPastMoment<T>(this IRuleBuilder<T, DateTimeOffset?> rule, TimeProvider clock) =>
        rule.Must(at => at is null || (at >= Earliest && at <= clock.GetUtcNow() + AllowedClockSkew))
            .WithMessage("The time lies between 2000 and now.");
}
