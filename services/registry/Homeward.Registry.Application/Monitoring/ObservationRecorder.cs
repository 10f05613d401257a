using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Application.Privacy;
using Homeward.Registry.Domain.Monitoring;
using Homeward.Registry.Domain.Workers;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Identity;
using Homeward.SharedKernel.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Registry.Application.Monitoring;

/// <summary>
/// Records one source's report of one field of a worker and what it means for the record: agreement confirms the
/// record, a value the record lacks is taken, and a different value opens a discrepancy for staff — or joins the open
/// one that already reports the same value, so that one disagreement waits in the queue once however many sources
/// repeat it. The employment status is the one field the record dates: a report of it as of a time before the status
/// holds from is older news and only kept (superseded). A door-to-door report is also a visit. The caller saves.
/// </summary>
public static class ObservationRecorder
{
    public static async Task<Observation> RecordAsync(
        IRegistryDbContext db,
        IPersonalDataProtector protector,
        IOutbox outbox,
        Worker worker,
        ObservedField field,
        string value,
        InformationSource source,
        DateTimeOffset observedAt,
        string actor,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var observed = ObservedFields.Normalize(field, value)
            ?? throw new DomainException("observed-value-invalid", ObservedFields.Rule(field));
        var recorded = ObservedFields.Recorded(field, worker);
        var phoneNumber = field == ObservedField.Phone ? PhoneNumber.Parse(value).Value : null;
        var agrees = phoneNumber is null
            ? recorded == observed
            : worker.Phone is { } phone && phone.LookupHash.AsSpan().SequenceEqual(protector.LookupHash(PersonalDataKind.Phone, phoneNumber));

        var outcome = ObservationOutcome.Confirmed;
        Guid? discrepancyId = null;
        if (agrees)
        {
            worker.Confirm(observedAt);
        }
        else if (field == ObservedField.EmploymentStatus && observedAt < worker.StatusAsOf)
        {
            outcome = ObservationOutcome.Superseded;
        }
        else if (recorded is null)
        {
            outcome = ObservationOutcome.Filled;
            var protectedPhone = phoneNumber is null ? null : protector.Protect(PersonalDataKind.Phone, phoneNumber);
            ObservedValueWriter.Apply(db, outbox, worker, field, observed, protectedPhone, source, actor, $"observed from {source}", now);
        }
        else
        {
            outcome = ObservationOutcome.Disagreed;
            var discrepancy = await db.Discrepancies.FirstOrDefaultAsync(
                d => d.WorkerId == worker.Id && d.Field == field && d.Status == DiscrepancyStatus.Open && d.ObservedValue == observed,
                cancellationToken);
            if (discrepancy is null)
            {
                discrepancy = Discrepancy.Open(Guid.CreateVersion7(now), worker.Id, worker.HouseholdDivisionCode, field, recorded, observed, source, now);
                db.Discrepancies.Add(discrepancy);
            }

            discrepancyId = discrepancy.Id;
        }

        if (source == InformationSource.DoorToDoorVisit)
        {
            worker.RecordVisit(observedAt);
        }

        var observation = Observation.Record(Guid.CreateVersion7(now), worker.Id, field, observed, source, observedAt, now, actor, outcome, discrepancyId);
        db.Observations.Add(observation);
        return observation;
    }
}
