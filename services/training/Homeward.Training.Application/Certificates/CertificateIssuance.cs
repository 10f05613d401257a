using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.Contracts.Training;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Trades;
using Homeward.Training.Application.Common;
using Homeward.Training.Domain.Certificates;

namespace Homeward.Training.Application.Certificates;

/// <summary>Issues a certificate and announces it (CertificateIssued) in the same save: Registry records it as verified, matching then counts it.</summary>
public static class CertificateIssuance
{
    public static Certificate Issue(
        ITrainingDbContext db,
        IOutbox outbox,
        TrainingOptions options,
        Guid workerId,
        string workerDivision,
        string tradeCode,
        SkillLevel level,
        CertificateRoute route,
        Guid sourceId,
        DateOnly issuedOn,
        DateTimeOffset now)
    {
        var certificate = Certificate.Issue(Guid.CreateVersion7(now), workerId, workerDivision, tradeCode, level, issuedOn, route, sourceId, now);
        db.Certificates.Add(certificate);
        outbox.Enqueue(new CertificateIssued(
            Guid.CreateVersion7(now), now, certificate.Id, workerId, certificate.Number, tradeCode, EnumNames.Of(level), options.CertificateIssuer, issuedOn));
        return certificate;
    }
}
