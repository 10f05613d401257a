using Homeward.Subsidy.Domain.Outreach;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Homeward.Subsidy.Infrastructure.Persistence;

internal sealed class FunnelEntryConfiguration : IEntityTypeConfiguration<FunnelEntry>
{
    public void Configure(EntityTypeBuilder<FunnelEntry> entry)
    {
        entry.ToTable("funnel_entries");
        entry.HasKey(f => new { f.WorkerId, f.PolicyId });
        entry.Property(f => f.Division).HasMaxLength(12).IsFixedLength();
        entry.HasIndex(f => new { f.Division, f.PolicyId });
        entry.HasOne<Domain.Policies.Policy>().WithMany().HasForeignKey(f => f.PolicyId);
    }
}
