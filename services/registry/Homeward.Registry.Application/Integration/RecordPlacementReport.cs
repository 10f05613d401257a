using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Application.Privacy;
using Homeward.Contracts.JobMatching;
using Homeward.Registry.Application.Monitoring;
using Homeward.Registry.Domain.Monitoring;
using Homeward.Registry.Domain.Workers;
using Homeward.SharedKernel;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Homeward.Registry.Application.Integration;

/// <summary>
/// A partner city's enterprise reported on a worker it employs through a cross-region placement. The report is first
/// applied as the platform fact it implies — the placement started, or (a departure) ended — exactly as WorkerPlaced or
/// PlacementEnded would apply it, so whichever of them arrives first, the record comes out the same. Then it is
/// recorded, in every case, as the employer's observation of the worker's employment status: "employed elsewhere" for
/// a confirmation or a wage change, "seeking work" for a departure. Only a departure from the job the status stands
/// on changes the status (above); any report the record disagrees with afterwards — a departure while the record says
/// the worker is employed, a confirmation while it says they are seeking work — opens a discrepancy for the worker's
/// office, as any source's disagreeing observation does, so the partner's word is never lost.
/// </summary>
public sealed record RecordPlacementReport(PlacementReported Event) : ICommand;

public sealed class RecordPlacementReportHandler(
    IRegistryDbContext db,
    IPersonalDataProtector protector,
    IOutbox outbox,
    TimeProvider clock,
    ILogger<RecordPlacementReportHandler> logger) : ICommandHandler<RecordPlacementReport>
{
    public async ValueTask<Unit> Handle(RecordPlacementReport command, CancellationToken cancellationToken)
    {
        var reported = command.Event;
        if (await PlatformWorkers.FindAsync(db, reported.WorkerId, reported, logger, cancellationToken) is not { } worker)
        {
            return Unit.Value;
        }

        var now = clock.GetUtcNow();
        var facts = new PlatformStatusFacts(db, outbox, now);
        var placement = PlatformActivity.Placement(reported.PlacementId);
        var departed = reported.Kind == "departed";
        if (departed)
        {
            await facts.EndAsync(worker, placement, reported.Date, reported.Reason ?? "other", cancellationToken);
        }
        else
        {
            await facts.StartAsync(worker, placement, EmploymentStatus.EmployedElsewhere, reported.StartDate, null, cancellationToken);
        }

        var observed = departed ? EmploymentStatus.SeekingWork : EmploymentStatus.EmployedElsewhere;
        await ObservationRecorder.RecordAsync(
            db,
            protector,
            outbox,
            worker,
            ObservedField.EmploymentStatus,
            EnumNames.Of(observed),
            InformationSource.EmployerReport,
            CityCalendar.StartOf(reported.Date),
            $"partner:{reported.PartnerId}",
            now,
            cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
