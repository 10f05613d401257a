using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.JobMatching.Application;
using Homeward.JobMatching.Domain.Audit;
using Homeward.JobMatching.Domain.Candidates;
using Homeward.JobMatching.Domain.Employers;
using Homeward.JobMatching.Domain.Fairs;
using Homeward.JobMatching.Domain.FollowUp;
using Homeward.JobMatching.Domain.Partners;
using Homeward.JobMatching.Domain.Placements;
using Homeward.JobMatching.Domain.Recommendations;
using Homeward.JobMatching.Domain.SkillGaps;
using Homeward.JobMatching.Domain.Vacancies;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Infrastructure.Persistence;

public sealed class JobMatchingDbContext(DbContextOptions<JobMatchingDbContext> options)
    : ServiceDbContext(options, Schema), IJobMatchingDbContext
{
    public new const string Schema = "jobmatching";

    public DbSet<Candidate> Candidates => Set<Candidate>();

    public DbSet<Employer> Employers => Set<Employer>();

    public DbSet<EmployerContact> EmployerContacts => Set<EmployerContact>();

    public DbSet<Vacancy> Vacancies => Set<Vacancy>();

    public DbSet<Recommendation> Recommendations => Set<Recommendation>();

    public DbSet<Placement> Placements => Set<Placement>();

    public DbSet<SkillGapPublication> SkillGapPublications => Set<SkillGapPublication>();

    public DbSet<PersonalDataReveal> PersonalDataReveals => Set<PersonalDataReveal>();

    public DbSet<PartnerCity> PartnerCities => Set<PartnerCity>();

    public DbSet<PartnerAgreement> PartnerAgreements => Set<PartnerAgreement>();

    public DbSet<PartnerFeedEntry> PartnerFeed => Set<PartnerFeedEntry>();

    public DbSet<PlacementReport> PlacementReports => Set<PlacementReport>();

    public DbSet<JobFair> JobFairs => Set<JobFair>();

    public DbSet<FairCheckIn> FairCheckIns => Set<FairCheckIn>();

    public DbSet<FairOffer> FairOffers => Set<FairOffer>();

    public DbSet<FollowUpTask> FollowUpTasks => Set<FollowUpTask>();

    public DbSet<RightsCase> RightsCases => Set<RightsCase>();

    public void DiscardChanges() => ChangeTracker.Clear();
}
