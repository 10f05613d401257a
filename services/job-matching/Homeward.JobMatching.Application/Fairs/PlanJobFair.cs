using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Domain.Fairs;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.Fairs;

/// <summary>Records a job fair the caller's office organises: local, or cross-region with a registered partner city.</summary>
public sealed record PlanJobFair(string? Title, DateOnly? Date, string? Place, FairKind? Kind, string? PartnerCity) : ICommand<JobFairView>;

public sealed class PlanJobFairValidator : AbstractValidator<PlanJobFair>
{
    public PlanJobFairValidator()
    {
        RuleFor(c => c.Title).Must(t => !string.IsNullOrWhiteSpace(t) && t.Trim().Length <= 100).WithMessage("The title is 1 to 100 characters.");
        RuleFor(c => c.Date).NotNull().WithMessage("The date is required.");
        RuleFor(c => c.Place).Must(p => !string.IsNullOrWhiteSpace(p) && p.Trim().Length <= 200).WithMessage("The place is 1 to 200 characters.");
        RuleFor(c => c.Kind).NotNull().WithMessage("The kind is local or crossRegion.").IsInEnum();
        RuleFor(c => c.PartnerCity).NotNull().When(c => c.Kind == FairKind.CrossRegion).WithMessage("A cross-region fair names its partner city.");
        RuleFor(c => c.PartnerCity).Null().When(c => c.Kind == FairKind.Local).WithMessage("A local fair names no partner city.");
    }
}

public sealed class PlanJobFairHandler(IJobMatchingDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<PlanJobFair, JobFairView>
{
    public async ValueTask<JobFairView> Handle(PlanJobFair command, CancellationToken cancellationToken)
    {
        var office = currentUser.Division ?? throw new ForbiddenException("A fair is organised by an office; your token names none.");
        if (command.PartnerCity is { } partner && !await db.PartnerCities.AnyAsync(c => c.Id == partner, cancellationToken))
        {
            throw new RequestValidationException("partnerCity", "The partner city is one registered under /partner-cities.");
        }

        var now = clock.GetUtcNow();
        var fair = JobFair.Plan(Guid.CreateVersion7(now), command.Title!, command.Date!.Value, command.Place!, command.Kind!.Value, command.PartnerCity, office.Value, now);
        db.JobFairs.Add(fair);
        await db.SaveChangesAsync(cancellationToken);
        return JobFairView.From(fair);
    }
}

internal static class FairAccess
{
    /// <summary>The tracked fair, which only the organising office (or one above it) changes; others get 404.</summary>
    public static async Task<JobFair> FindOrganisedAsync(IJobMatchingDbContext db, ICurrentUser currentUser, Guid fairId, CancellationToken cancellationToken) =>
        await db.JobFairs.WithinDivisionOf(currentUser, f => f.OrganizerDivision).FirstOrDefaultAsync(f => f.Id == fairId, cancellationToken)
        ?? throw new NotFoundException("JobFair", fairId);

    /// <summary>Any fair: staff of every office bring their workers to fairs others organise.</summary>
    public static async Task<JobFair> FindAsync(IJobMatchingDbContext db, Guid fairId, CancellationToken cancellationToken) =>
        await db.JobFairs.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fairId, cancellationToken)
        ?? throw new NotFoundException("JobFair", fairId);
}
