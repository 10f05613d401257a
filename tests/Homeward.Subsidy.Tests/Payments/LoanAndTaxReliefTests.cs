using System.Net;
using System.Net.Http.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Subsidy.Tests.Applications;
using Homeward.Subsidy.Tests.Businesses;
using Homeward.Testing;

namespace Homeward.Subsidy.Tests.Payments;

/// <summary>Guaranteed loans within configurable caps, the jobs they drive, and tax relief within three years.</summary>
public sealed class LoanAndTaxReliefTests(SubsidyService subsidy) : IClassFixture<SubsidyService>
{
    private readonly Desk _desk = new(subsidy);

    [Theory]
    [InlineData("individualBusiness", 300_000, true)]
    [InlineData("individualBusiness", 300_000.01, false)]
    [InlineData("microEnterprise", 4_000_000, true)]
    [InlineData("cooperative", 4_000_001, false)]
    public async Task A_loan_stays_within_the_cap_for_the_kind_of_business(string kind, decimal amount, bool granted)
    {
        var business = await BusinessAsync(kind);

        var response = await _desk.Approver.PostAsJsonAsync($"{SubsidyApi.Root}/loans", Loan(business, amount));

        if (granted)
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        else
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal("loan-over-cap", problem.GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task A_loan_reports_the_jobs_its_business_created_and_is_seen_only_in_its_division()
    {
        var business = await BusinessAsync("microEnterprise");
        var loan = await _desk.Approver.PostJsonAsync($"{SubsidyApi.Root}/loans", Loan(business, 500_000m));
        var path = $"{SubsidyApi.Root}/loans/{loan.GetProperty("id").GetGuid()}";
        var (_, etag) = await _desk.Approver.ReadWithETagAsync(path);

        var reported = await Desk.OkAsync(await _desk.CaseWorker.SendWithIfMatchAsync(HttpMethod.Post, $"{path}/job-reports", new { jobs = 12 }, etag));

        Assert.Equal(12, reported.GetProperty("jobsReported").GetInt32());
        await (await _desk.CaseWorker.SendWithIfMatchAsync(HttpMethod.Post, $"{path}/job-reports", new { jobs = 13 }, etag)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var elsewhere = subsidy.ClientFor(Caller.Staff("419922000000", Roles.Approver, Scopes.SubsidyRead, Scopes.SubsidyWrite));
        await (await elsewhere.GetAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await elsewhere.PostAsJsonAsync($"{SubsidyApi.Root}/loans", Loan(business, 1000m))).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await elsewhere.ReadJsonAsync($"{SubsidyApi.Root}/loans?businessId={business}")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Bad_loan_terms_are_400s_naming_the_fields()
    {
        var business = await BusinessAsync("microEnterprise");

        var problem = await (await _desk.Approver.PostAsJsonAsync($"{SubsidyApi.Root}/loans",
            new { businessId = business, bank = "", amount = 1000.001m, termMonths = 48, interestSubsidyShare = 1.5m, grantedOn = "2026-01-10", jobsReported = 2 }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("bank", out _));
        Assert.True(errors.TryGetProperty("amount", out _));
        Assert.True(errors.TryGetProperty("termMonths", out _));
        Assert.True(errors.TryGetProperty("interestSubsidyShare", out _));
    }

    [Fact]
    public async Task Tax_relief_of_a_business_lies_within_three_years_and_periods_do_not_overlap()
    {
        var business = await BusinessAsync("individualBusiness");
        var path = $"{SubsidyApi.Root}/businesses/{business}/tax-relief";

        await _desk.Approver.PostJsonAsync(path, new { from = "2025-01-01", to = "2025-12-31" });
        await _desk.Approver.PostJsonAsync(path, new { from = "2026-01-01", to = "2027-12-31" });

        var tooLong = await (await _desk.Approver.PostAsJsonAsync(path, new { from = "2028-01-01", to = "2028-01-31" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("tax-relief-too-long", tooLong.GetProperty("code").GetString());
        var overlap = await (await _desk.Approver.PostAsJsonAsync(path, new { from = "2025-06-01", to = "2025-06-30" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("tax-relief-overlap", overlap.GetProperty("code").GetString());
        var periods = await _desk.Approver.ReadJsonAsync(path);
        Assert.Equal(2, periods.GetArrayLength());
        var elsewhere = subsidy.ClientFor(Caller.Staff("419922000000", Roles.Approver, Scopes.SubsidyRead, Scopes.SubsidyWrite));
        await (await elsewhere.GetAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<Guid> BusinessAsync(string kind)
    {
        var founder = await subsidy.RegisterWorkerAsync(SubsidyEvents.Registered());
        return (await _desk.CaseWorker.RegisterBusinessAsync(founder, kind: kind)).GetProperty("id").GetGuid();
    }

    private static object Loan(Guid business, decimal amount) =>
        new { businessId = business, bank = "示范市农村商业银行", amount, termMonths = 24, interestSubsidyShare = 1.0m, grantedOn = "2026-01-10", jobsReported = 3 };
}
