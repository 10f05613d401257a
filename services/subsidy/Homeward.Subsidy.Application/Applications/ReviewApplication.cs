using FluentValidation;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Subsidy.Domain.Applications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Subsidy.Application.Applications;

public enum ReviewDecision
{
    /// <summary>Pre-review only: pass on to the county.</summary>
    Forward,

    /// <summary>Approval only: grant, reserving the amount from the policy's budget.</summary>
    Approve,

    ReturnForRevision,
    Reject,
}

public enum ReviewStage
{
    PreReview,
    Approval,
}

/// <summary>
/// A reviewer's decision on an application of their division in the stage they review, if they still have the version
/// they read. Four eyes: neither the case worker nor (for approval) the pre-reviewer may decide.
/// </summary>
public sealed record ReviewApplication(
    Guid ApplicationId,
    uint ExpectedVersion,
    ReviewStage Stage,
    ReviewDecision? Decision,
    IReadOnlyList<RejectionReason>? ReasonCodes,
    string? Note) : ICommand<ApplicationView>;

public sealed class ReviewApplicationValidator : AbstractValidator<ReviewApplication>
{
    public ReviewApplicationValidator()
    {
        RuleFor(c => c.Decision).NotNull();
        RuleFor(c => c.Decision).Must(d => d != ReviewDecision.Approve).When(c => c.Stage == ReviewStage.PreReview)
            .WithMessage("The pre-review forwards, returns or rejects; approval is the county's.");
        RuleFor(c => c.Decision).Must(d => d != ReviewDecision.Forward).When(c => c.Stage == ReviewStage.Approval)
            .WithMessage("The approval stage approves, returns or rejects.");
        RuleFor(c => c.ReasonCodes).NotEmpty().When(c => c.Decision == ReviewDecision.Reject).WithMessage("A rejection names at least one reason code.");
        RuleFor(c => c.Note).NotEmpty().When(c => c.Decision == ReviewDecision.ReturnForRevision).WithMessage("A return for revision says what to revise.");
        RuleFor(c => c.Note).MaximumLength(1000);
    }
}

public sealed class ReviewApplicationHandler(ISubsidyDbContext db, ICurrentUser currentUser, IBudgetLedger budget, TimeProvider clock)
    : ICommandHandler<ReviewApplication, ApplicationView>
{
    public async ValueTask<ApplicationView> Handle(ReviewApplication command, CancellationToken cancellationToken)
    {
        var application = await db.Applications.FindVisibleAsync(currentUser, command.ApplicationId, cancellationToken);
        application.ExpectVersion(db, command.ExpectedVersion);
        var expected = command.Stage == ReviewStage.PreReview ? ApplicationStatus.PendingPreReview : ApplicationStatus.PendingApproval;
        if (application.Status != expected)
        {
            throw new Homeward.SharedKernel.DomainException(
                "transition-not-allowed", $"The application is {application.Status}, not waiting for {command.Stage}.");
        }

        var now = clock.GetUtcNow();
        var policy = await db.Policies.AsNoTracking().Include(p => p.Versions).FirstAsync(p => p.Id == application.PolicyId, cancellationToken);
        var terms = policy.Versions.Single(v => v.Number == application.PolicyVersion).Terms;
        switch (command.Decision!.Value)
        {
            case ReviewDecision.Forward:
                application.Forward(terms.Deadlines, currentUser.Id, now, command.Note);
                break;
            case ReviewDecision.Approve:
                application.Approve(currentUser.Id, now, command.Note);
                var entry = await db.Funnel.FirstOrDefaultAsync(f => f.WorkerId == application.WorkerId && f.PolicyId == application.PolicyId, cancellationToken);
                entry?.MarkApproved(now);
                await budget.ReserveAndSaveAsync(application.PolicyId, now.Year, policy.Current.Terms.AnnualBudget, application.Amount, cancellationToken);
                return ApplicationView.From(application, now);
            case ReviewDecision.ReturnForRevision:
                application.ReturnForRevision(currentUser.Id, now, command.Note!);
                break;
            case ReviewDecision.Reject:
                application.Reject(command.ReasonCodes!, currentUser.Id, now, command.Note);
                break;
        }

        await db.SaveChangesAsync(cancellationToken);
        return ApplicationView.From(application, now);
    }
}
