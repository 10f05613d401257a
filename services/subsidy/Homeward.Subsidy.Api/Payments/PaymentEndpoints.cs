using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Web.Http;
using Homeward.BuildingBlocks.Web.Idempotency;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.Subsidy.Api.Common;
using Homeward.Subsidy.Application.Payments;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Homeward.Subsidy.Api.Payments;

public sealed record InstructDisbursementRequest(Guid? ApplicationId, string? BankName, string? BankAccount);

public sealed record DisbursementOutcomeRequest(DisbursementOutcome? Outcome, DateOnly? PaidOn, string? Reason);

public sealed record GrantLoanRequest(Guid? BusinessId, string? Bank, decimal? Amount, int? TermMonths, decimal? InterestSubsidyShare, DateOnly? GrantedOn, int? JobsReported);

public sealed record ReportJobsRequest(int? Jobs);

public sealed record GrantTaxReliefRequest(DateOnly? From, DateOnly? To);

public static class PaymentEndpoints
{
    public static RouteGroupBuilder MapPaymentEndpoints(this RouteGroupBuilder api)
    {
        var disbursements = api.MapGroup("/disbursements").WithTags("Disbursements");
        var payers = StaffRoles.Approvers.Append(Roles.CityAdmin).ToArray();

        disbursements.MapPost("/", InstructAsync)
            .RequireScope(Scopes.SubsidyWrite, payers)
            .WithName("InstructDisbursement")
            .WithSummary("Instruct the payment of an approved application into a bank account (send an Idempotency-Key)")
            .WithDescription("The account is stored encrypted and only ever shown masked. One instruction per application is instructed or paid at a time (409); "
                + "a request replayed with the same Idempotency-Key returns the first answer and pays nothing more.")
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        disbursements.MapGet("/", ListAsync)
            .RequireScope(Scopes.SubsidyRead)
            .WithName("ListDisbursements")
            .WithSummary("Disbursements of the caller's division, optionally of one application")
            .ProducesValidationProblem();

        disbursements.MapGet("/{disbursementId:guid}", GetAsync)
            .RequireScope(Scopes.SubsidyRead)
            .WithName("GetDisbursement")
            .WithSummary("A disbursement, its bank account masked")
            .ProducesProblem(StatusCodes.Status404NotFound);

        disbursements.MapPost("/{disbursementId:guid}/outcome", OutcomeAsync)
            .RequireScope(Scopes.SubsidyWrite, payers)
            .WithName("RecordDisbursementOutcome")
            .WithSummary("What the bank reports: paid (publishes SubsidyDisbursed), failed, or reversed (If-Match required)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        var loans = api.MapGroup("/loans").WithTags("Guaranteed loans");

        loans.MapPost("/", GrantLoanAsync)
            .RequireScope(Scopes.SubsidyWrite, payers)
            .WithName("GrantLoan")
            .WithSummary("Record a guaranteed startup loan to a business of the caller's division, within the cap for its kind")
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        loans.MapGet("/", ListLoansAsync)
            .RequireScope(Scopes.SubsidyRead)
            .WithName("ListLoans")
            .WithSummary("Guaranteed loans of the caller's division, optionally of one business")
            .ProducesValidationProblem();

        loans.MapGet("/{loanId:guid}", GetLoanAsync)
            .RequireScope(Scopes.SubsidyRead)
            .WithName("GetLoan")
            .WithSummary("A guaranteed loan")
            .ProducesProblem(StatusCodes.Status404NotFound);

        loans.MapPost("/{loanId:guid}/job-reports", ReportJobsAsync)
            .RequireScope(Scopes.SubsidyWrite, StaffRoles.CaseWorkers.Concat(payers).Distinct().ToArray())
            .WithName("ReportLoanJobs")
            .WithSummary("The jobs the funded business reports now (If-Match required)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        api.MapPost("/businesses/{businessId:guid}/tax-relief", GrantTaxReliefAsync)
            .RequireScope(Scopes.SubsidyWrite, payers)
            .WithTags("Tax relief")
            .WithName("GrantTaxRelief")
            .WithSummary("Grant a business a tax relief period; all its relief lies within three years of the first day")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/businesses/{businessId:guid}/tax-relief", ListTaxReliefAsync)
            .RequireScope(Scopes.SubsidyRead)
            .WithTags("Tax relief")
            .WithName("ListTaxRelief")
            .WithSummary("A business's tax relief periods")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Created<DisbursementView>> InstructAsync(InstructDisbursementRequest request, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var disbursement = await sender.Send(
            new InstructDisbursement(request.ApplicationId ?? Guid.Empty, request.BankName ?? string.Empty, request.BankAccount ?? string.Empty), cancellationToken);
        response.SetETag(disbursement.RowVersion);
        return TypedResults.Created(DisbursementView.PathOf(disbursement.Id), disbursement);
    }

    private static async Task<Ok<Page<DisbursementView>>> ListAsync(
        ISender sender, CancellationToken cancellationToken, Guid? applicationId = null, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListDisbursements(applicationId, PageRequest.Create(limit, cursor)), cancellationToken));

    private static async Task<Ok<DisbursementView>> GetAsync(Guid disbursementId, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var disbursement = await sender.Send(new GetDisbursement(disbursementId), cancellationToken);
        response.SetETag(disbursement.RowVersion);
        return TypedResults.Ok(disbursement);
    }

    private static async Task<Ok<DisbursementView>> OutcomeAsync(
        Guid disbursementId, DisbursementOutcomeRequest request, HttpRequest httpRequest, HttpResponse response, ISender sender, CancellationToken cancellationToken)
    {
        var expected = httpRequest.RequireIfMatch("Disbursement", disbursementId);
        var disbursement = await sender.Send(new RecordDisbursementOutcome(disbursementId, expected, request.Outcome, request.PaidOn, request.Reason), cancellationToken);
        response.SetETag(disbursement.RowVersion);
        return TypedResults.Ok(disbursement);
    }

    private static async Task<Created<LoanView>> GrantLoanAsync(GrantLoanRequest request, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var loan = await sender.Send(
            new GrantLoan(request.BusinessId ?? Guid.Empty, request.Bank ?? string.Empty, request.Amount ?? 0m, request.TermMonths ?? 0,
                request.InterestSubsidyShare ?? 0m, request.GrantedOn, request.JobsReported ?? 0),
            cancellationToken);
        response.SetETag(loan.RowVersion);
        return TypedResults.Created(LoanView.PathOf(loan.Id), loan);
    }

    private static async Task<Ok<Page<LoanView>>> ListLoansAsync(
        ISender sender, CancellationToken cancellationToken, Guid? businessId = null, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListLoans(businessId, PageRequest.Create(limit, cursor)), cancellationToken));

    private static async Task<Ok<LoanView>> GetLoanAsync(Guid loanId, ISender sender, HttpResponse response, CancellationToken cancellationToken)
    {
        var loan = await sender.Send(new GetLoan(loanId), cancellationToken);
        response.SetETag(loan.RowVersion);
        return TypedResults.Ok(loan);
    }

    private static async Task<Ok<LoanView>> ReportJobsAsync(
        Guid loanId, ReportJobsRequest request, HttpRequest httpRequest, HttpResponse response, ISender sender, CancellationToken cancellationToken)
    {
        var expected = httpRequest.RequireIfMatch("Loan", loanId);
        var loan = await sender.Send(new ReportLoanJobs(loanId, expected, request.Jobs ?? -1), cancellationToken);
        response.SetETag(loan.RowVersion);
        return TypedResults.Ok(loan);
    }

    private static async Task<Created<TaxReliefView>> GrantTaxReliefAsync(
        Guid businessId, GrantTaxReliefRequest request, ISender sender, CancellationToken cancellationToken)
    {
        var period = await sender.Send(new GrantTaxRelief(businessId, request.From, request.To), cancellationToken);
        return TypedResults.Created($"/api/subsidy/v1/businesses/{businessId}/tax-relief", period);
    }

    private static async Task<Ok<IReadOnlyList<TaxReliefView>>> ListTaxReliefAsync(Guid businessId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListTaxRelief(businessId), cancellationToken));
}
