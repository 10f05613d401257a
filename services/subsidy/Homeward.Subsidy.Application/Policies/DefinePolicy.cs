using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Subsidy.Domain.Policies;
using Homeward.Subsidy.Domain.Rules;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Subsidy.Application.Policies;

/// <summary>Adds a policy to the catalog with its first version of terms. A code already in use is a conflict.</summary>
public sealed record DefinePolicy(
    string Code,
    string Name,
    PolicyKind? Kind,
    Rule? Eligibility,
    AmountRule? Amount,
    IReadOnlyList<DocumentRequirement>? Documents,
    decimal? AnnualBudget,
    StageDeadlines? Deadlines,
    DateOnly? ValidFrom,
    DateOnly? ValidTo) : ICommand<PolicyView>, IPolicyTermsInput;

public sealed class DefinePolicyValidator : AbstractValidator<DefinePolicy>
{
    public DefinePolicyValidator()
    {
        RuleFor(c => c.Code).NotEmpty().MaximumLength(Policy.CodeMaxLength).Matches("^[a-z0-9]+(-[a-z0-9]+)*$")
            .WithMessage("A policy code is lowercase letters and digits in words joined by hyphens, e.g. startup-subsidy.");
        RuleFor(c => c.Kind).NotNull();
        this.PolicyTermsRulesFor();
    }
}

public sealed class DefinePolicyHandler(ISubsidyDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<DefinePolicy, PolicyView>
{
    public async ValueTask<PolicyView> Handle(DefinePolicy command, CancellationToken cancellationToken)
    {
        if (await db.Policies.AsNoTracking().Where(p => p.Code == command.Code).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken) is { } existing)
        {
            throw CodeTaken(existing);
        }

        var now = clock.GetUtcNow();
        var policy = Policy.Define(Guid.CreateVersion7(now), command.Code, command.Name, command.Kind!.Value, command.ToTerms(), now, currentUser.Id);
        db.Policies.Add(policy);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            var winner = await db.Policies.AsNoTracking().Where(p => p.Code == command.Code).Select(p => p.Id).FirstAsync(cancellationToken);
            throw CodeTaken(winner);
        }

        return PolicyView.From(policy);
    }

    private static ConflictException CodeTaken(Guid id) =>
        new("policy-code-taken", "A policy with this code is already in the catalog.", PolicyPaths.Policy(id));
}
