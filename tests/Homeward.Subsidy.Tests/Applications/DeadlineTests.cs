using Homeward.BuildingBlocks.Web.Security;
using Homeward.Testing;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Homeward.Subsidy.Tests.Applications;

/// <summary>
/// Stage deadlines and the overdue queue on an injected clock: the service runs on a <see cref="FakeTimeProvider"/> the
/// test moves forward, while tokens are still checked against real time.
/// </summary>
public sealed class DeadlineTests(SubsidyService subsidy) : IClassFixture<SubsidyService>, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private WebApplicationFactory<Program> _factory = null!;
    private Desk _desk = null!;

    public Task InitializeAsync()
    {
        _factory = subsidy.Factory.WithWebHostBuilder(host => host.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(_clock);
            services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
            {
                jwt.TimeProvider = TimeProvider.System;
                jwt.TokenHandlers.Clear();
                jwt.TokenHandlers.Add(new RecentTokenHandler(TimeProvider.System));
            });
        }));
        _desk = new Desk(subsidy, ClientFor);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Each_review_stage_has_a_deadline_and_an_owner_and_lands_in_the_overdue_queue_when_it_passes()
    {
        var policyId = await _desk.PolicyAsync();
        var application = await _desk.DraftAsync(policyId);
        await Desk.OkAsync(await _desk.UploadAsync(application));
        var submittedAt = _clock.GetUtcNow();
        var submitted = await Desk.OkAsync(await _desk.ActAsync(_desk.CaseWorker, application, "submission"));
        Assert.Equal(submittedAt.AddDays(5), submitted.GetProperty("stageDueAt").GetDateTimeOffset());

        _clock.Advance(TimeSpan.FromDays(4));
        Assert.DoesNotContain(await OverdueIdsAsync(), id => id == application.GetProperty("id").GetGuid());
        _clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        Assert.Contains(await OverdueIdsAsync(), id => id == application.GetProperty("id").GetGuid());
        var overdue = await _desk.Reviewer.ReadJsonAsync(Desk.PathOf(application));
        Assert.True(overdue.GetProperty("overdue").GetBoolean());
        Assert.Equal(Desk.Township, overdue.GetProperty("stageOwnerDivision").GetString());

        var forwardedAt = _clock.GetUtcNow();
        var forwarded = await Desk.OkAsync(await _desk.ActAsync(_desk.Reviewer, application, "pre-review", new { decision = "forward" }));
        Assert.Equal(forwardedAt.AddDays(10), forwarded.GetProperty("stageDueAt").GetDateTimeOffset());
        Assert.DoesNotContain(await OverdueIdsAsync(), id => id == application.GetProperty("id").GetGuid());
        _clock.Advance(TimeSpan.FromDays(11));
        Assert.Contains(await OverdueIdsAsync(), id => id == application.GetProperty("id").GetGuid());

        var approved = await Desk.OkAsync(await _desk.ActAsync(_desk.Approver, application, "approval", new { decision = "approve" }));
        Assert.Equal((_clock.GetUtcNow() - submittedAt).TotalHours, approved.GetProperty("hoursToDecision").GetDouble(), 1);
        Assert.DoesNotContain(await OverdueIdsAsync(), id => id == application.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task The_overdue_queue_is_limited_to_the_callers_division()
    {
        var policyId = await _desk.PolicyAsync();
        var application = await _desk.DraftAsync(policyId);
        await Desk.OkAsync(await _desk.UploadAsync(application));
        await Desk.OkAsync(await _desk.ActAsync(_desk.CaseWorker, application, "submission"));
        _clock.Advance(TimeSpan.FromDays(30));
        var elsewhere = ClientFor(Caller.Staff("419922000000", BuildingBlocks.Application.Security.Roles.CountyOfficer, BuildingBlocks.Application.Security.Scopes.SubsidyRead));

        var listed = await elsewhere.ReadJsonAsync($"{SubsidyApi.Root}/applications/overdue");

        Assert.DoesNotContain(listed.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == application.GetProperty("id").GetGuid());
        Assert.Contains(await OverdueIdsAsync(), id => id == application.GetProperty("id").GetGuid());
    }

    private HttpClient ClientFor(Caller caller)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", subsidy.Tokens.TokenFor(caller));
        return client;
    }

    private async Task<List<Guid>> OverdueIdsAsync()
    {
        var page = await _desk.Approver.ReadJsonAsync($"{SubsidyApi.Root}/applications/overdue?limit=200");
        return [.. page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid())];
    }
}
