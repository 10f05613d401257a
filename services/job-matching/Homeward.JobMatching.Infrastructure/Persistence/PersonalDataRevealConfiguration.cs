using Homeward.JobMatching.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Homeward.JobMatching.Infrastructure.Persistence;

internal sealed class PersonalDataRevealConfiguration : IEntityTypeConfiguration<PersonalDataReveal>
{
    public void Configure(EntityTypeBuilder<PersonalDataReveal> reveal)
    {
        // No foreign keys: the audit trail outlives the contacts it names, which an employer's change replaces.
        reveal.ToTable("personal_data_reveals");
        reveal.HasKey(r => r.Id);
        reveal.Property(r => r.Id).ValueGeneratedNever();
        reveal.Property(r => r.RevealedBy).HasMaxLength(100);
        reveal.Property(r => r.RevealedByName).HasMaxLength(100);
        reveal.Property(r => r.RevealedByDivision).HasMaxLength(12);
        reveal.Property(r => r.Reason).HasMaxLength(PersonalDataReveal.MaxReasonLength);
        reveal.Property(r => r.CorrelationId).HasMaxLength(100);
        reveal.HasIndex(r => new { r.EmployerId, r.Id });
    }
}
