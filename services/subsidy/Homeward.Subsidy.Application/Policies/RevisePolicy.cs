using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Subsidy.Domain.Policies;
using Homeward.Subsidy.Domain.Rules;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Subsidy.Application.Policies;

/// <summary>
/// Changes a policy's terms by adding a version that becomes current, if the caller still has the version they read.
/// Applications already decided keep naming the version they were decided by.
/// </summary>
public sealed record RevisePolicy(
    Guid PolicyId,
    uint ExpectedVersion,
    string Name,
    Rule? Eligibility,
    AmountRule? Amount,
    IReadOnlyList<DocumentRequirement>? Documents,
    decimal? AnnualBudget,
    StageDeadlines? Deadlines,
    DateOnly? ValidFrom,
    DateOnly? ValidTo) : ICommand<PolicyView>, IPolicyTermsInput;

public sealed class RevisePolicyValidator : AbstractValidator<RevisePolicy>
{
    public RevisePolicyValidator() => this.PolicyTermsRulesFor();
}

public sealed class RevisePolicyHandler(ISubsidyDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RevisePolicy, PolicyView>
{
    public async ValueTask<PolicyView> Handle(RevisePolicy command, CancellationToken cancellationToken)
    {
        var policy = await db.Policies.Include(p => p.Versions).FirstOrDefaultAsync(p => p.Id == command.PolicyId, cancellationToken)
            ?? throw new NotFoundException("Policy", command.PolicyId);
        if (policy.RowVersion != command.ExpectedVersion)
        {
            throw new PreconditionFailedException("Policy", command.PolicyId);
        }

        db.ExpectRowVersion(policy, command.ExpectedVersion);
        var version = policy.Revise(command.Name, command.ToTerms(), clock.GetUtcNow(), currentUser.Id);
        db.PolicyVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        return PolicyView.From(policy);
    }
}
