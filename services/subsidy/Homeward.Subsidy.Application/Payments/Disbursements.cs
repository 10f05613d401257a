using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Privacy;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Contracts.Subsidy;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Privacy;
using Homeward.Subsidy.Domain.Applications;
using Homeward.Subsidy.Domain.Payments;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Subsidy.Application.Payments;

/// <summary>A disbursement as responses show it: the bank account masked, never in full.</summary>
public sealed record DisbursementView(
    Guid Id,
    Guid ApplicationId,
    Guid PolicyId,
    Guid WorkerId,
    Guid? BusinessId,
    string Division,
    decimal Amount,
    string BankName,
    string BankAccount,
    DisbursementStatus Status,
    DateTimeOffset InstructedAt,
    DateOnly? PaidOn,
    DateTimeOffset? ClosedAt,
    string? Note,
    uint RowVersion)
{
    public static DisbursementView From(Disbursement d) => new(
        d.Id, d.ApplicationId, d.PolicyId, d.WorkerId, d.BusinessId, d.Division, d.Amount, d.BankName, d.BankAccount.Masked, d.Status,
        d.InstructedAt, d.PaidOn, d.ClosedAt, d.Note, d.RowVersion);

    public static string PathOf(Guid id) => $"/api/subsidy/v1/disbursements/{id}";
}

/// <summary>
/// Instructs the payment of an approved application of the caller's division into a bank account (stored encrypted).
/// An application has at most one instruction instructed or paid at a time: a second is a conflict pointing to it. With
/// an Idempotency-Key a replayed request returns the first answer and pays nothing more.
/// </summary>
public sealed record InstructDisbursement(Guid ApplicationId, string BankName, string BankAccount) : ICommand<DisbursementView>;

public sealed class InstructDisbursementValidator : AbstractValidator<InstructDisbursement>
{
    public InstructDisbursementValidator()
    {
        RuleFor(c => c.ApplicationId).NotEmpty();
        RuleFor(c => c.BankName).NotEmpty().MaximumLength(100);
        RuleFor(c => c.BankAccount).Matches("^[0-9]{12,30}$").WithMessage("A bank account number has 12 to 30 digits.");
    }
}

public sealed class InstructDisbursementHandler(ISubsidyDbContext db, ICurrentUser currentUser, IPersonalDataProtector protector, TimeProvider clock)
    : ICommandHandler<InstructDisbursement, DisbursementView>
{
    public async ValueTask<DisbursementView> Handle(InstructDisbursement command, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking().WithinDivisionOf(currentUser, a => a.Division)
            .FirstOrDefaultAsync(a => a.Id == command.ApplicationId, cancellationToken)
            ?? throw new NotFoundException("Application", command.ApplicationId);
        if (application.Status != ApplicationStatus.Approved)
        {
            throw new DomainException("application-not-approved", $"Only an approved application is paid; this one is {application.Status}.");
        }

        if (await ActiveAsync(application.Id, cancellationToken) is { } active)
        {
            throw AlreadyInstructed(active);
        }

        var now = clock.GetUtcNow();
        var disbursement = Disbursement.Instruct(
            Guid.CreateVersion7(now), application.Id, application.PolicyId, application.WorkerId, application.BusinessId, application.Division,
            application.Amount, command.BankName, protector.Protect(PersonalDataKind.BankAccount, command.BankAccount), currentUser.Id, now);
        db.Disbursements.Add(disbursement);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            db.DiscardChanges();
            throw AlreadyInstructed(await ActiveAsync(application.Id, cancellationToken) ?? disbursement.Id);
        }

        return DisbursementView.From(disbursement);
    }

    private async Task<Guid?> ActiveAsync(Guid applicationId, CancellationToken cancellationToken) =>
        await db.Disbursements.AsNoTracking()
            .Where(d => d.ApplicationId == applicationId && (d.Status == DisbursementStatus.Instructed || d.Status == DisbursementStatus.Paid))
            .Select(d => (Guid?)d.Id)
            .FirstOrDefaultAsync(cancellationToken);

    private static ConflictException AlreadyInstructed(Guid id) =>
        new("disbursement-exists", "The application already has a disbursement instructed or paid.", DisbursementView.PathOf(id));
}

public enum DisbursementOutcome
{
    /// <summary>The bank paid: publishes SubsidyDisbursed.</summary>
    Paid,

    Failed,

    /// <summary>The payment came back.</summary>
    Reversed,
}

/// <summary>What the bank reports of an instruction, if the caller still has the version they read.</summary>
public sealed record RecordDisbursementOutcome(Guid DisbursementId, uint ExpectedVersion, DisbursementOutcome? Outcome, DateOnly? PaidOn, string? Reason)
    : ICommand<DisbursementView>;

public sealed class RecordDisbursementOutcomeValidator : AbstractValidator<RecordDisbursementOutcome>
{
    public RecordDisbursementOutcomeValidator()
    {
        RuleFor(c => c.Outcome).NotNull();
        RuleFor(c => c.PaidOn).NotNull().When(c => c.Outcome == DisbursementOutcome.Paid);
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(500).When(c => c.Outcome is DisbursementOutcome.Failed or DisbursementOutcome.Reversed);
    }
}

public sealed class RecordDisbursementOutcomeHandler(ISubsidyDbContext db, IOutbox outbox, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RecordDisbursementOutcome, DisbursementView>
{
    public async ValueTask<DisbursementView> Handle(RecordDisbursementOutcome command, CancellationToken cancellationToken)
    {
        var disbursement = await db.Disbursements.WithinDivisionOf(currentUser, d => d.Division)
            .FirstOrDefaultAsync(d => d.Id == command.DisbursementId, cancellationToken)
            ?? throw new NotFoundException("Disbursement", command.DisbursementId);
        if (disbursement.RowVersion != command.ExpectedVersion)
        {
            throw new PreconditionFailedException("Disbursement", command.DisbursementId);
        }

        db.ExpectRowVersion(disbursement, command.ExpectedVersion);
        var now = clock.GetUtcNow();
        switch (command.Outcome!.Value)
        {
            case DisbursementOutcome.Paid:
                disbursement.ConfirmPaid(command.PaidOn!.Value, now);
                var application = await db.Applications.AsNoTracking().FirstAsync(a => a.Id == disbursement.ApplicationId, cancellationToken);
                var policy = await db.Policies.AsNoTracking().FirstAsync(p => p.Id == disbursement.PolicyId, cancellationToken);
                outbox.Enqueue(new SubsidyDisbursed(
                    Guid.CreateVersion7(now), now, disbursement.Id, disbursement.ApplicationId, policy.Id, policy.Code, EnumNames.Of(policy.Kind),
                    application.PolicyVersion, disbursement.WorkerId, disbursement.BusinessId, disbursement.Amount, command.PaidOn.Value, disbursement.Division));
                var entry = await db.Funnel.FirstOrDefaultAsync(f => f.WorkerId == disbursement.WorkerId && f.PolicyId == disbursement.PolicyId, cancellationToken);
                entry?.MarkPaid(now);
                break;
            case DisbursementOutcome.Failed:
                disbursement.Fail(command.Reason!, now);
                break;
            case DisbursementOutcome.Reversed:
                disbursement.Reverse(command.Reason!, now);
                break;
        }

        await db.SaveChangesAsync(cancellationToken);
        return DisbursementView.From(disbursement);
    }
}

public sealed record GetDisbursement(Guid DisbursementId) : IQuery<DisbursementView>;

public sealed class GetDisbursementHandler(ISubsidyDbContext db, ICurrentUser currentUser) : IQueryHandler<GetDisbursement, DisbursementView>
{
    public async ValueTask<DisbursementView> Handle(GetDisbursement query, CancellationToken cancellationToken) =>
        DisbursementView.From(
            await db.Disbursements.AsNoTracking().WithinDivisionOf(currentUser, d => d.Division).FirstOrDefaultAsync(d => d.Id == query.DisbursementId, cancellationToken)
            ?? throw new NotFoundException("Disbursement", query.DisbursementId));
}

/// <summary>Disbursements of the caller's division, optionally of one application.</summary>
public sealed record ListDisbursements(Guid? ApplicationId, PageRequest Page) : IQuery<Page<DisbursementView>>;

public sealed class ListDisbursementsHandler(ISubsidyDbContext db, ICurrentUser currentUser) : IQueryHandler<ListDisbursements, Page<DisbursementView>>
{
    public async ValueTask<Page<DisbursementView>> Handle(ListDisbursements query, CancellationToken cancellationToken)
    {
        var after = query.Page.After<Guid?>();
        var fetched = await db.Disbursements.AsNoTracking().WithinDivisionOf(currentUser, d => d.Division)
            .Where(d => query.ApplicationId == null || d.ApplicationId == query.ApplicationId)
            .Where(d => after == null || d.Id.CompareTo(after.Value) > 0)
            .OrderBy(d => d.Id)
            .Take(query.Page.Limit + 1)
            .ToListAsync(cancellationToken);
        return Page<DisbursementView>.FromOverFetch(fetched.Select(DisbursementView.From).ToList(), query.Page, d => (Guid?)d.Id);
    }
}
