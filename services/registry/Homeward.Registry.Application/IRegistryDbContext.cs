using Homeward.BuildingBlocks.Application;
using Homeward.Registry.Domain.Audit;
using Homeward.Registry.Domain.Workers;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Registry.Application;

public interface IRegistryDbContext : IServiceDbContext
{
    DbSet<Worker> Workers { get; }

    DbSet<PersonalDataReveal> PersonalDataReveals { get; }
}
