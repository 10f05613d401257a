using Homeward.BuildingBlocks.Application;
using Homeward.Subsidy.Domain.Businesses;
using Homeward.Subsidy.Domain.Policies;
using Homeward.Subsidy.Domain.Workers;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Subsidy.Application;

public interface ISubsidyDbContext : IServiceDbContext
{
    DbSet<Worker> Workers { get; }

    DbSet<Policy> Policies { get; }

    DbSet<PolicyVersion> PolicyVersions { get; }

    DbSet<Business> Businesses { get; }
}
