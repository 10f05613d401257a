using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.SharedKernel.Trades;
using Homeward.Training.Domain.Certificates;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Training.Application.Certificates;

public sealed record CertificateView(
    Guid Id, string Number, Guid WorkerId, string WorkerDivision, string TradeCode, SkillLevel Level, DateOnly IssuedOn, CertificateRoute Route, Guid SourceId)
{
    public static CertificateView From(Certificate c) => new(c.Id, c.Number, c.WorkerId, c.WorkerDivision, c.TradeCode, c.Level, c.IssuedOn, c.Route, c.SourceId);
}

public sealed record GetCertificate(Guid CertificateId) : IQuery<CertificateView>;

/// <summary>A certificate of a worker of the caller's division; one outside it is "not found".</summary>
public sealed class GetCertificateHandler(ITrainingDbContext db, ICurrentUser currentUser) : IQueryHandler<GetCertificate, CertificateView>
{
    public async ValueTask<CertificateView> Handle(GetCertificate query, CancellationToken cancellationToken) =>
        CertificateView.From(await db.Certificates.AsNoTracking()
            .WithinDivisionOf(currentUser, c => c.WorkerDivision)
            .FirstOrDefaultAsync(c => c.Id == query.CertificateId, cancellationToken)
            ?? throw new NotFoundException("Certificate", query.CertificateId));
}

/// <summary>Certificates of workers of the caller's division, optionally of one worker, in order of issue.</summary>
public sealed record ListCertificates(Guid? WorkerId, PageRequest Page) : IQuery<Page<CertificateView>>;

public sealed class ListCertificatesHandler(ITrainingDbContext db, ICurrentUser currentUser) : IQueryHandler<ListCertificates, Page<CertificateView>>
{
    public async ValueTask<Page<CertificateView>> Handle(ListCertificates query, CancellationToken cancellationToken)
    {
        var certificates = db.Certificates.AsNoTracking().WithinDivisionOf(currentUser, c => c.WorkerDivision);
        if (query.WorkerId is { } workerId)
        {
            certificates = certificates.Where(c => c.WorkerId == workerId);
        }

        var after = query.Page.After<Guid?>();
        var fetched = await certificates
            .Where(c => after == null || c.Id.CompareTo(after.Value) > 0)
            .OrderBy(c => c.Id)
            .Take(query.Page.Limit + 1)
            .ToListAsync(cancellationToken);
        return Page<CertificateView>.FromOverFetch(fetched.Select(CertificateView.From).ToList(), query.Page, c => (Guid?)c.Id);
    }
}
