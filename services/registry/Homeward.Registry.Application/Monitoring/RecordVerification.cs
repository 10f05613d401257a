using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Registry.Domain.Monitoring;
using Homeward.Registry.Domain.Workers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Registry.Application.Monitoring;

/// <summary>
/// Staff checked a worker's record with the worker (typically one drawn for a sample) and say which facts were wrong;
/// those were corrected through the ordinary profile and status changes. A check without corrections confirms the
/// record; either way the record counts as confirmed now.
/// </summary>
/// <param name="CorrectedFields">Names of the facts that were wrong, as the worker's JSON names them; empty when all were right.</param>
public sealed record RecordVerification(Guid WorkerId, InformationSource? Source, IReadOnlyList<string>? CorrectedFields)
    : ICommand<VerificationView>;

public sealed class RecordVerificationValidator : AbstractValidator<RecordVerification>
{
    /// <summary>The facts of a worker's record a verification checks.</summary>
    public static readonly IReadOnlySet<string> CheckedFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "name", "phone", "householdDivision", "residence", "education", "skills", "certificates", "priorWork",
        "return", "jobIntention", "entrepreneurship", "trainingNeeds", "family", "status",
    };

    public RecordVerificationValidator()
    {
        RuleFor(c => c.Source).Must(source => source is { } known && Enum.IsDefined(known))
            .WithMessage("Say how the record was checked, e.g. doorToDoorVisit or phoneCall.");
        RuleFor(c => c.CorrectedFields)
            .Must(fields => fields is null || (fields.All(CheckedFields.Contains) && fields.Distinct().Count() == fields.Count))
            .WithMessage($"Corrected fields are distinct names among {string.Join(", ", CheckedFields)}.");
    }
}

public sealed class RecordVerificationHandler(IRegistryDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RecordVerification, VerificationView>
{
    public async ValueTask<VerificationView> Handle(RecordVerification command, CancellationToken cancellationToken)
    {
        var worker = await db.Workers
            .WithinDivisionOf(currentUser, w => w.HouseholdDivisionCode)
            .FirstOrDefaultAsync(w => w.Id == command.WorkerId, cancellationToken)
            ?? throw new NotFoundException("Worker", command.WorkerId);

        var now = clock.GetUtcNow();
        var source = command.Source!.Value;
        var verification = Verification.Record(
            Guid.CreateVersion7(now),
            worker.Id,
            worker.HouseholdDivisionCode,
            now,
            currentUser.Id,
            source,
            command.CorrectedFields ?? []);
        worker.Confirm(now);
        if (source == InformationSource.DoorToDoorVisit)
        {
            worker.RecordVisit(now);
        }

        db.Verifications.Add(verification);
        await db.SaveChangesAsync(cancellationToken);
        return VerificationView.From(verification);
    }
}
