using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.Contracts.Training;
using Homeward.Registry.Application.Workers;
using Homeward.Registry.Domain.Workers;
using Homeward.SharedKernel.Trades;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Homeward.Registry.Application.Integration;

/// <summary>
/// A skill certificate was issued to a worker: it joins the record as verified (replacing a self-reported one with the
/// same number), and its level raises the worker's skill in the trade when that was lower. The same certificate again
/// changes nothing.
/// </summary>
public sealed record RecordCertificate(CertificateIssued Event) : ICommand;

public sealed class RecordCertificateHandler(IRegistryDbContext db, IOutbox outbox, TimeProvider clock, ILogger<RecordCertificateHandler> logger)
    : ICommandHandler<RecordCertificate>
{
    public async ValueTask<Unit> Handle(RecordCertificate command, CancellationToken cancellationToken)
    {
        var issued = command.Event;
        if (await PlatformWorkers.FindAsync(db, issued.WorkerId, issued, logger, cancellationToken) is { } worker)
        {
            var now = clock.GetUtcNow();
            var before = worker.Profile;
            // The level is a SkillLevel name by contract; a producer that sends another value has a bug to see in the error queue.
            var certificate = new Certificate(
                issued.Number.Trim(),
                CertificateKind.SkillLevel,
                issued.TradeCode,
                Enum.Parse<SkillLevel>(issued.Level, ignoreCase: true),
                issued.Issuer.Trim(),
                issued.IssuedOn,
                Verified: true);
            if (worker.AddVerifiedCertificate(certificate, now))
            {
                WorkerEvents.ProfileUpdated(outbox, worker, WorkerProfileComparer.ChangedGroups(before, worker.Profile), now);
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        return Unit.Value;
    }
}
