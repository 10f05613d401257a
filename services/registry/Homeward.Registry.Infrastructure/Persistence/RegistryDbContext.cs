using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.Registry.Application;
using Homeward.Registry.Domain.Audit;
using Homeward.Registry.Domain.Imports;
using Homeward.Registry.Domain.Monitoring;
using Homeward.Registry.Domain.Workers;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Registry.Infrastructure.Persistence;

public sealed class RegistryDbContext(DbContextOptions<RegistryDbContext> options)
    : ServiceDbContext(options, Schema), IRegistryDbContext
{
    public new const string Schema = "registry";

    public DbSet<Worker> Workers => Set<Worker>();

    public DbSet<PersonalDataReveal> PersonalDataReveals => Set<PersonalDataReveal>();

    public DbSet<StatusChange> StatusChanges => Set<StatusChange>();

    public DbSet<Observation> Observations => Set<Observation>();

    public DbSet<Discrepancy> Discrepancies => Set<Discrepancy>();

    public DbSet<Verification> Verifications => Set<Verification>();

    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();

    public DbSet<ImportFile> ImportFiles => Set<ImportFile>();
}
