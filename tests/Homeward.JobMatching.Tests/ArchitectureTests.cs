using Homeward.JobMatching.Api.Candidates;
using Homeward.JobMatching.Application.Candidates;
using Homeward.JobMatching.Domain.Candidates;
using Homeward.JobMatching.Infrastructure;
using Homeward.Testing;

namespace Homeward.JobMatching.Tests;

public sealed class ArchitectureTests
{
    [Fact]
    public void Dependencies_point_inwards()
    {
        ArchitectureRules.AssertLayers(
            typeof(Candidate).Assembly,
            typeof(GetCandidate).Assembly,
            typeof(JobMatchingInfrastructure).Assembly,
            typeof(CandidateEndpoints).Assembly);
    }
}
