using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Web;
using Homeward.BuildingBlocks.Web.Caching;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Homeward.BuildingBlocks.Tests.Web;

/// <summary>
/// The figures cache on a test application whose figures count their own computations: fresh for a minute, then
/// served stale for five more while one recomputation runs, never shared between divisions.
/// </summary>
public sealed class FiguresCacheTests : IAsyncLifetime
{
    private const string County = "419921000000";
    private const string OtherCounty = "419922000000";
    private static readonly TimeSpan PastFresh = TimeSpan.FromMinutes(2);

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly CountedFigures _figures = new();
    private TestTokenIssuer _tokens = null!;
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        _tokens = await TestTokenIssuer.GetAsync();
        _app = await StartAsync(TimeSpan.FromMinutes(1));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_stale_answer_is_served_at_once_while_one_recomputation_runs_and_then_the_new_figures_are_served()
    {
        var first = await GetAsync(County);
        _clock.Advance(PastFresh);
        _figures.Hold();

        var stale = await Task.WhenAll(GetAsync(County), GetAsync(County), GetAsync(County));
        await Eventually.TrueAsync(() => Task.FromResult(_figures.Computations == 2), "the recomputation to start");
        var servedWhileRecomputing = await GetAsync(County);
        _figures.Release();
        var fresh = await Eventually.MatchesAsync(() => GetAsync(County), answer => answer.Computation == 2, "the new figures to be served");

        Assert.Equal(1, first.Computation);
        Assert.Null(first.Age);
        Assert.All(stale, answer => Assert.Equal((1, County), (answer.Computation, answer.Division)));
        Assert.All(stale, answer => Assert.True(answer.Age >= PastFresh, $"Age {answer.Age}"));
        Assert.Equal(1, servedWhileRecomputing.Computation);
        Assert.Equal(County, fresh.Division);
        Assert.Equal(2, _figures.Computations);
    }

    [Fact]
    public async Task Concurrent_requests_for_figures_not_yet_known_wait_for_one_computation()
    {
        _figures.Hold();

        var requests = Enumerable.Range(0, 5).Select(_ => GetAsync(County)).ToList();
        await Eventually.TrueAsync(() => Task.FromResult(_figures.Arrived == 5 && _figures.Computations == 1), "every request to arrive");
        Assert.DoesNotContain(requests, request => request.IsCompleted);
        _figures.Release();
        var answers = await Task.WhenAll(requests);

        Assert.All(answers, answer => Assert.Equal((1, County), (answer.Computation, answer.Division)));
        Assert.Equal(1, _figures.Computations);
    }

    [Fact]
    public async Task Callers_of_different_divisions_never_share_figures()
    {
        var county = await GetAsync(County);
        var otherCounty = await GetAsync(OtherCounty);
        _clock.Advance(PastFresh);
        var staleCounty = await GetAsync(County);
        var staleOtherCounty = await GetAsync(OtherCounty);

        Assert.Equal((1, County), (county.Computation, county.Division));
        Assert.Equal((2, OtherCounty), (otherCounty.Computation, otherCounty.Division));
        Assert.Equal((1, County), (staleCounty.Computation, staleCounty.Division));
        Assert.Equal((2, OtherCounty), (staleOtherCounty.Computation, staleOtherCounty.Division));
        var refreshed = await Eventually.MatchesAsync(
            async () => (await GetAsync(County), await GetAsync(OtherCounty)),
            answers => answers.Item1.Computation > 2 && answers.Item2.Computation > 2,
            "both divisions to be recomputed");
        Assert.Equal(County, refreshed.Item1.Division);
        Assert.Equal(OtherCounty, refreshed.Item2.Division);
    }

    [Fact]
    public async Task A_failing_recomputation_keeps_the_last_figures_served_until_they_are_too_old_and_then_the_failure_reaches_the_caller()
    {
        var good = await GetAsync(County);
        _clock.Advance(PastFresh);
        _figures.StartFailing();

        var staleWhileFailing = await GetAsync(County);
        await Eventually.TrueAsync(() => Task.FromResult(_figures.Failures >= 1), "the recomputation to fail");
        var staleAfterFailure = await GetAsync(County);
        _clock.Advance(TimeSpan.FromMinutes(5));
        var tooOld = await ClientFor(County).GetAsync("/figures");
        _figures.StopFailing();
        var recovered = await GetAsync(County);

        Assert.Equal(1, good.Computation);
        Assert.Equal(1, staleWhileFailing.Computation);
        Assert.Equal(1, staleAfterFailure.Computation);
        await tooOld.AssertProblemAsync(HttpStatusCode.InternalServerError);
        Assert.True(recovered.Computation > 1);
        Assert.Null(recovered.Age);
    }

    [Fact]
    public async Task A_query_the_endpoint_cannot_read_is_refused_as_without_the_cache_and_nothing_is_computed()
    {
        using var client = ClientFor(County);

        var refused = await client.GetAsync("/figures?year=last");
        var again = await client.GetAsync("/figures?year=last");

        await refused.AssertProblemAsync(HttpStatusCode.BadRequest);
        await again.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, _figures.Computations);
    }

    [Fact]
    public async Task A_cache_duration_of_zero_answers_every_request_afresh()
    {
        await using var uncached = await StartAsync(TimeSpan.Zero);
        using var client = uncached.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens.TokenFor(CallerOf(County)));
        var figures = uncached.Services.GetRequiredService<CountedFigures>();

        var first = await client.GetAsync("/figures");
        var second = await client.GetAsync("/figures");

        Assert.Equal(1, (await first.Content.ReadFromJsonAsync<Figures>())!.Computation);
        Assert.Equal(2, (await second.Content.ReadFromJsonAsync<Figures>())!.Computation);
        Assert.Null(second.Headers.Age);
        Assert.Equal(2, figures.Computations);
    }

    private static Caller CallerOf(string division) => Caller.Staff(division, Roles.CountyOfficer, Scopes.JobMatchingRead);

    private async Task<WebApplication> StartAsync(TimeSpan cacheDuration)
    {
        var builder = TestServiceApp.CreateBuilder(
            _tokens,
            new ServiceDescription("job-matching", "Figures cache test", "Figures that count their computations."),
            new Dictionary<string, string?> { ["Figures:CacheDuration"] = cacheDuration.ToString(), ["Figures:ServeStaleFor"] = "00:05:00" });
        builder.Services.AddSingleton<TimeProvider>(_clock);
        builder.Services.AddSingleton(cacheDuration > TimeSpan.Zero ? _figures : new CountedFigures());
        var app = builder.Build();
        app.UseServiceDefaults();
        app.Use((http, next) =>
        {
            http.RequestServices.GetRequiredService<CountedFigures>().Arrive();
            return next(http);
        });
        app.MapGet("/figures", (CountedFigures figures, ICurrentUser user, int? year) => figures.ComputeAsync(user.Division?.Value))
            .RequireScope(Scopes.JobMatchingRead)
            .CacheFigures();
        await app.StartAsync();
        return app;
    }

    private HttpClient ClientFor(string division)
    {
        var client = _app.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens.TokenFor(CallerOf(division)));
        return client;
    }

    private async Task<Answer> GetAsync(string division)
    {
        using var client = ClientFor(division);
        var response = await client.GetAsync("/figures");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var figures = (await response.Content.ReadFromJsonAsync<Figures>())!;
        return new Answer(figures.Computation, figures.Division, response.Headers.Age);
    }

    private sealed record Answer(int Computation, string? Division, TimeSpan? Age);

    public sealed record Figures(string? Division, int Computation);

    /// <summary>Figures whose every computation is numbered; they can be held back or made to fail.</summary>
    private sealed class CountedFigures
    {
        private int _arrived;
        private int _computations;
        private int _failures;
        private volatile bool _failing;
        private volatile TaskCompletionSource _gate = Open();

        public int Arrived => Volatile.Read(ref _arrived);

        public int Computations => Volatile.Read(ref _computations);

        public int Failures => Volatile.Read(ref _failures);

        public void Arrive() => Interlocked.Increment(ref _arrived);

        public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _gate.TrySetResult();

        public void StartFailing() => _failing = true;

        public void StopFailing() => _failing = false;

        public async Task<IResult> ComputeAsync(string? division)
        {
            var computation = Interlocked.Increment(ref _computations);
            await _gate.Task;
            if (_failing)
            {
                Interlocked.Increment(ref _failures);
                throw new InvalidOperationException("The count failed.");
            }

            return TypedResults.Ok(new Figures(division, computation));
        }

        private static TaskCompletionSource Open()
        {
            var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            open.SetResult();
            return open;
        }
    }
}
