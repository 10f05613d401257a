namespace Homeward.BuildingBlocks.Infrastructure.Outbox;

/// <summary>What an outbox row remembers of the operation that wrote it, to continue its trace when published.</summary>
public sealed record OutboxHeaders(string? TraceParent, string? TraceState, string? CorrelationId);
