using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Contracts.JobMatching;
using Homeward.JobMatching.Application.Placements;
using Homeward.JobMatching.Domain.Placements;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Finance;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.Partners;

public sealed record PlacementReportView(
    Guid Id,
    Guid PlacementId,
    string PartnerCity,
    PlacementReportKind Kind,
    DateOnly Date,
    decimal? MonthlyWage,
    PlacementEndReason? Reason,
    string? Note,
    DateTimeOffset ReportedAt)
{
    public static PlacementReportView From(PlacementReport r) =>
        new(r.Id, r.PlacementId, r.PartnerCity, r.Kind, r.Date, r.MonthlyWage, r.Reason, r.Note, r.ReportedAt);
}

/// <summary>
/// A partner city reports on one of our workers placed with one of its enterprises: the start confirmed, a departure
/// (which ends the placement and announces PlacementEnded), or a new wage. Each report is kept and announced as
/// PlacementReported, which the registry records as an observation of the worker. Another partner's placement is 404.
/// </summary>
public sealed record ReportOnPlacement(
    Guid PlacementId,
    PlacementReportKind? Kind,
    DateOnly? Date,
    decimal? MonthlyWage,
    PlacementEndReason? Reason,
    string? Note) : ICommand<PlacementReportView>;

public sealed class ReportOnPlacementValidator : AbstractValidator<ReportOnPlacement>
{
    public ReportOnPlacementValidator(TimeProvider clock)
    {
        RuleFor(c => c.Kind).NotNull().WithMessage("The kind is confirmed, departed or wageChanged.").IsInEnum();
        RuleFor(c => c.Date).NotNull().WithMessage("The date is required.")
            .Must(day => day <= clock.Today()).When(c => c.Date is not null).WithMessage("A report is about today or an earlier day.");
        RuleFor(c => c.MonthlyWage).NotNull().When(c => c.Kind == PlacementReportKind.WageChanged).WithMessage("A wage change gives the new monthly wage.")
            .Must(wage => wage is not { } value || (value > 0 && Money.IsValidAmount(value) && value <= 1_000_000m))
            .WithMessage("A monthly wage is a positive amount of CNY up to 1,000,000 with at most two decimals.");
        RuleFor(c => c.MonthlyWage).Null().When(c => c.Kind != PlacementReportKind.WageChanged).WithMessage("Only a wage change gives a wage.");
        RuleFor(c => c.Reason).NotNull().When(c => c.Kind == PlacementReportKind.Departed)
            .WithMessage("A departure gives the reason: contractEnded, resigned, dismissed, couldNotAdapt, rightsViolated or other.").IsInEnum();
        RuleFor(c => c.Reason).Null().When(c => c.Kind != PlacementReportKind.Departed).WithMessage("Only a departure gives a reason.");
        RuleFor(c => c.Note).MaximumLength(500).WithMessage("A note has at most 500 characters.");
    }
}

public sealed class ReportOnPlacementHandler(IJobMatchingDbContext db, IOutbox outbox, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ReportOnPlacement, PlacementReportView>
{
    public async ValueTask<PlacementReportView> Handle(ReportOnPlacement command, CancellationToken cancellationToken)
    {
        var partner = PartnerVacancyRules.PartnerOf(currentUser);
        var placement = await db.Placements.FirstOrDefaultAsync(p => p.Id == command.PlacementId && p.PartnerCity == partner, cancellationToken)
            ?? throw new NotFoundException("Placement", command.PlacementId);
        var now = clock.GetUtcNow();
        var date = command.Date!.Value;
        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        switch (command.Kind!.Value)
        {
            case PlacementReportKind.Confirmed:
                if (!placement.Confirm(date))
                {
                    throw new ConflictException("placement-already-confirmed", $"The placement was confirmed on {placement.ConfirmedOn:yyyy-MM-dd}.");
                }

                break;
            case PlacementReportKind.Departed:
                PlacementEnding.End(placement, date, command.Reason!.Value, note, outbox, now);
                break;
            case PlacementReportKind.WageChanged:
                placement.ChangeWage(command.MonthlyWage!.Value, date);
                break;
        }

        var report = PlacementReport.Record(
            Guid.CreateVersion7(now), placement, command.Kind.Value, date, command.MonthlyWage, command.Reason, note, $"partner:{partner}", now);
        db.PlacementReports.Add(report);
        outbox.Enqueue(new PlacementReported(
            Guid.CreateVersion7(now),
            now,
            report.Id,
            placement.Id,
            placement.WorkerId,
            partner,
            EnumNames.Of(report.Kind),
            date,
            placement.StartDate,
            placement.MonthlyWage,
            report.Reason is { } reason ? EnumNames.Of(reason) : null));
        await db.SaveChangesAsync(cancellationToken);
        return PlacementReportView.From(report);
    }
}
