using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using Homeward.Contracts;
using MassTransit;

namespace Homeward.BuildingBlocks.Infrastructure.Messaging;

/// <summary>
/// Maps every integration event contract to its pinned message URN and back, and fixes how events are serialized
/// into the outbox. The URN (not the CLR name) is stored, so moving or renaming a contract class never strands
/// events that wait in an outbox.
/// </summary>
public static class IntegrationEventTypes
{
    public static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);

    private static readonly FrozenDictionary<Type, string> UrnByType = typeof(IIntegrationEvent).Assembly
        .GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IIntegrationEvent).IsAssignableFrom(t))
        .ToFrozenDictionary(t => t, UrnOf);

    private static readonly FrozenDictionary<string, Type> TypeByUrn =
        UrnByType.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    public static IEnumerable<Type> All => UrnByType.Keys;

    public static string UrnFor(Type eventType) =>
        UrnByType.TryGetValue(eventType, out var urn)
            ? urn
            : throw new InvalidOperationException($"{eventType.Name} is not an integration event of Homeward.Contracts.");

    public static Type TypeFor(string urn) =>
        TypeByUrn.TryGetValue(urn, out var type)
            ? type
            : throw new InvalidOperationException($"No integration event contract is pinned to {urn}.");

    private static string UrnOf(Type type) =>
        type.GetCustomAttribute<MessageUrnAttribute>()?.Urn.ToString()
        ?? throw new InvalidOperationException($"Integration event {type.Name} has no [MessageUrn]: its wire name must be pinned.");
}
