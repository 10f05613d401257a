using Homeward.BuildingBlocks.Application;
using Homeward.Subsidy.Domain.Applications;
using Homeward.Subsidy.Domain.Budgets;
using Homeward.Subsidy.Domain.Businesses;
using Homeward.Subsidy.Domain.Outreach;
using Homeward.Subsidy.Domain.Payments;
using Homeward.Subsidy.Domain.Policies;
using Homeward.Subsidy.Domain.Workers;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Subsidy.Application;

public interface ISubsidyDbContext : IServiceDbContext
{
    DbSet<Worker> Workers { get; }

    DbSet<Policy> Policies { get; }

    DbSet<PolicyVersion> PolicyVersions { get; }

    DbSet<Business> Businesses { get; }

    DbSet<FunnelEntry> Funnel { get; }

    DbSet<SubsidyApplication> Applications { get; }

    DbSet<ApplicationUpload> ApplicationUploads { get; }

    DbSet<PolicyBudget> PolicyBudgets { get; }

    DbSet<Disbursement> Disbursements { get; }

    DbSet<GuaranteedLoan> Loans { get; }

    DbSet<TaxReliefPeriod> TaxReliefPeriods { get; }

    /// <summary>Forgets every tracked change, so that a use case can start again from the database after a lost race.</summary>
    void DiscardChanges();
}
