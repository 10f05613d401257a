using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.SharedKernel;
using Homeward.Subsidy.Application.Workers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Subsidy.Application.Eligibility;

/// <summary>
/// A worker of the caller's division against every active policy, with the reason of each yes and no; with their
/// latest business, or with <see cref="BusinessId"/> (one of theirs) when given.
/// </summary>
public sealed record GetEligibility(Guid WorkerId, Guid? BusinessId) : IQuery<IReadOnlyList<PolicyEligibility>>;

public sealed class GetEligibilityHandler(ISubsidyDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<GetEligibility, IReadOnlyList<PolicyEligibility>>
{
    public async ValueTask<IReadOnlyList<PolicyEligibility>> Handle(GetEligibility query, CancellationToken cancellationToken)
    {
        var worker = await db.Workers.AsNoTracking().FindRegisteredAsync(currentUser, query.WorkerId, cancellationToken);
        var context = await EligibilityContext.LoadAsync(db, [worker.WorkerId], clock.Today(), cancellationToken);
        if (query.BusinessId is not { } businessId)
        {
            return context.Evaluate(worker);
        }

        var business = await db.Businesses.AsNoTracking().FirstOrDefaultAsync(b => b.Id == businessId && b.FounderWorkerId == worker.WorkerId, cancellationToken)
            ?? throw new NotFoundException("Business of the worker", businessId);
        return context.Evaluate(worker, business);
    }
}
