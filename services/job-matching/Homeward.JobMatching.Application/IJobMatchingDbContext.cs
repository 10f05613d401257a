using Homeward.BuildingBlocks.Application;
using Homeward.JobMatching.Domain.Candidates;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application;

public interface IJobMatchingDbContext : IServiceDbContext
{
    DbSet<Candidate> Candidates { get; }
}
