using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.Registry.Application.Workers;
using Homeward.Registry.Domain.Monitoring;
using Homeward.Registry.Domain.Workers;
using Homeward.SharedKernel.Divisions;
using Homeward.SharedKernel.Privacy;

namespace Homeward.Registry.Application.Monitoring;

/// <summary>
/// Writes an observed value into a worker's record through the worker's own methods, with the events and the status
/// history the change calls for: when an observation fills a gap in the record and when staff accept a discrepancy.
/// A value the record already holds changes nothing.
/// </summary>
internal static class ObservedValueWriter
{
    /// <param name="keptValue">The value in the form <see cref="ObservedFields.Normalize"/> keeps.</param>
    /// <param name="phone">For a phone number, the number itself in protected form: the kept value is only its mask.</param>
    public static void Apply(
        IRegistryDbContext db,
        IOutbox outbox,
        Worker worker,
        ObservedField field,
        string keptValue,
        ProtectedValue? phone,
        InformationSource source,
        string actor,
        string note,
        DateTimeOffset now)
    {
        var alreadyRecorded = ObservedFields.Recorded(field, worker) == keptValue;
        switch (field)
        {
            case ObservedField.Phone:
                WorkerEvents.ProfileUpdated(outbox, worker, worker.ChangeProfile(null, phone ?? throw new ArgumentNullException(nameof(phone)), null, null, now), now);
                break;
            case ObservedField.HouseholdDivision:
                WorkerEvents.ProfileUpdated(outbox, worker, worker.ChangeProfile(null, null, DivisionCode.Parse(keptValue), null, now), now);
                break;
            case ObservedField.Residence when !alreadyRecorded:
                worker.ApplyObservedResidence(new Residence(keptValue, null), now);
                WorkerEvents.ProfileUpdated(outbox, worker, ["residence"], now);
                break;
            case ObservedField.Education when !alreadyRecorded:
                worker.ApplyObservedEducation(ObservedFields.ParseEducation(keptValue), now);
                WorkerEvents.ProfileUpdated(outbox, worker, ["education"], now);
                break;
            case ObservedField.EmploymentStatus when !alreadyRecorded:
                var change = worker.ChangeStatus(ObservedFields.ParseStatus(keptValue), source, actor, note, now);
                db.StatusChanges.Add(change);
                WorkerEvents.StatusChanged(outbox, worker, change, now);
                break;
        }
    }
}
