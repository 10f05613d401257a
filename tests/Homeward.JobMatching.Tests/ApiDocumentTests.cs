using System.Net.Http.Json;
using System.Text.Json;

namespace Homeward.JobMatching.Tests;

public sealed class ApiDocumentTests(JobMatchingService jobMatching) : IClassFixture<JobMatchingService>
{
    [Fact]
    public async Task The_openapi_document_lists_every_capability_under_the_versioned_public_paths()
    {
        var document = await jobMatching.Client.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.All(paths, path => Assert.StartsWith("/api/job-matching/v1/", path, StringComparison.Ordinal));
        Assert.Contains("/api/job-matching/v1/employers", paths);
        Assert.Contains("/api/job-matching/v1/vacancies/{vacancyId}/status", paths);
        Assert.Contains("/api/job-matching/v1/candidates/{workerId}/matches", paths);
        Assert.Contains("/api/job-matching/v1/vacancies/{vacancyId}/matches", paths);
        Assert.Contains("/api/job-matching/v1/recommendations/{recommendationId}/outcomes", paths);
        Assert.Contains("/api/job-matching/v1/placements/{placementId}/end", paths);
        Assert.Contains("/api/job-matching/v1/skill-gaps", paths);
        Assert.Contains("/api/job-matching/v1/kpis", paths);
    }
}
