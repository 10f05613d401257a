using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Testing;

namespace Homeward.Identity.Tests;

/// <summary>A city administrator, signed in through the real flow, manages staff accounts.</summary>
public sealed class StaffManagementTests(IdentityService identity) : IClassFixture<IdentityService>
{
    private HttpClient Admin => identity.Admin;

    [Fact]
    public async Task Creating_a_township_officer_answers_201_with_location_etag_and_the_account_without_its_password()
    {
        var userName = StaffApi.UniqueName("officer");

        var response = await StaffApi.CreateAsync(Admin, userName, [Roles.TownshipOfficer]);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var account = JsonDocument.Parse(body).RootElement;
        Assert.Equal($"{StaffApi.Path}/{StaffApi.IdOf(account)}", response.Headers.Location?.ToString());
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal(userName, account.GetProperty("userName").GetString());
        Assert.Equal([Roles.TownshipOfficer], account.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(StaffApi.Township, account.GetProperty("division").GetString());
        Assert.DoesNotContain(StaffApi.Password, body, StringComparison.Ordinal);
        Assert.DoesNotContain("password", body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(response.Headers.ETag?.ToString(), await StaffApi.ETagOfAsync(Admin, StaffApi.IdOf(account)));
    }

    [Fact]
    public async Task User_names_are_stored_in_lower_case()
    {
        var userName = StaffApi.UniqueName("Mixed.Case");

        var account = await StaffApi.CreatedAsync(Admin, userName, Roles.Auditor);

        Assert.Equal(userName.ToLowerInvariant(), account.GetProperty("userName").GetString());
    }

    [Theory]
    [InlineData("Short#1a")]
    [InlineData("onlylowercaseletters")]
    [InlineData("lowercase-and-symbols!")]
    [InlineData("{user}#Long-2026")]
    public async Task A_weak_password_answers_400_naming_password(string password)
    {
        var userName = StaffApi.UniqueName("weak");

        var response = await StaffApi.CreateAsync(Admin, userName, [Roles.TownshipOfficer], password: password.Replace("{user}", userName, StringComparison.Ordinal));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["password"], problem.ErrorFields());
    }

    [Fact]
    public async Task An_unknown_role_answers_400_naming_roles()
    {
        var response = await StaffApi.CreateAsync(Admin, StaffApi.UniqueName("role"), ["superuser"]);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["roles"], problem.ErrorFields());
    }

    [Fact]
    public async Task A_client_kind_is_not_a_staff_role()
    {
        var response = await StaffApi.CreateAsync(Admin, StaffApi.UniqueName("role"), [Roles.App]);

        Assert.Equal(["roles"], (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Theory]
    [InlineData("419921101299")]
    [InlineData("419921101206")]
    [InlineData("4199")]
    public async Task An_unknown_retired_or_malformed_division_answers_400_naming_division(string division)
    {
        var response = await StaffApi.CreateAsync(Admin, StaffApi.UniqueName("division"), [Roles.VillageCollector], division);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["division"], problem.ErrorFields());
    }

    [Theory]
    [InlineData(StaffApi.County)]
    [InlineData(StaffApi.Township)]
    public async Task A_city_administrator_below_city_level_answers_400_naming_division(string division)
    {
        var response = await StaffApi.CreateAsync(Admin, StaffApi.UniqueName("admin"), [Roles.CityAdmin], division);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["division"], problem.ErrorFields());
    }

    [Fact]
    public async Task A_taken_user_name_answers_409_whatever_its_case()
    {
        var userName = StaffApi.UniqueName("twice");
        await StaffApi.CreatedAsync(Admin, userName, Roles.TownshipOfficer);

        var response = await StaffApi.CreateAsync(Admin, userName.ToUpperInvariant(), [Roles.Reviewer]);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("user-name-taken", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_unknown_member_in_a_new_account_answers_400()
    {
        var response = await Admin.PostAsync(StaffApi.Path, Json(new
        {
            userName = StaffApi.UniqueName("extra"),
            displayName = "Extra",
            password = StaffApi.Password,
            roles = new[] { Roles.TownshipOfficer },
            division = StaffApi.Township,
            isSuperuser = true,
        }));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_list_is_paged_by_cursor_in_user_name_order_without_duplicates_or_gaps()
    {
        for (var i = 0; i < 5; i++)
        {
            await StaffApi.CreatedAsync(Admin, StaffApi.UniqueName($"page{i}"), Roles.VillageCollector);
        }

        var everyone = await PageAsync($"{StaffApi.Path}?limit=200");
        var paged = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await PageAsync($"{StaffApi.Path}?limit=2" + (cursor is null ? string.Empty : $"&cursor={Uri.EscapeDataString(cursor)}"));
            Assert.InRange(page.Items.Count, 1, 2);
            paged.AddRange(page.Items);
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 100);

        Assert.Null(everyone.NextCursor);
        Assert.True(everyone.Items.Count >= 6, $"Expected the administrator and five accounts, listed {everyone.Items.Count}.");
        Assert.Equal(everyone.Items, paged);
        Assert.Equal(paged.Count, paged.Distinct().Count());
        Assert.Equal((everyone.Items.Count + 1) / 2, pages);
    }

    [Fact]
    public async Task A_cursor_the_list_did_not_issue_answers_400()
    {
        var response = await Admin.GetAsync($"{StaffApi.Path}?limit=2&cursor=not-a-cursor");

        Assert.Equal(["cursor"], (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task Changing_without_If_Match_answers_428()
    {
        var id = StaffApi.IdOf(await StaffApi.CreatedAsync(Admin, StaffApi.UniqueName("patch"), Roles.TownshipOfficer));

        var response = await StaffApi.PatchAsync(Admin, id, new { displayName = "Renamed" }, ifMatch: null);

        await response.AssertProblemAsync(HttpStatusCode.PreconditionRequired);
    }

    [Fact]
    public async Task Changing_with_a_stale_ETag_answers_412_and_changes_nothing()
    {
        var id = StaffApi.IdOf(await StaffApi.CreatedAsync(Admin, StaffApi.UniqueName("patch"), Roles.TownshipOfficer));
        var original = await StaffApi.ETagOfAsync(Admin, id);
        Assert.Equal(HttpStatusCode.OK, (await StaffApi.PatchAsync(Admin, id, new { displayName = "First change" }, original)).StatusCode);

        var response = await StaffApi.PatchAsync(Admin, id, new { displayName = "Lost update" }, original);

        await response.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var current = await Admin.GetFromJsonAsync<JsonElement>($"{StaffApi.Path}/{id}");
        Assert.Equal("First change", current.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Changing_with_the_current_ETag_answers_200_with_a_new_ETag()
    {
        var created = await StaffApi.CreateAsync(Admin, StaffApi.UniqueName("patch"), [Roles.TownshipOfficer]);
        var id = StaffApi.IdOf(await created.Content.ReadFromJsonAsync<JsonElement>());
        var etag = created.Headers.ETag!.ToString();

        var response = await StaffApi.PatchAsync(Admin, id, new { roles = new[] { Roles.CountyOfficer }, division = StaffApi.County }, etag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var changed = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([Roles.CountyOfficer], changed.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(StaffApi.County, changed.GetProperty("division").GetString());
        Assert.NotNull(response.Headers.ETag);
        Assert.NotEqual(etag, response.Headers.ETag.ToString());
        Assert.Equal(response.Headers.ETag.ToString(), await StaffApi.ETagOfAsync(Admin, id));
    }

    [Fact]
    public async Task A_change_that_would_make_a_city_administrator_of_a_township_office_answers_400()
    {
        var created = await StaffApi.CreateAsync(Admin, StaffApi.UniqueName("patch"), [Roles.TownshipOfficer]);
        var id = StaffApi.IdOf(await created.Content.ReadFromJsonAsync<JsonElement>());

        var response = await StaffApi.PatchAsync(Admin, id, new { roles = new[] { Roles.CityAdmin } }, created.Headers.ETag!.ToString());

        Assert.Equal(["division"], (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task An_unknown_member_in_a_change_answers_400()
    {
        var created = await StaffApi.CreateAsync(Admin, StaffApi.UniqueName("patch"), [Roles.TownshipOfficer]);
        var id = StaffApi.IdOf(await created.Content.ReadFromJsonAsync<JsonElement>());

        using var request = new HttpRequestMessage(HttpMethod.Patch, $"{StaffApi.Path}/{id}")
        {
            Content = Json(new { displayName = "Renamed", passwordHash = "AQAAAA" }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag!.ToString());
        var response = await Admin.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var current = await Admin.GetFromJsonAsync<JsonElement>($"{StaffApi.Path}/{id}");
        Assert.NotEqual("Renamed", current.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task The_last_active_city_administrator_cannot_be_disabled_or_demoted()
    {
        var administrators = await Admin.GetFromJsonAsync<JsonElement>($"{StaffApi.Path}?limit=200");
        var bootstrap = administrators.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("userName").GetString() == "admin");
        var id = StaffApi.IdOf(bootstrap);

        var disable = await StaffApi.PatchAsync(Admin, id, new { disabled = true }, await StaffApi.ETagOfAsync(Admin, id));
        var demote = await StaffApi.PatchAsync(Admin, id, new { roles = new[] { Roles.Auditor } }, await StaffApi.ETagOfAsync(Admin, id));

        Assert.Equal("last-administrator", (await disable.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString());
        Assert.Equal("last-administrator", (await demote.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Another_city_administrator_may_be_demoted_while_one_remains()
    {
        var created = await StaffApi.CreateAsync(Admin, StaffApi.UniqueName("deputy"), [Roles.CityAdmin], division: "419900000000");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = StaffApi.IdOf(await created.Content.ReadFromJsonAsync<JsonElement>());

        var demote = await StaffApi.PatchAsync(Admin, id, new { roles = new[] { Roles.Auditor } }, await StaffApi.ETagOfAsync(Admin, id));

        Assert.Equal(HttpStatusCode.OK, demote.StatusCode);
    }

    [Fact]
    public async Task Reading_an_unknown_account_answers_404()
    {
        var response = await Admin.GetAsync($"{StaffApi.Path}/{Guid.NewGuid()}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<(IReadOnlyList<string> Items, string? NextCursor)> PageAsync(string url)
    {
        var page = await Admin.GetFromJsonAsync<JsonElement>(url);
        var next = page.GetProperty("nextCursor");
        return (
            page.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("userName").GetString()!).ToList(),
            next.ValueKind == JsonValueKind.Null ? null : next.GetString());
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}
