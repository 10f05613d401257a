using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Domain.Candidates;
using Homeward.JobMatching.Domain.Common;
using Homeward.SharedKernel.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.Candidates;

public sealed record CandidateView(
    Guid WorkerId,
    string Name,
    Gender Gender,
    DateOnly BirthDate,
    string HouseholdDivision,
    string? ResidenceDivision,
    EducationLevel? Education,
    IReadOnlyList<CandidateSkill> Skills,
    IReadOnlyList<CandidateCertificate> Certificates,
    CandidateIntention? Intention,
    CandidateStatus? Status,
    DateTimeOffset RegisteredAt)
{
    public static CandidateView From(Candidate c) => new(
        c.WorkerId, c.Name, c.Gender!.Value, c.BirthDate!.Value, c.HouseholdDivisionCode, c.ResidenceDivision, c.Education, c.Skills, c.Certificates, c.Intention, c.Status, c.RegisteredAt!.Value);
}

public sealed record GetCandidate(Guid WorkerId) : IQuery<CandidateView>;

/// <summary>A candidate of the caller's division; one outside it is "not found", like a missing one.</summary>
public sealed class GetCandidateHandler(IJobMatchingDbContext db, ICurrentUser currentUser) : IQueryHandler<GetCandidate, CandidateView>
{
    public async ValueTask<CandidateView> Handle(GetCandidate query, CancellationToken cancellationToken)
    {
        var candidate = await db.Candidates.AsNoTracking()
            .WithinDivisionOf(currentUser, c => c.HouseholdDivisionCode)
            .Where(c => c.WorkerId == query.WorkerId && c.RegisteredAt != null)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Candidate", query.WorkerId);
        return CandidateView.From(candidate);
    }
}
