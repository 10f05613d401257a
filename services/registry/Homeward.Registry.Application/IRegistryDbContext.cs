using Homeward.BuildingBlocks.Application;
using Homeward.Registry.Domain.Audit;
using Homeward.Registry.Domain.Imports;
using Homeward.Registry.Domain.Monitoring;
using Homeward.Registry.Domain.Workers;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Registry.Application;

public interface IRegistryDbContext : IServiceDbContext
{
    DbSet<Worker> Workers { get; }

    DbSet<PersonalDataReveal> PersonalDataReveals { get; }

    DbSet<StatusChange> StatusChanges { get; }

    DbSet<Observation> Observations { get; }

    DbSet<Discrepancy> Discrepancies { get; }

    DbSet<Verification> Verifications { get; }

    DbSet<ImportJob> ImportJobs { get; }

    DbSet<ImportFile> ImportFiles { get; }
}
