using Homeward.BuildingBlocks.Application;
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

namespace Homeward.JobMatching.Application;

public interface IJobMatchingDbContext : IServiceDbContext
{
    DbSet<Candidate> Candidates { get; }

    DbSet<Employer> Employers { get; }

    DbSet<EmployerContact> EmployerContacts { get; }

    DbSet<Vacancy> Vacancies { get; }

    DbSet<Recommendation> Recommendations { get; }

    DbSet<Placement> Placements { get; }

    DbSet<SkillGapPublication> SkillGapPublications { get; }

    DbSet<PersonalDataReveal> PersonalDataReveals { get; }

    DbSet<PartnerCity> PartnerCities { get; }

    DbSet<PartnerAgreement> PartnerAgreements { get; }

    DbSet<PartnerFeedEntry> PartnerFeed { get; }

    DbSet<PlacementReport> PlacementReports { get; }

    DbSet<JobFair> JobFairs { get; }

    DbSet<FairCheckIn> FairCheckIns { get; }

    DbSet<FairOffer> FairOffers { get; }

    DbSet<FollowUpTask> FollowUpTasks { get; }

    DbSet<RightsCase> RightsCases { get; }

    /// <summary>Forgets every tracked change, so that a use case can start again from the database after a lost race.</summary>
    void DiscardChanges();
}
