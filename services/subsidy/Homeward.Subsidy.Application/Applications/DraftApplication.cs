using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.SharedKernel;
using Homeward.Subsidy.Application.Workers;
using Homeward.Subsidy.Domain.Applications;
using Homeward.Subsidy.Domain.Businesses;
using Homeward.Subsidy.Domain.Outreach;
using Homeward.Subsidy.Domain.Policies;
using Homeward.Subsidy.Domain.Workers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Subsidy.Application.Applications;

/// <summary>
/// Opens an application of a worker of the caller's division for an active policy, the caller being their case
/// worker. The documents the platform already holds are filled in; the others wait for uploads. One open or granted
/// application per worker and policy.
/// </summary>
public sealed record DraftApplication(Guid PolicyId, Guid WorkerId, Guid? BusinessId) : ICommand<ApplicationView>;

public sealed class DraftApplicationValidator : AbstractValidator<DraftApplication>
{
    public DraftApplicationValidator()
    {
        RuleFor(c => c.PolicyId).NotEmpty();
        RuleFor(c => c.WorkerId).NotEmpty();
    }
}

public sealed class DraftApplicationHandler(ISubsidyDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<DraftApplication, ApplicationView>
{
    public async ValueTask<ApplicationView> Handle(DraftApplication command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var worker = await db.Workers.AsNoTracking().FindRegisteredAsync(currentUser, command.WorkerId, cancellationToken);
        var policy = await db.Policies.AsNoTracking().Include(p => p.Versions).FirstOrDefaultAsync(p => p.Id == command.PolicyId, cancellationToken)
            ?? throw new NotFoundException("Policy", command.PolicyId);
        var version = policy.Current;
        if (!version.IsValidOn(CityCalendar.DayOf(now)))
        {
            throw new DomainException("policy-not-active", "The policy is not in force today.");
        }

        Business? business = null;
        if (command.BusinessId is { } businessId)
        {
            business = await db.Businesses.AsNoTracking().FirstOrDefaultAsync(b => b.Id == businessId && b.FounderWorkerId == worker.WorkerId, cancellationToken)
                ?? throw new NotFoundException("Business of the worker", businessId);
        }

        if (await OpenApplicationAsync(worker.WorkerId, policy.Id, cancellationToken) is { } existing)
        {
            throw AlreadyApplied(existing);
        }

        var application = SubsidyApplication.Draft(
            Guid.CreateVersion7(now), policy.Id, version.Number, worker.WorkerId, business?.Id, worker.HouseholdDivision, currentUser.Id,
            version.Terms.Amount.For(business?.JobsCreated ?? 0), Prefill(version.Terms.Documents, worker, business), now);
        db.Applications.Add(application);
        var entry = await db.Funnel.FirstOrDefaultAsync(f => f.WorkerId == worker.WorkerId && f.PolicyId == policy.Id, cancellationToken);
        if (entry is null)
        {
            entry = FunnelEntry.Unprompted(worker.WorkerId, policy.Id, worker.HouseholdDivision);
            db.Funnel.Add(entry);
        }

        entry.MarkApplied(now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            db.DiscardChanges();
            throw AlreadyApplied(await OpenApplicationAsync(worker.WorkerId, policy.Id, cancellationToken) ?? application.Id);
        }

        return ApplicationView.From(application, now);
    }

    /// <summary>What the platform can vouch for itself, filled in; every other document waits for an upload.</summary>
    public static IReadOnlyList<ApplicationDocument> Prefill(IReadOnlyList<DocumentRequirement> requirements, Worker worker, Business? business) =>
        [.. requirements.Select(required => (required.PlatformVerifiable ? PlatformDetail(required.Code, worker, business) : null) is { } detail
            ? new ApplicationDocument(required.Code, required.Title, true, DocumentSource.Platform, detail, null)
            : new ApplicationDocument(required.Code, required.Title, required.PlatformVerifiable, null, null, null))];

    private static string? PlatformDetail(string code, Worker worker, Business? business) => code switch
    {
        PlatformDocuments.Identity => $"Registered worker {worker.WorkerId}; identity verified by the registry.",
        PlatformDocuments.ReturnHome when worker.ReturnedOn is { } returned => $"Returned home on {returned:yyyy-MM-dd}, as the registry records.",
        PlatformDocuments.BusinessLicense when business is not null => $"Business {business.Name}, credit code {business.CreditCode}.",
        PlatformDocuments.TrainingCertificate when worker.CompletedTrainings.Count > 0 =>
            $"Completed training in {string.Join(", ", worker.CompletedTrainings.Select(t => t.TradeCode).Distinct())}.",
        _ => null,
    };

    private async Task<Guid?> OpenApplicationAsync(Guid workerId, Guid policyId, CancellationToken cancellationToken) =>
        await db.Applications.AsNoTracking()
            .Where(a => a.WorkerId == workerId && a.PolicyId == policyId && a.Status != ApplicationStatus.Rejected)
            .Select(a => (Guid?)a.Id)
            .FirstOrDefaultAsync(cancellationToken);

    private static ConflictException AlreadyApplied(Guid id) =>
        new("application-exists", "The worker already has an open or granted application for this policy.", ApplicationView.PathOf(id));
}
