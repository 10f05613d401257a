namespace Homeward.BuildingBlocks.Web.Problems;

/// <summary>Extension members Homeward adds to problem details.</summary>
public static class ProblemExtensions
{
    /// <summary>Machine-readable reason, stable across releases (e.g. "worker-already-registered").</summary>
    public const string Code = "code";

    /// <summary>Trace id of the request, to find it in logs and traces.</summary>
    public const string TraceId = "traceId";

    /// <summary>Path of the existing record that a 409 conflicts with.</summary>
    public const string Existing = "existing";
}
