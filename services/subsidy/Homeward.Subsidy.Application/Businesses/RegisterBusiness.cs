using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Contracts.Subsidy;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Industries;
using Homeward.SharedKernel.Organizations;
using Homeward.Subsidy.Application.Eligibility;
using Homeward.Subsidy.Application.Workers;
using Homeward.Subsidy.Domain.Businesses;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Subsidy.Application.Businesses;

/// <summary>
/// Records a business a registered worker of the caller's division started, and announces it (BusinessRegistered,
/// through the outbox in the same transaction) so the registry marks the founder self-employed. The founder is then
/// evaluated with the new business, and notified of each policy they have newly become eligible for.
/// </summary>
public sealed record RegisterBusiness(
    Guid FounderWorkerId,
    string Name,
    string CreditCode,
    BusinessKind? Kind,
    string? Sector,
    DateOnly? RegisteredOn,
    int JobsCreated) : ICommand<BusinessView>;

public sealed class RegisterBusinessValidator : AbstractValidator<RegisterBusiness>
{
    public RegisterBusinessValidator()
    {
        RuleFor(c => c.FounderWorkerId).NotEmpty();
        RuleFor(c => c.Name).NotEmpty().MaximumLength(Business.NameMaxLength);
        RuleFor(c => c.CreditCode).Must(code => UnifiedSocialCreditCode.TryParse(code, out _))
            .WithMessage("A unified social credit code has 18 characters from 0-9 and A-Y without I, O, S, V, Z, and a matching check character (GB 32100).");
        RuleFor(c => c.Kind).NotNull();
        RuleFor(c => c.Sector).Must(Industries.IsKnown).WithMessage("A GB/T 4754 section letter, A to T.");
        RuleFor(c => c.RegisteredOn).NotNull();
        RuleFor(c => c.JobsCreated).InclusiveBetween(0, 100_000);
    }
}

public sealed class RegisterBusinessHandler(ISubsidyDbContext db, IOutbox outbox, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RegisterBusiness, BusinessView>
{
    public async ValueTask<BusinessView> Handle(RegisterBusiness command, CancellationToken cancellationToken)
    {
        var founder = await db.Workers.FindRegisteredAsync(currentUser, command.FounderWorkerId, cancellationToken);
        var creditCode = UnifiedSocialCreditCode.Parse(command.CreditCode);
        if (await db.Businesses.AsNoTracking().Where(b => b.CreditCode == creditCode.Value).Select(b => (Guid?)b.Id).FirstOrDefaultAsync(cancellationToken) is { } existing)
        {
            throw AlreadyRegistered(existing);
        }

        var now = clock.GetUtcNow();
        var business = Business.Register(
            Guid.CreateVersion7(now), founder.WorkerId, command.Name, creditCode, command.Kind!.Value, command.Sector!,
            command.RegisteredOn!.Value, command.JobsCreated, founder.HouseholdDivision, now);
        db.Businesses.Add(business);
        outbox.Enqueue(new BusinessRegistered(
            Guid.CreateVersion7(now), now, business.Id, business.FounderWorkerId, business.CreditCode, EnumNames.Of(business.Kind),
            business.Sector, business.RegisteredOn, business.JobsCreated));
        var eligibility = await EligibilityContext.LoadAsync(db, [founder.WorkerId], CityCalendar.DayOf(now), cancellationToken);
        eligibility.Include(business);
        db.Funnel.AddRange(eligibility.NewlyEligible([founder], await EligibilityContext.ExistingEntriesAsync(db, [founder.WorkerId], cancellationToken), now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            var winner = await db.Businesses.AsNoTracking().Where(b => b.CreditCode == creditCode.Value).Select(b => b.Id).FirstAsync(cancellationToken);
            throw AlreadyRegistered(winner);
        }

        return BusinessView.From(business);
    }

    private static ConflictException AlreadyRegistered(Guid id) =>
        new("business-already-registered", "A business with this unified social credit code is already registered.", BusinessView.PathOf(id));
}
