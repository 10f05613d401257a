using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.Registry.Domain.Workers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Homeward.Registry.Infrastructure.Persistence;

internal sealed class WorkerConfiguration : IEntityTypeConfiguration<Worker>
{
    public void Configure(EntityTypeBuilder<Worker> worker)
    {
        worker.ToTable("workers");
        worker.HasKey(w => w.Id);
        worker.Property(w => w.Id).ValueGeneratedNever();
        worker.Property(w => w.Name).HasMaxLength(WorkerName.MaxLength);
        worker.OwnsProtectedValue(w => w.NationalId, "national_id", required: true, unique: true);
        worker.OwnsProtectedValue(w => w.Phone, "phone", required: false, unique: false);
        worker.Property(w => w.HouseholdDivisionCode).HasColumnName("household_division").HasMaxLength(12).IsFixedLength();
        worker.Property(w => w.Gender).HasConversion<string>().HasMaxLength(10);
        worker.Ignore(w => w.HouseholdDivision);
        worker.HasIndex(w => w.HouseholdDivisionCode);
    }
}
