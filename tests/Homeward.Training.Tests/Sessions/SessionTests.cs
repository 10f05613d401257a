using System.Net;
using System.Net.Http.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Testing;

namespace Homeward.Training.Tests.Sessions;

/// <summary>Sessions: of published courses only, in the planner's division, moving forward through their statuses.</summary>
public sealed class SessionTests(TrainingService training) : IClassFixture<TrainingService>
{
    private const string Sessions = $"{TrainingApi.Root}/sessions";

    [Fact]
    public async Task A_session_of_a_published_course_carries_its_trade_level_provider_and_instructors()
    {
        var courseId = await training.Client.PublishedCourseAsync("electrician", "intermediate");

        var session = await training.Client.PlanSessionAsync(courseId, 30);

        Assert.Equal("planned", session.GetProperty("status").GetString());
        Assert.Equal("electrician", session.GetProperty("tradeCode").GetString());
        Assert.Equal("intermediate", session.GetProperty("level").GetString());
        Assert.Equal(TrainingApi.CountyA, session.GetProperty("division").GetString());
        Assert.Equal(30, session.GetProperty("seatsLeft").GetInt32());
        Assert.Equal(["王师傅"], session.GetProperty("instructors").EnumerateArray().Select(i => i.GetString()));
    }

    [Fact]
    public async Task A_draft_course_cannot_be_taught()
    {
        var providerId = await training.Client.CreateProviderAsync();
        var draft = await training.Client.DraftCourseAsync(providerId);

        var response = await training.Client.PostAsJsonAsync(Sessions, new
        {
            courseId = draft.GetProperty("id").GetGuid(), division = TrainingApi.CountyA, startsOn = "2026-03-01", endsOn = "2026-03-10", capacity = 10, instructors = new[] { "李" },
        });

        Assert.Equal("course-not-published", (await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_session_that_ends_before_it_starts_or_seats_no_one_is_a_400()
    {
        var response = await training.Client.PostAsJsonAsync(Sessions, new
        {
            courseId = Guid.NewGuid(), division = "4199", startsOn = "2026-03-10", endsOn = "2026-03-01", capacity = 0, instructors = Array.Empty<string>(),
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["capacity", "division", "endsOn", "instructors"], problem.ErrorFields().Order());
    }

    [Fact]
    public async Task Statuses_move_forward_only_and_with_the_current_etag()
    {
        var courseId = await training.Client.PublishedCourseAsync();
        var planned = await training.Client.PlanSessionAsync(courseId, 10);
        var id = planned.GetProperty("id").GetGuid();

        var skipped = await training.Client.SendWithIfMatchAsync(HttpMethod.Post, $"{Sessions}/{id}/status", planned, new { status = "completed" });
        Assert.Equal("session-transition-not-allowed", (await skipped.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());
        await (await training.Client.PostAsJsonAsync($"{Sessions}/{id}/status", new { status = "open" })).AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        var open = await (await training.Client.SendWithIfMatchAsync(HttpMethod.Post, $"{Sessions}/{id}/status", planned, new { status = "open" })).OkAsync();
        await (await training.Client.SendWithIfMatchAsync(HttpMethod.Post, $"{Sessions}/{id}/status", planned, new { status = "inProgress" }))
            .AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var cancelled = await (await training.Client.SendWithIfMatchAsync(HttpMethod.Post, $"{Sessions}/{id}/status", open, new { status = "cancelled" })).OkAsync();

        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_county_plans_and_runs_sessions_in_its_own_county_only()
    {
        var countyA = training.ClientFor(Caller.Staff(TrainingApi.CountyA, Roles.CountyOfficer, Scopes.TrainingWrite, Scopes.TrainingRead));
        var courseId = await training.Client.PublishedCourseAsync();
        var elsewhere = await training.Client.PlanSessionAsync(courseId, 10, TrainingApi.CountyB);

        var response = await countyA.PostAsJsonAsync(Sessions, new
        {
            courseId, division = TrainingApi.CountyB, startsOn = "2026-03-01", endsOn = "2026-03-10", capacity = 10, instructors = new[] { "李" },
        });
        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        var moved = await countyA.SendWithIfMatchAsync(HttpMethod.Post, $"{Sessions}/{elsewhere.GetProperty("id").GetGuid()}/status", elsewhere, new { status = "open" });
        await moved.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await countyA.GetAsync($"{Sessions}/{elsewhere.GetProperty("id").GetGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Sessions_are_listed_by_division_trade_and_status()
    {
        var courseId = await training.Client.PublishedCourseAsync("forklift-driver");
        var session = await training.Client.PlanSessionAsync(courseId, 10, TrainingApi.CountyB);

        var list = await (await training.Client.GetAsync($"{Sessions}?division={TrainingApi.CountyB}&tradeCode=forklift-driver&status=planned")).OkAsync();

        Assert.Equal([session.GetProperty("id").GetGuid()], list.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()));
        await (await training.Client.GetAsync($"{Sessions}?division=12")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
