using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.Subsidy.Domain.Workers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Homeward.Subsidy.Infrastructure.Persistence;

internal sealed class WorkerConfiguration : IEntityTypeConfiguration<Worker>
{
    public void Configure(EntityTypeBuilder<Worker> worker)
    {
        worker.ToTable("workers");
        worker.HasKey(w => w.WorkerId);
        worker.Property(w => w.WorkerId).ValueGeneratedNever();
        worker.Property(w => w.Name).HasMaxLength(30);
        worker.Property(w => w.HouseholdDivision).HasMaxLength(12).IsFixedLength();
        worker.Property(w => w.Status).HasConversion<string>().HasMaxLength(30);
        worker.Property(w => w.CompletedTrainings).HasJsonColumn();
        worker.Ignore(w => w.IsRegistered);
        worker.HasIndex(w => w.HouseholdDivision);
    }
}
