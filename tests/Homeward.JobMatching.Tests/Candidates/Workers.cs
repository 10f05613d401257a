using System.Net;
using Homeward.Contracts.Registry;
using Homeward.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Homeward.JobMatching.Tests.Candidates;

/// <summary>Workers as the registry announces them, made candidates before a test goes on.</summary>
internal static class Workers
{
    public static WorkerFacts Welder(
        string level = "intermediate",
        bool certified = true,
        string where = "city",
        decimal? minimumWage = 4500m,
        string education = "seniorHigh",
        IReadOnlyList<int>? busyMonths = null,
        DateOnly? availableFrom = null,
        bool nearFamily = false,
        string status = "seekingWork",
        string trade = "welder") => new(
        education,
        [new WorkerSkill(trade, level)],
        certified ? [new WorkerCertificate("CERT-" + Guid.NewGuid().ToString("N")[..8], "skillLevel", trade, level, true)] : [],
        new WorkerIntention([trade], where, minimumWage, availableFrom, busyMonths ?? [], nearFamily),
        [],
        null,
        status);

    public static async Task<Guid> RegisterAsync(JobMatchingService service, WorkerFacts facts, string village = "419921101201", string name = "周工")
    {
        var registered = new WorkerRegistered(Guid.CreateVersion7(), DateTimeOffset.UtcNow, Guid.CreateVersion7(), name, "male", new DateOnly(1990, 5, 5), village, facts);
        await service.Services.GetRequiredService<IBus>().Publish(registered, context => context.MessageId = registered.EventId);
        await Eventually.TrueAsync(
            async () => (await service.Client.GetAsync($"/api/job-matching/v1/candidates/{registered.WorkerId}")).StatusCode == HttpStatusCode.OK,
            "the candidate to be projected");
        return registered.WorkerId;
    }
}
