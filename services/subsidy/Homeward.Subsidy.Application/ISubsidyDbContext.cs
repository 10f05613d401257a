using Homeward.BuildingBlocks.Application;
using Homeward.Subsidy.Domain.Businesses;
using Homeward.Subsidy.Domain.Outreach;
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

    DbSet<FunnelEntry> Funnel { get; }

    /// <summary>Forgets every tracked entity, so that a long run does not keep what it already saved.</summary>
    void DiscardChanges();
}
