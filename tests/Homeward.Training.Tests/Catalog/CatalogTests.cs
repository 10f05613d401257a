using System.Net;
using System.Net.Http.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Testing;

namespace Homeward.Training.Tests.Catalog;

/// <summary>Providers and courses: a course is published only with enough practice, changed only as a draft, and always with If-Match.</summary>
public sealed class CatalogTests(TrainingService training) : IClassFixture<TrainingService>
{
    private const string Courses = $"{TrainingApi.Root}/courses";

    [Fact]
    public async Task A_course_below_the_minimum_practical_share_cannot_be_published()
    {
        var providerId = await training.Client.CreateProviderAsync();
        var course = await training.Client.DraftCourseAsync(providerId, theoryHours: 80, practicalHours: 0);
        var id = course.GetProperty("id").GetGuid();
        Assert.Equal("draft", course.GetProperty("status").GetString());
        Assert.Equal(0m, course.GetProperty("practicalShare").GetDecimal());

        var refused = await training.Client.SendWithIfMatchAsync(HttpMethod.Post, $"{Courses}/{id}/publish", course);

        var problem = await refused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("practical-share-too-low", problem.GetProperty("code").GetString());
        var unchanged = await (await training.Client.GetAsync($"{Courses}/{id}")).OkAsync();
        Assert.Equal("draft", unchanged.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_draft_changed_to_enough_practice_is_published_and_then_no_longer_changed()
    {
        var providerId = await training.Client.CreateProviderAsync();
        var draft = await training.Client.DraftCourseAsync(providerId, theoryHours: 70, practicalHours: 10);
        var id = draft.GetProperty("id").GetGuid();
        var body = new { tradeCode = "housekeeping", level = "junior", title = "家政服务员实操班", theoryHours = 30, practicalHours = 50, syllabus = new[] { "保洁", "母婴护理实操" } };

        var changed = await (await training.Client.SendWithIfMatchAsync(HttpMethod.Put, $"{Courses}/{id}", draft, body)).OkAsync();
        var published = await (await training.Client.SendWithIfMatchAsync(HttpMethod.Post, $"{Courses}/{id}/publish", changed)).OkAsync();

        Assert.Equal("published", published.GetProperty("status").GetString());
        Assert.Equal(0.625m, published.GetProperty("practicalShare").GetDecimal());
        Assert.Equal("housekeeping", published.GetProperty("tradeCode").GetString());
        var refused = await training.Client.SendWithIfMatchAsync(HttpMethod.Put, $"{Courses}/{id}", published, body);
        Assert.Equal("course-not-draft", (await refused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Changing_a_course_needs_the_current_etag()
    {
        var providerId = await training.Client.CreateProviderAsync();
        var draft = await training.Client.DraftCourseAsync(providerId);
        var id = draft.GetProperty("id").GetGuid();
        var body = new { tradeCode = "welder", level = "junior", title = "焊工", theoryHours = 30, practicalHours = 50, syllabus = new[] { "焊接" } };

        await (await training.Client.PutAsJsonAsync($"{Courses}/{id}", body)).AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await training.Client.SendWithIfMatchAsync(HttpMethod.Put, $"{Courses}/{id}", draft, body)).OkAsync();
        await (await training.Client.SendWithIfMatchAsync(HttpMethod.Put, $"{Courses}/{id}", draft, body)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task A_course_with_missing_or_invalid_fields_is_a_400_naming_each()
    {
        var response = await training.Client.PostAsJsonAsync(Courses, new { tradeCode = "astronaut", level = "none", theoryHours = -1, practicalHours = 5000, syllabus = Array.Empty<string>() });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["level", "practicalHours", "providerId", "syllabus", "theoryHours", "title", "tradeCode"], problem.ErrorFields().Order());
    }

    [Fact]
    public async Task Unknown_members_are_refused()
    {
        var response = await training.Client.PostAsJsonAsync($"{TrainingApi.Root}/providers", new { name = "学校", division = TrainingApi.CountyA, status = "approved" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_course_of_an_unknown_provider_is_404()
    {
        var response = await training.Client.PostAsJsonAsync(Courses, new
        {
            providerId = Guid.NewGuid(), tradeCode = "welder", level = "junior", title = "焊工", theoryHours = 10, practicalHours = 20, syllabus = new[] { "焊接" },
        });

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_county_registers_providers_in_its_own_county_only_and_townships_keep_no_catalog()
    {
        var countyA = training.ClientFor(Caller.Staff(TrainingApi.CountyA, Roles.CountyOfficer, Scopes.TrainingWrite, Scopes.TrainingRead));
        var township = training.ClientFor(Caller.Staff("419921101000", Roles.TownshipOfficer, Scopes.TrainingWrite, Scopes.TrainingRead));

        await countyA.CreateProviderAsync(TrainingApi.CountyA);
        await (await countyA.PostAsJsonAsync($"{TrainingApi.Root}/providers", new { name = "外县学校", division = TrainingApi.CountyB })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await township.PostAsJsonAsync($"{TrainingApi.Root}/providers", new { name = "镇学校", division = "419921101000" })).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Creating_a_provider_again_with_the_same_idempotency_key_replays_the_first_answer()
    {
        var first = new HttpRequestMessage(HttpMethod.Post, $"{TrainingApi.Root}/providers") { Content = JsonContent.Create(new { name = "重放学校", division = TrainingApi.CountyA }) };
        first.Headers.Add("Idempotency-Key", "provider-replay-1");
        var again = new HttpRequestMessage(HttpMethod.Post, $"{TrainingApi.Root}/providers") { Content = JsonContent.Create(new { name = "重放学校", division = TrainingApi.CountyA }) };
        again.Headers.Add("Idempotency-Key", "provider-replay-1");

        var created = await (await training.Client.SendAsync(first)).CreatedAsync();
        var replayed = await (await training.Client.SendAsync(again)).CreatedAsync();

        Assert.Equal(created.GetProperty("id").GetGuid(), replayed.GetProperty("id").GetGuid());
        Assert.Equal(1L, await training.Database.ScalarAsAdminAsync<long>("SELECT count(*) FROM training.providers WHERE name = '重放学校'"));
    }

    [Fact]
    public async Task Courses_are_listed_by_trade_and_status()
    {
        var courseId = await training.Client.PublishedCourseAsync("e-commerce", "junior");

        var list = await (await training.Client.GetAsync($"{Courses}?tradeCode=e-commerce&status=published")).OkAsync();

        Assert.Contains(courseId, list.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        Assert.All(list.GetProperty("items").EnumerateArray(), c => Assert.Equal("e-commerce", c.GetProperty("tradeCode").GetString()));
        await (await training.Client.GetAsync($"{Courses}?status=shelved")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
