using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.Subsidy.Application;
using Homeward.Subsidy.Domain.Applications;
using Homeward.Subsidy.Domain.Budgets;
using Homeward.Subsidy.Domain.Businesses;
using Homeward.Subsidy.Domain.Outreach;
using Homeward.Subsidy.Domain.Payments;
using Homeward.Subsidy.Domain.Policies;
using Homeward.Subsidy.Domain.Workers;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Subsidy.Infrastructure.Persistence;

public sealed class SubsidyDbContext(DbContextOptions<SubsidyDbContext> options)
    : ServiceDbContext(options, Schema), ISubsidyDbContext
{
    public new const string Schema = "subsidy";

    public DbSet<Worker> Workers => Set<Worker>();

    public DbSet<Policy> Policies => Set<Policy>();

    public DbSet<PolicyVersion> PolicyVersions => Set<PolicyVersion>();

    public DbSet<Business> Businesses => Set<Business>();

    public DbSet<FunnelEntry> Funnel => Set<FunnelEntry>();

    public DbSet<SubsidyApplication> Applications => Set<SubsidyApplication>();

    public DbSet<ApplicationUpload> ApplicationUploads => Set<ApplicationUpload>();

    public DbSet<PolicyBudget> PolicyBudgets => Set<PolicyBudget>();

    public DbSet<Disbursement> Disbursements => Set<Disbursement>();

    public DbSet<GuaranteedLoan> Loans => Set<GuaranteedLoan>();

    public DbSet<TaxReliefPeriod> TaxReliefPeriods => Set<TaxReliefPeriod>();

    public void DiscardChanges() => ChangeTracker.Clear();
}
