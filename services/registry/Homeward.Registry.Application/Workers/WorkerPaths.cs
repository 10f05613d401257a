namespace Homeward.Registry.Application.Workers;

public static class WorkerPaths
{
    public static string Of(Guid workerId) => $"/api/registry/v1/workers/{workerId}";
}
