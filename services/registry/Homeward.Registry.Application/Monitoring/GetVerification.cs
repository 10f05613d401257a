using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Registry.Application.Monitoring;

/// <summary>One verification of a worker of the caller's division.</summary>
public sealed record GetVerification(Guid WorkerId, Guid VerificationId) : IQuery<VerificationView>;

public sealed class GetVerificationHandler(IRegistryDbContext db, ICurrentUser currentUser) : IQueryHandler<GetVerification, VerificationView>
{
    public async ValueTask<VerificationView> Handle(GetVerification query, CancellationToken cancellationToken)
    {
        var visibleWorkers = db.Workers.WithinDivisionOf(currentUser, w => w.HouseholdDivisionCode).Select(w => w.Id);
        var verification = await db.Verifications.AsNoTracking()
            .Where(v => v.Id == query.VerificationId && v.WorkerId == query.WorkerId && visibleWorkers.Contains(v.WorkerId))
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Verification", query.VerificationId);
        return VerificationView.From(verification);
    }
}
