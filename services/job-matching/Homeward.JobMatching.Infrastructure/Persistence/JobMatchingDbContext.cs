using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.JobMatching.Application;
using Homeward.JobMatching.Domain.Candidates;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Infrastructure.Persistence;

public sealed class JobMatchingDbContext(DbContextOptions<JobMatchingDbContext> options)
    : ServiceDbContext(options, Schema), IJobMatchingDbContext
{
    public new const string Schema = "jobmatching";

    public DbSet<Candidate> Candidates => Set<Candidate>();
}
