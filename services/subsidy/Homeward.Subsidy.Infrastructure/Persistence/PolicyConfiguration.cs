using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.Subsidy.Domain.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Homeward.Subsidy.Infrastructure.Persistence;

internal sealed class PolicyConfiguration : IEntityTypeConfiguration<Policy>
{
    public void Configure(EntityTypeBuilder<Policy> policy)
    {
        policy.ToTable("policies");
        policy.HasKey(p => p.Id);
        policy.Property(p => p.Id).ValueGeneratedNever();
        policy.Property(p => p.Code).HasMaxLength(Policy.CodeMaxLength);
        policy.HasIndex(p => p.Code).IsUnique();
        policy.Property(p => p.Name).HasMaxLength(Policy.NameMaxLength);
        policy.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        policy.Ignore(p => p.Current);
        policy.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.PolicyId);
        policy.Navigation(p => p.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PolicyVersionConfiguration : IEntityTypeConfiguration<PolicyVersion>
{
    public void Configure(EntityTypeBuilder<PolicyVersion> version)
    {
        version.ToTable("policy_versions");
        version.HasKey(v => new { v.PolicyId, v.Number });
        version.Property(v => v.Number).ValueGeneratedNever();
        version.Property(v => v.Terms).HasJsonColumn();
        version.Property(v => v.CreatedBy).HasMaxLength(200);
    }
}
