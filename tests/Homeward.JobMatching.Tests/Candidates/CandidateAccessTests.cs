using System.Net;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Contracts.Registry;
using Homeward.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Homeward.JobMatching.Tests.Candidates;

public sealed class CandidateAccessTests(JobMatchingService jobMatching) : IClassFixture<JobMatchingService>
{
    [Fact]
    public async Task Reading_a_candidate_needs_a_token_for_job_matching_with_its_read_scope()
    {
        var workerId = await ProjectAsync("419921101201");

        await (await jobMatching.Anonymous.GetAsync($"/api/job-matching/v1/candidates/{workerId}")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await jobMatching.ClientFor(Caller.Staff(Caller.City, Roles.CityAdmin, Scopes.RegistryRead))
            .GetAsync($"/api/job-matching/v1/candidates/{workerId}")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await jobMatching.ClientFor(Caller.Staff(Caller.City, Roles.CityAdmin, Scopes.JobMatchingWrite))
            .GetAsync($"/api/job-matching/v1/candidates/{workerId}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await jobMatching.ClientFor(Caller.Partner("tianjin") with { Scopes = [Scopes.PartnerSync, Scopes.JobMatchingRead] })
            .GetAsync($"/api/job-matching/v1/candidates/{workerId}")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Staff_of_another_county_get_404_for_a_candidate_like_for_a_missing_one()
    {
        var workerId = await ProjectAsync("419922101201");
        var countyA = jobMatching.ClientFor(Caller.Staff("419921000000", Roles.CountyOfficer, Scopes.JobMatchingRead));
        var countyB = jobMatching.ClientFor(Caller.Staff("419922000000", Roles.CountyOfficer, Scopes.JobMatchingRead));

        await (await countyA.GetAsync($"/api/job-matching/v1/candidates/{workerId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await countyB.GetAsync($"/api/job-matching/v1/candidates/{workerId}")).StatusCode);
    }

    private async Task<Guid> ProjectAsync(string village)
    {
        var registered = new WorkerRegistered(Guid.CreateVersion7(), DateTimeOffset.UtcNow, Guid.CreateVersion7(), "权限者", "female", new DateOnly(1991, 3, 3), village);
        await jobMatching.Services.GetRequiredService<IBus>().Publish(registered, context => context.MessageId = registered.EventId);
        await Eventually.TrueAsync(
            async () => (await jobMatching.Client.GetAsync($"/api/job-matching/v1/candidates/{registered.WorkerId}")).StatusCode == HttpStatusCode.OK,
            "the candidate to be projected");
        return registered.WorkerId;
    }
}
