using Homeward.Identity.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Homeward.Identity.Persistence;

internal sealed class StaffAccountConfiguration : IEntityTypeConfiguration<StaffAccount>
{
    public void Configure(EntityTypeBuilder<StaffAccount> staff)
    {
        staff.ToTable("staff_accounts");
        staff.HasKey(s => s.Id);
        staff.Property(s => s.UserName).HasMaxLength(64);
        staff.HasIndex(s => s.UserName).IsUnique();
        staff.Property(s => s.DisplayName).HasMaxLength(100);
        staff.Property(s => s.Division).HasMaxLength(12).IsFixedLength();
        staff.HasIndex(s => s.Division);
    }
}
