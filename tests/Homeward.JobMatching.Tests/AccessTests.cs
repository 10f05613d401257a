using System.Net;
using System.Net.Http.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Testing;

namespace Homeward.JobMatching.Tests;

/// <summary>Every route asks for a token of job matching; changes need the write scope and an office's role.</summary>
public sealed class AccessTests(JobMatchingService jobMatching) : IClassFixture<JobMatchingService>
{
    public static readonly TheoryData<string> Writes = new()
    {
        "/employers",
        "/vacancies",
        "/recommendations",
        "/placements",
        "/skill-gaps/publications",
        "/partner-cities",
        "/job-fairs",
    };

    public static readonly TheoryData<string> Reads = new()
    {
        "/employers",
        "/vacancies",
        "/recommendations",
        "/placements",
        "/skill-gaps",
        "/kpis",
        "/personal-data-reveals",
        $"/candidates/{Guid.Empty}/matches",
        $"/vacancies/{Guid.Empty}/matches",
        "/partner-cities",
        "/job-fairs",
        $"/placements/{Guid.Empty}/reports",
        "/follow-ups",
        "/rights-cases",
        "/kpis/labor-cooperation",
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task A_change_needs_the_write_scope_and_is_refused_to_partners_and_to_village_collectors(string route)
    {
        var path = JobMatchingApi.Root + route;

        await (await jobMatching.Anonymous.PostAsJsonAsync(path, new { })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await jobMatching.ClientFor(Caller.Staff(Caller.City, Roles.CityAdmin, Scopes.JobMatchingRead)).PostAsJsonAsync(path, new { }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await jobMatching.ClientFor(Caller.Staff("419921101201", Roles.VillageCollector, Scopes.JobMatchingWrite)).PostAsJsonAsync(path, new { }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await jobMatching.ClientFor(Caller.Partner("tianjin") with { Scopes = [Scopes.PartnerSync, Scopes.JobMatchingWrite] }).PostAsJsonAsync(path, new { }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task A_read_needs_a_token_with_the_read_scope(string route)
    {
        var path = JobMatchingApi.Root + route;

        await (await jobMatching.Anonymous.GetAsync(path)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await jobMatching.ClientFor(Caller.Staff(Caller.City, Roles.CityAdmin, Scopes.RegistryRead)).GetAsync(path)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await jobMatching.ClientFor(Caller.Staff(Caller.City, Roles.CityAdmin, Scopes.JobMatchingWrite)).GetAsync(path)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
