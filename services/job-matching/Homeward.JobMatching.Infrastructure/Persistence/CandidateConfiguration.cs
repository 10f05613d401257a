using Homeward.JobMatching.Domain.Candidates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Homeward.JobMatching.Infrastructure.Persistence;

internal sealed class CandidateConfiguration : IEntityTypeConfiguration<Candidate>
{
    public void Configure(EntityTypeBuilder<Candidate> candidate)
    {
        candidate.ToTable("candidates");
        candidate.HasKey(c => c.WorkerId);
        candidate.Property(c => c.WorkerId).ValueGeneratedNever();
        candidate.Property(c => c.Name).HasMaxLength(30);
        candidate.Property(c => c.Gender).HasConversion<string>().HasMaxLength(10);
        candidate.Property(c => c.HouseholdDivisionCode).HasColumnName("household_division").HasMaxLength(12).IsFixedLength();
        candidate.HasIndex(c => c.HouseholdDivisionCode);
    }
}
