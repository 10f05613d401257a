using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.Subsidy.Domain.Applications;
using Homeward.Subsidy.Domain.Businesses;
using Homeward.Subsidy.Domain.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Homeward.Subsidy.Infrastructure.Persistence;

internal sealed class DisbursementConfiguration : IEntityTypeConfiguration<Disbursement>
{
    public void Configure(EntityTypeBuilder<Disbursement> disbursement)
    {
        disbursement.ToTable("disbursements");
        disbursement.HasKey(d => d.Id);
        disbursement.Property(d => d.Id).ValueGeneratedNever();
        disbursement.Property(d => d.Division).HasMaxLength(12).IsFixedLength();
        disbursement.Property(d => d.Amount).HasPrecision(14, 2);
        disbursement.Property(d => d.BankName).HasMaxLength(100);
        disbursement.OwnsProtectedValue(d => d.BankAccount, "bank_account", required: true, unique: false);
        disbursement.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        disbursement.Property(d => d.InstructedBy).HasMaxLength(200);
        disbursement.Property(d => d.Note).HasMaxLength(500);
        disbursement.HasOne<SubsidyApplication>().WithMany().HasForeignKey(d => d.ApplicationId);
        // At most one instruction per application is on its way or paid: the second of two at once fails here.
        disbursement.HasIndex(d => d.ApplicationId).IsUnique().HasFilter("status IN ('Instructed', 'Paid')").HasDatabaseName("ux_disbursements_active_per_application");
        disbursement.HasIndex(d => d.Division);
    }
}

internal sealed class GuaranteedLoanConfiguration : IEntityTypeConfiguration<GuaranteedLoan>
{
    public void Configure(EntityTypeBuilder<GuaranteedLoan> loan)
    {
        loan.ToTable("loans");
        loan.HasKey(l => l.Id);
        loan.Property(l => l.Id).ValueGeneratedNever();
        loan.Property(l => l.Division).HasMaxLength(12).IsFixedLength();
        loan.Property(l => l.Bank).HasMaxLength(100);
        loan.Property(l => l.Amount).HasPrecision(16, 2);
        loan.Property(l => l.InterestSubsidyShare).HasPrecision(5, 4);
        loan.HasOne<Business>().WithMany().HasForeignKey(l => l.BusinessId);
        loan.HasIndex(l => l.Division);
    }
}

internal sealed class TaxReliefPeriodConfiguration : IEntityTypeConfiguration<TaxReliefPeriod>
{
    public void Configure(EntityTypeBuilder<TaxReliefPeriod> period)
    {
        period.ToTable("tax_relief_periods");
        period.HasKey(p => p.Id);
        period.Property(p => p.Id).ValueGeneratedNever();
        period.Property(p => p.Division).HasMaxLength(12).IsFixedLength();
        period.HasOne<Business>().WithMany().HasForeignKey(p => p.BusinessId);
    }
}
