using System.Net;
using Homeward.Contracts;
using Homeward.Contracts.Registry;
using Homeward.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Homeward.Subsidy.Tests;

/// <summary>Events of the registry and training as the subsidy service receives them.</summary>
internal static class SubsidyEvents
{
    public const string Village = "419921101201";

    /// <summary>A village of another county of the city.</summary>
    public const string OtherCountyVillage = "419922101201";

    public static WorkerFacts Facts(string status = "seekingWork", DateOnly? returnedOn = null) =>
        new(null, [], [], null, [], null, status, returnedOn);

    public static WorkerRegistered Registered(
        string name = "张伟",
        DateOnly? birthDate = null,
        string village = Village,
        string status = "seekingWork",
        DateOnly? returnedOn = null,
        DateTimeOffset? occurredAt = null) =>
        new(Guid.CreateVersion7(), occurredAt ?? DateTimeOffset.UtcNow, Guid.CreateVersion7(), name, "male",
            birthDate ?? new DateOnly(1990, 1, 1), village, Facts(status, returnedOn));

    public static Task PublishAsync<TEvent>(this SubsidyService service, TEvent integrationEvent)
        where TEvent : class, IIntegrationEvent =>
        service.Services.GetRequiredService<IBus>().Publish(integrationEvent, context => context.MessageId = integrationEvent.EventId);

    public static Task WaitConsumedAsync(this SubsidyService service, Guid eventId) =>
        Eventually.TrueAsync(
            async () => await service.Database.ScalarAsAdminAsync<long>(
                $"SELECT count(*) FROM subsidy.inbox_messages WHERE message_id = '{eventId}'") >= 1,
            $"event {eventId} to be consumed");

    /// <summary>Publishes the registration and waits until the worker can be read.</summary>
    public static async Task<Guid> RegisterWorkerAsync(this SubsidyService service, WorkerRegistered registered)
    {
        await service.PublishAsync(registered);
        await Eventually.TrueAsync(
            async () => (await service.Client.GetAsync($"{SubsidyApi.Root}/workers/{registered.WorkerId}")).StatusCode == HttpStatusCode.OK,
            "the worker to be projected");
        return registered.WorkerId;
    }
}
