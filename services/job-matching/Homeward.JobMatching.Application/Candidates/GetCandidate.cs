using Homeward.BuildingBlocks.Application.Errors;
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
    DateTimeOffset RegisteredAt);

public sealed record GetCandidate(Guid WorkerId) : IQuery<CandidateView>;

public sealed class GetCandidateHandler(IJobMatchingDbContext db) : IQueryHandler<GetCandidate, CandidateView>
{
    public async ValueTask<CandidateView> Handle(GetCandidate query, CancellationToken cancellationToken) =>
        await db.Candidates.AsNoTracking()
            .Where(c => c.WorkerId == query.WorkerId)
            .Select(c => new CandidateView(c.WorkerId, c.Name, c.Gender, c.BirthDate, c.HouseholdDivisionCode, c.RegisteredAt))
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Candidate", query.WorkerId);
}
