using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Application.Partners;
using Homeward.JobMatching.Domain.FollowUp;
using Homeward.SharedKernel;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Homeward.JobMatching.Application.FollowUp;

public sealed record RightsCaseView(
    Guid Id,
    Guid WorkerId,
    string WorkerDivision,
    Guid? PlacementId,
    string? PartnerCity,
    RightsCaseKind Kind,
    RightsCaseSeverity Severity,
    string Description,
    string Owner,
    DateTimeOffset OpenedAt,
    DateTimeOffset Deadline,
    EscalationLevel Level,
    DateTimeOffset? EscalatedAt,
    DateTimeOffset? ResolvedAt,
    string? Resolution,
    uint RowVersion)
{
    public static RightsCaseView From(RightsCase c) => new(
        c.Id, c.WorkerId, c.WorkerDivision, c.PlacementId, c.PartnerCity, c.Kind, c.Severity, c.Description, c.Owner,
        c.OpenedAt, c.Deadline, c.Level, c.EscalatedAt, c.ResolvedAt, c.Resolution, c.RowVersion);
}

/// <summary>
/// Opens a rights case for a worker of the caller's division, about one of the worker's placements or none; the
/// caller owns it unless another owner is named. A case about a job in a partner city is shared with that city.
/// </summary>
public sealed record OpenRightsCase(Guid? WorkerId, Guid? PlacementId, RightsCaseKind? Kind, RightsCaseSeverity? Severity, string? Description, string? Owner)
    : ICommand<RightsCaseView>;

public sealed class OpenRightsCaseValidator : AbstractValidator<OpenRightsCase>
{
    public OpenRightsCaseValidator()
    {
        RuleFor(c => c.WorkerId).NotEmpty().WithMessage("The worker is required.");
        RuleFor(c => c.Kind).NotNull().WithMessage("The kind is wageArrears, contract, safety or discrimination.").IsInEnum();
        RuleFor(c => c.Severity).NotNull().WithMessage("The severity is low, medium, high or critical.").IsInEnum();
        RuleFor(c => c.Description).Must(d => !string.IsNullOrWhiteSpace(d) && d.Trim().Length <= 2000).WithMessage("The description is 1 to 2,000 characters.");
        RuleFor(c => c.Owner).MaximumLength(100).WithMessage("The owner is at most 100 characters.");
    }
}

public sealed class OpenRightsCaseHandler(IJobMatchingDbContext db, ICurrentUser currentUser, IOptions<FollowUpOptions> options, TimeProvider clock)
    : ICommandHandler<OpenRightsCase, RightsCaseView>
{
    public async ValueTask<RightsCaseView> Handle(OpenRightsCase command, CancellationToken cancellationToken)
    {
        var worker = await db.Candidates.AsNoTracking()
            .WithinDivisionOf(currentUser, c => c.HouseholdDivisionCode)
            .Where(c => c.WorkerId == command.WorkerId && c.RegisteredAt != null)
            .Select(c => new { c.WorkerId, c.HouseholdDivisionCode })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Candidate", command.WorkerId!.Value);
        string? partnerCity = null;
        if (command.PlacementId is { } placementId)
        {
            var placement = await db.Placements.AsNoTracking()
                .Where(p => p.Id == placementId && p.WorkerId == worker.WorkerId)
                .Select(p => new { p.PartnerCity })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new RequestValidationException("placementId", "The placement is one of this worker's.");
            partnerCity = placement.PartnerCity;
        }

        var now = clock.GetUtcNow();
        var severity = command.Severity!.Value;
        var rightsCase = RightsCase.Open(
            Guid.CreateVersion7(now),
            worker.WorkerId,
            worker.HouseholdDivisionCode,
            command.PlacementId,
            partnerCity,
            command.Kind!.Value,
            severity,
            command.Description!,
            string.IsNullOrWhiteSpace(command.Owner) ? currentUser.Id : command.Owner.Trim(),
            options.Value.TimeToAct(severity),
            now);
        db.RightsCases.Add(rightsCase);
        await db.SaveChangesAsync(cancellationToken);
        return RightsCaseView.From(rightsCase);
    }
}

/// <summary>Rights cases of workers of the caller's division, optionally only open ones or those at an escalation level, oldest first.</summary>
/// <param name="Level">office, county or city.</param>
public sealed record ListRightsCases(bool? Open, string? Level, PageRequest Page) : IQuery<Page<RightsCaseView>>;

public sealed class ListRightsCasesValidator : AbstractValidator<ListRightsCases>
{
    public ListRightsCasesValidator() =>
        RuleFor(q => q.Level).Must(level => EnumNames.Parse<EscalationLevel>(level) is not null).When(q => q.Level is not null)
            .WithMessage("The level is office, county or city.");
}

public sealed class ListRightsCasesHandler(IJobMatchingDbContext db, ICurrentUser currentUser) : IQueryHandler<ListRightsCases, Page<RightsCaseView>>
{
    public async ValueTask<Page<RightsCaseView>> Handle(ListRightsCases query, CancellationToken cancellationToken)
    {
        var after = query.Page.After<Guid?>();
        var level = EnumNames.Parse<EscalationLevel>(query.Level);
        var fetched = await db.RightsCases.AsNoTracking()
            .WithinDivisionOf(currentUser, c => c.WorkerDivision)
            .Where(c => query.Open == null || (c.ResolvedAt == null) == query.Open)
            .Where(c => level == null || c.Level == level)
            .Where(c => after == null || c.Id.CompareTo(after.Value) > 0)
            .OrderBy(c => c.Id)
            .Take(query.Page.Limit + 1)
            .ToListAsync(cancellationToken);
        return Page<RightsCaseView>.FromOverFetch([.. fetched.Select(RightsCaseView.From)], query.Page, c => (Guid?)c.Id);
    }
}

public sealed record GetRightsCase(Guid CaseId) : IQuery<RightsCaseView>;

public sealed class GetRightsCaseHandler(IJobMatchingDbContext db, ICurrentUser currentUser) : IQueryHandler<GetRightsCase, RightsCaseView>
{
    public async ValueTask<RightsCaseView> Handle(GetRightsCase query, CancellationToken cancellationToken) =>
        RightsCaseView.From(
            await db.RightsCases.AsNoTracking().WithinDivisionOf(currentUser, c => c.WorkerDivision).FirstOrDefaultAsync(c => c.Id == query.CaseId, cancellationToken)
            ?? throw new NotFoundException("RightsCase", query.CaseId));
}

/// <summary>Closes a case of a worker of the caller's division with what was done (If-Match).</summary>
public sealed record ResolveRightsCase(Guid CaseId, uint ExpectedVersion, string? Resolution) : ICommand<RightsCaseView>;

public sealed class ResolveRightsCaseValidator : AbstractValidator<ResolveRightsCase>
{
    public ResolveRightsCaseValidator() =>
        RuleFor(c => c.Resolution).Must(r => !string.IsNullOrWhiteSpace(r) && r.Trim().Length <= 2000).WithMessage("The resolution is 1 to 2,000 characters.");
}

public sealed class ResolveRightsCaseHandler(IJobMatchingDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<ResolveRightsCase, RightsCaseView>
{
    public async ValueTask<RightsCaseView> Handle(ResolveRightsCase command, CancellationToken cancellationToken)
    {
        var rightsCase = await db.RightsCases.WithinDivisionOf(currentUser, c => c.WorkerDivision).FirstOrDefaultAsync(c => c.Id == command.CaseId, cancellationToken)
            ?? throw new NotFoundException("RightsCase", command.CaseId);
        if (rightsCase.RowVersion != command.ExpectedVersion)
        {
            throw new PreconditionFailedException("RightsCase", command.CaseId);
        }

        db.ExpectRowVersion(rightsCase, command.ExpectedVersion);
        rightsCase.Resolve(command.Resolution!, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return RightsCaseView.From(rightsCase);
    }
}

/// <summary>A cross-region case as the partner city sees it: what, how serious, where it stands — no description, no worker details.</summary>
public sealed record PartnerRightsCaseView(
    Guid Id, Guid WorkerId, Guid? PlacementId, RightsCaseKind Kind, RightsCaseSeverity Severity, DateTimeOffset OpenedAt, DateTimeOffset Deadline, EscalationLevel Level, DateTimeOffset? ResolvedAt);

/// <summary>The rights cases about jobs in the caller's partner city, oldest first.</summary>
public sealed record ListPartnerRightsCases(PageRequest Page) : IQuery<Page<PartnerRightsCaseView>>;

public sealed class ListPartnerRightsCasesHandler(IJobMatchingDbContext db, ICurrentUser currentUser) : IQueryHandler<ListPartnerRightsCases, Page<PartnerRightsCaseView>>
{
    public async ValueTask<Page<PartnerRightsCaseView>> Handle(ListPartnerRightsCases query, CancellationToken cancellationToken)
    {
        var partner = PartnerVacancyRules.PartnerOf(currentUser);
        var after = query.Page.After<Guid?>();
        var fetched = await db.RightsCases.AsNoTracking()
            .Where(c => c.PartnerCity == partner && (after == null || c.Id.CompareTo(after.Value) > 0))
            .OrderBy(c => c.Id)
            .Take(query.Page.Limit + 1)
            .Select(c => new PartnerRightsCaseView(c.Id, c.WorkerId, c.PlacementId, c.Kind, c.Severity, c.OpenedAt, c.Deadline, c.Level, c.ResolvedAt))
            .ToListAsync(cancellationToken);
        return Page<PartnerRightsCaseView>.FromOverFetch(fetched, query.Page, c => (Guid?)c.Id);
    }
}
