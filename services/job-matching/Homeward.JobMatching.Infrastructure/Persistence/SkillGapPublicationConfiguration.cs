using Homeward.JobMatching.Domain.SkillGaps;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Homeward.JobMatching.Infrastructure.Persistence;

internal sealed class SkillGapPublicationConfiguration : IEntityTypeConfiguration<SkillGapPublication>
{
    public void Configure(EntityTypeBuilder<SkillGapPublication> publication)
    {
        publication.ToTable("skill_gap_publications");
        publication.HasKey(p => new { p.Division, p.Day });
        publication.Property(p => p.Division).HasMaxLength(12).IsFixedLength();
    }
}
