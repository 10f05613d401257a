using Homeward.BuildingBlocks.Infrastructure.Persistence;
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
        candidate.Property(c => c.ResidenceDivision).HasMaxLength(12);
        candidate.Property(c => c.Education).HasConversion<string>().HasMaxLength(30);
        candidate.Property(c => c.Skills).HasJsonColumn();
        candidate.Property(c => c.Certificates).HasJsonColumn();
        candidate.Property(c => c.Intention).HasJsonColumn();
        candidate.Property(c => c.Status).HasConversion<string>().HasMaxLength(30);
        candidate.Property(c => c.Reach).HasConversion<string>().HasMaxLength(20);
        candidate.Property(c => c.MinimumWage).HasPrecision(12, 2);
        candidate.Property(c => c.FactsAsOf).HasDefaultValue(DateTimeOffset.MinValue);
        candidate.Property(c => c.StatusAsOf).HasDefaultValue(DateTimeOffset.MinValue);
        candidate.Ignore(c => c.IsRegistered);
        candidate.HasIndex(c => c.HouseholdDivisionCode);
        // Matching a vacancy reads the candidates seeking work in its trade: status first, then trade overlap.
        candidate.HasIndex(c => c.TradeCodes).HasMethod("gin").HasFilter("status = 'SeekingWork'").HasDatabaseName("ix_candidates_seeking_trades");
    }
}
