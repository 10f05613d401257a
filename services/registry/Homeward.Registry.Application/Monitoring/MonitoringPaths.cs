using Homeward.Registry.Application.Workers;

namespace Homeward.Registry.Application.Monitoring;

public static class MonitoringPaths
{
    public static string Observation(Guid workerId, Guid observationId) => $"{WorkerPaths.Of(workerId)}/observations/{observationId}";

    public static string Verification(Guid workerId, Guid verificationId) => $"{WorkerPaths.Of(workerId)}/verifications/{verificationId}";
}
