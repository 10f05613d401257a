using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Subsidy.Application.Businesses;
using Homeward.Subsidy.Application.Common;
using Homeward.Subsidy.Domain.Payments;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Homeward.Subsidy.Application.Payments;

public sealed record LoanView(
    Guid Id, Guid BusinessId, Guid FounderWorkerId, string Division, string Bank, decimal Amount, int TermMonths, decimal InterestSubsidyShare,
    DateOnly GrantedOn, int JobsReported, uint RowVersion)
{
    public static LoanView From(GuaranteedLoan l) => new(
        l.Id, l.BusinessId, l.FounderWorkerId, l.Division, l.Bank, l.Amount, l.TermMonths, l.InterestSubsidyShare, l.GrantedOn, l.JobsReported, l.RowVersion);

    public static string PathOf(Guid id) => $"/api/subsidy/v1/loans/{id}";
}

/// <summary>Records a guaranteed loan a bank granted to a business of the caller's division, within the cap for its kind.</summary>
public sealed record GrantLoan(Guid BusinessId, string Bank, decimal Amount, int TermMonths, decimal InterestSubsidyShare, DateOnly? GrantedOn, int JobsReported)
    : ICommand<LoanView>;

public sealed class GrantLoanValidator : AbstractValidator<GrantLoan>
{
    public GrantLoanValidator()
    {
        RuleFor(c => c.BusinessId).NotEmpty();
        RuleFor(c => c.Bank).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Amount).GreaterThan(0).Must(SharedKernel.Finance.Money.IsValidAmount).WithMessage("Yuan with at most two decimals, more than 0.");
        RuleFor(c => c.TermMonths).InclusiveBetween(1, GuaranteedLoan.MaxTermMonths);
        RuleFor(c => c.InterestSubsidyShare).InclusiveBetween(0m, 1m);
        RuleFor(c => c.GrantedOn).NotNull();
        RuleFor(c => c.JobsReported).InclusiveBetween(0, 100_000);
    }
}

public sealed class GrantLoanHandler(ISubsidyDbContext db, ICurrentUser currentUser, IOptions<SubsidyOptions> options, TimeProvider clock)
    : ICommandHandler<GrantLoan, LoanView>
{
    public async ValueTask<LoanView> Handle(GrantLoan command, CancellationToken cancellationToken)
    {
        var business = await db.Businesses.AsNoTracking().FindVisibleAsync(currentUser, command.BusinessId, cancellationToken);
        var caps = new LoanCaps(options.Value.IndividualLoanCap, options.Value.SmallFirmLoanCap);
        var now = clock.GetUtcNow();
        var loan = GuaranteedLoan.Grant(
            Guid.CreateVersion7(now), business, command.Bank, command.Amount, command.TermMonths, command.InterestSubsidyShare, command.GrantedOn!.Value,
            command.JobsReported, caps, now);
        db.Loans.Add(loan);
        await db.SaveChangesAsync(cancellationToken);
        return LoanView.From(loan);
    }
}

/// <summary>The jobs a funded business reports now, if the caller still has the version they read.</summary>
public sealed record ReportLoanJobs(Guid LoanId, uint ExpectedVersion, int Jobs) : ICommand<LoanView>;

public sealed class ReportLoanJobsHandler(ISubsidyDbContext db, ICurrentUser currentUser) : ICommandHandler<ReportLoanJobs, LoanView>
{
    public async ValueTask<LoanView> Handle(ReportLoanJobs command, CancellationToken cancellationToken)
    {
        var loan = await db.Loans.WithinDivisionOf(currentUser, l => l.Division).FirstOrDefaultAsync(l => l.Id == command.LoanId, cancellationToken)
            ?? throw new NotFoundException("Loan", command.LoanId);
        if (loan.RowVersion != command.ExpectedVersion)
        {
            throw new PreconditionFailedException("Loan", command.LoanId);
        }

        db.ExpectRowVersion(loan, command.ExpectedVersion);
        loan.ReportJobs(command.Jobs);
        await db.SaveChangesAsync(cancellationToken);
        return LoanView.From(loan);
    }
}

public sealed record GetLoan(Guid LoanId) : IQuery<LoanView>;

public sealed class GetLoanHandler(ISubsidyDbContext db, ICurrentUser currentUser) : IQueryHandler<GetLoan, LoanView>
{
    public async ValueTask<LoanView> Handle(GetLoan query, CancellationToken cancellationToken) =>
        LoanView.From(
            await db.Loans.AsNoTracking().WithinDivisionOf(currentUser, l => l.Division).FirstOrDefaultAsync(l => l.Id == query.LoanId, cancellationToken)
            ?? throw new NotFoundException("Loan", query.LoanId));
}

public sealed record ListLoans(Guid? BusinessId, PageRequest Page) : IQuery<Page<LoanView>>;

public sealed class ListLoansHandler(ISubsidyDbContext db, ICurrentUser currentUser) : IQueryHandler<ListLoans, Page<LoanView>>
{
    public async ValueTask<Page<LoanView>> Handle(ListLoans query, CancellationToken cancellationToken)
    {
        var after = query.Page.After<Guid?>();
        var fetched = await db.Loans.AsNoTracking().WithinDivisionOf(currentUser, l => l.Division)
            .Where(l => query.BusinessId == null || l.BusinessId == query.BusinessId)
            .Where(l => after == null || l.Id.CompareTo(after.Value) > 0)
            .OrderBy(l => l.Id)
            .Take(query.Page.Limit + 1)
            .ToListAsync(cancellationToken);
        return Page<LoanView>.FromOverFetch(fetched.Select(LoanView.From).ToList(), query.Page, l => (Guid?)l.Id);
    }
}

public sealed record TaxReliefView(Guid Id, Guid BusinessId, DateOnly From, DateOnly To)
{
    public static TaxReliefView Of(TaxReliefPeriod p) => new(p.Id, p.BusinessId, p.From, p.To);
}

/// <summary>Grants a business of the caller's division a tax relief period; all of a business's relief lies within three years.</summary>
public sealed record GrantTaxRelief(Guid BusinessId, DateOnly? From, DateOnly? To) : ICommand<TaxReliefView>;

public sealed class GrantTaxReliefValidator : AbstractValidator<GrantTaxRelief>
{
    public GrantTaxReliefValidator()
    {
        RuleFor(c => c.From).NotNull();
        RuleFor(c => c.To).NotNull();
    }
}

public sealed class GrantTaxReliefHandler(ISubsidyDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<GrantTaxRelief, TaxReliefView>
{
    public async ValueTask<TaxReliefView> Handle(GrantTaxRelief command, CancellationToken cancellationToken)
    {
        var business = await db.Businesses.FindVisibleAsync(currentUser, command.BusinessId, cancellationToken);
        // Counting the grant on the business makes two grants at once collide on its row version (the loser answers 412
        // and reads again), so they cannot both pass the three-year check.
        db.ExpectRowVersion(business, business.RowVersion);
        business.CountTaxReliefGrant();
        var existing = await db.TaxReliefPeriods.Where(p => p.BusinessId == business.Id).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var period = TaxReliefPeriod.Grant(Guid.CreateVersion7(now), business, command.From!.Value, command.To!.Value, existing, now);
        db.TaxReliefPeriods.Add(period);
        await db.SaveChangesAsync(cancellationToken);
        return TaxReliefView.Of(period);
    }
}

public sealed record ListTaxRelief(Guid BusinessId) : IQuery<IReadOnlyList<TaxReliefView>>;

public sealed class ListTaxReliefHandler(ISubsidyDbContext db, ICurrentUser currentUser) : IQueryHandler<ListTaxRelief, IReadOnlyList<TaxReliefView>>
{
    public async ValueTask<IReadOnlyList<TaxReliefView>> Handle(ListTaxRelief query, CancellationToken cancellationToken)
    {
        var business = await db.Businesses.AsNoTracking().FindVisibleAsync(currentUser, query.BusinessId, cancellationToken);
        return (await db.TaxReliefPeriods.AsNoTracking().Where(p => p.BusinessId == business.Id).OrderBy(p => p.From).ToListAsync(cancellationToken))
            .Select(TaxReliefView.Of).ToList();
    }
}
