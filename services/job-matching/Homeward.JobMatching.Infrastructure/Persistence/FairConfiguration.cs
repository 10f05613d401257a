using Homeward.JobMatching.Domain.Fairs;
using Homeward.JobMatching.Domain.Partners;
using Homeward.JobMatching.Domain.Recommendations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Homeward.JobMatching.Infrastructure.Persistence;

internal sealed class JobFairConfiguration : IEntityTypeConfiguration<JobFair>
{
    public void Configure(EntityTypeBuilder<JobFair> fair)
    {
        fair.ToTable("job_fairs");
        fair.HasKey(f => f.Id);
        fair.Property(f => f.Id).ValueGeneratedNever();
        fair.Property(f => f.Title).HasMaxLength(100);
        fair.Property(f => f.Place).HasMaxLength(200);
        fair.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20);
        fair.HasOne<PartnerCity>().WithMany().HasForeignKey(f => f.PartnerCity).OnDelete(DeleteBehavior.Restrict);
        fair.Property(f => f.PartnerCity).HasMaxLength(50);
        fair.Property(f => f.OrganizerDivision).HasMaxLength(12).IsFixedLength();
        fair.HasIndex(f => f.Date);
    }
}

internal sealed class FairCheckInConfiguration : IEntityTypeConfiguration<FairCheckIn>
{
    public void Configure(EntityTypeBuilder<FairCheckIn> checkIn)
    {
        checkIn.ToTable("fair_check_ins");
        checkIn.HasKey(c => c.Id);
        checkIn.Property(c => c.Id).ValueGeneratedNever();
        checkIn.HasOne<JobFair>().WithMany().HasForeignKey(c => c.FairId).OnDelete(DeleteBehavior.Cascade);
        checkIn.Property(c => c.WorkerDivision).HasMaxLength(12).IsFixedLength();
        checkIn.Property(c => c.CheckedInBy).HasMaxLength(100);
        checkIn.HasIndex(c => new { c.FairId, c.WorkerId }).IsUnique();
    }
}

internal sealed class FairOfferConfiguration : IEntityTypeConfiguration<FairOffer>
{
    public void Configure(EntityTypeBuilder<FairOffer> offer)
    {
        offer.ToTable("fair_offers");
        offer.HasKey(o => o.Id);
        offer.Property(o => o.Id).ValueGeneratedNever();
        offer.HasOne<JobFair>().WithMany().HasForeignKey(o => o.FairId).OnDelete(DeleteBehavior.Cascade);
        offer.HasOne<Recommendation>().WithOne().HasForeignKey<FairOffer>(o => o.RecommendationId).OnDelete(DeleteBehavior.Restrict);
        offer.Property(o => o.WorkerDivision).HasMaxLength(12).IsFixedLength();
        offer.HasIndex(o => o.FairId);
    }
}
