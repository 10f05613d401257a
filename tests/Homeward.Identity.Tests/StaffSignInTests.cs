using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Testing;

namespace Homeward.Identity.Tests;

/// <summary>
/// Staff other than the administrator sign in through the same flow; their tokens carry only what their role allows.
/// Repeated wrong passwords lock an account until an administrator unlocks it; a disabled account cannot sign in.
/// </summary>
public sealed class StaffSignInTests(IdentityService identity) : IClassFixture<IdentityService>
{
    private HttpClient Admin => identity.Admin;

    [Fact]
    public async Task A_township_officer_gets_only_the_scopes_the_role_allows_and_the_township_as_division()
    {
        var userName = StaffApi.UniqueName("township");
        var account = await StaffApi.CreatedAsync(Admin, userName, Roles.TownshipOfficer);

        var jwt = Jwt.Read(await identity.SignInAsync(
            userName, StaffApi.Password, Scopes.RegistryRead, Scopes.RegistryWrite, Scopes.RegistryReveal, Scopes.IdentityAdmin));

        Assert.Equal([Scopes.RegistryRead, Scopes.RegistryWrite], jwt.Scopes().Order(StringComparer.Ordinal));
        Assert.Equal(["registry"], jwt.Audiences);
        Assert.Equal([Roles.TownshipOfficer], jwt.Values(HomewardClaims.Role));
        Assert.Equal(StaffApi.Township, jwt.GetClaim(HomewardClaims.Division).Value);
        Assert.Equal(StaffApi.IdOf(account).ToString(), jwt.Subject);
    }

    /// <summary>
    /// Only city administrators may hold identity.admin, the one scope of this service, so a township officer's token
    /// is never meant for it: the management API refuses it as not addressed to it (401), before any role check.
    /// </summary>
    [Fact]
    public async Task A_township_officers_token_is_refused_by_the_management_API()
    {
        var userName = StaffApi.UniqueName("township");
        await StaffApi.CreatedAsync(Admin, userName, Roles.TownshipOfficer);
        var token = await identity.SignInAsync(userName, StaffApi.Password, Scopes.RegistryRead, Scopes.IdentityAdmin);
        using var officer = identity.Factory.ClientWithToken(token);

        var staff = await officer.GetAsync(StaffApi.Path);
        var clients = await officer.PostAsJsonAsync("/api/identity/v1/clients", new { displayName = "Mine", kind = Roles.App, scopes = new[] { Scopes.RegistryRead } });

        Assert.DoesNotContain("identity", Jwt.Read(token).Audiences);
        await staff.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await clients.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_wrong_password_shows_the_sign_in_page_again_without_a_code()
    {
        var userName = StaffApi.UniqueName("wrong");
        await StaffApi.CreatedAsync(Admin, userName, Roles.TownshipOfficer);

        var (response, _, _) = await SignInAsync(userName, "Not-the-password-1");

        await AssertRefusedAsync(response, "The user name or the password is wrong.");
    }

    [Fact]
    public async Task After_too_many_wrong_passwords_even_the_right_one_is_refused_until_an_administrator_unlocks_the_account()
    {
        var userName = StaffApi.UniqueName("locked");
        var id = StaffApi.IdOf(await StaffApi.CreatedAsync(Admin, userName, Roles.TownshipOfficer));
        for (var attempt = 0; attempt < IdentityService.MaxFailedSignIns; attempt++)
        {
            await AssertRefusedAsync((await SignInAsync(userName, $"Wrong-password-{attempt}")).Response, "wrong");
        }

        var (locked, _, _) = await SignInAsync(userName, StaffApi.Password);
        await AssertRefusedAsync(locked, "locked");
        var lockedAccount = await Admin.GetFromJsonAsync<JsonElement>($"{StaffApi.Path}/{id}");
        Assert.Equal(JsonValueKind.String, lockedAccount.GetProperty("lockedOutUntil").ValueKind);

        var unlock = await Admin.PostAsync($"{StaffApi.Path}/{id}/unlock", null);
        Assert.Equal(HttpStatusCode.OK, unlock.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await unlock.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("lockedOutUntil").ValueKind);

        var token = await identity.SignInAsync(userName, StaffApi.Password, Scopes.RegistryRead);
        Assert.Equal(id.ToString(), Jwt.Read(token).Subject);
    }

    [Fact]
    public async Task Fewer_wrong_passwords_than_the_limit_do_not_lock_the_account()
    {
        var userName = StaffApi.UniqueName("careless");
        await StaffApi.CreatedAsync(Admin, userName, Roles.TownshipOfficer);
        for (var attempt = 0; attempt < IdentityService.MaxFailedSignIns - 1; attempt++)
        {
            await AssertRefusedAsync((await SignInAsync(userName, $"Wrong-password-{attempt}")).Response, "wrong");
        }

        var token = await identity.SignInAsync(userName, StaffApi.Password, Scopes.RegistryRead);

        Assert.NotEmpty(Jwt.Read(token).Subject);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in()
    {
        var userName = StaffApi.UniqueName("disabled");
        var id = StaffApi.IdOf(await StaffApi.CreatedAsync(Admin, userName, Roles.TownshipOfficer));

        await DisableAsync(id);
        var (response, _, _) = await SignInAsync(userName, StaffApi.Password);

        await AssertRefusedAsync(response, "The user name or the password is wrong.");
    }

    [Fact]
    public async Task An_authorization_code_issued_before_the_account_was_disabled_cannot_be_redeemed()
    {
        var userName = StaffApi.UniqueName("disabled");
        var id = StaffApi.IdOf(await StaffApi.CreatedAsync(Admin, userName, Roles.TownshipOfficer));
        using var browser = identity.Factory.Browser();
        var (authorized, verifier, redirectUri) = await StaffSignIn.SignInAsync(browser, userName, StaffApi.Password, [Scopes.RegistryRead]);
        var code = await StaffSignIn.CodeFromAsync(browser, authorized);

        await DisableAsync(id);
        var response = await StaffSignIn.RedeemAsync(browser, code, verifier, redirectUri);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", await Jwt.ErrorOfAsync(response));
    }

    [Fact]
    public async Task A_signed_in_session_of_a_disabled_account_gets_no_new_code()
    {
        var userName = StaffApi.UniqueName("session");
        var id = StaffApi.IdOf(await StaffApi.CreatedAsync(Admin, userName, Roles.TownshipOfficer));
        using var browser = identity.Factory.Browser();
        var (authorized, _, _) = await StaffSignIn.SignInAsync(browser, userName, StaffApi.Password, [Scopes.RegistryRead]);
        await StaffSignIn.CodeFromAsync(browser, authorized);
        var authorize = authorized.RequestMessage!.RequestUri;
        var whileEnabled = await browser.GetAsync(authorize);
        Assert.Contains("code=", whileEnabled.Headers.Location!.Query, StringComparison.Ordinal);

        await DisableAsync(id);
        var again = await browser.GetAsync(authorize);

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.StartsWith("/account/login", again.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_to_sign_in_again_with_prompt_login_ends_with_a_code_after_signing_in_again()
    {
        var userName = StaffApi.UniqueName("prompt");
        await StaffApi.CreatedAsync(Admin, userName, Roles.TownshipOfficer);
        using var browser = identity.Factory.Browser();
        var (authorized, verifier, redirectUri) = await StaffSignIn.SignInAsync(browser, userName, StaffApi.Password, [Scopes.RegistryRead]);
        await StaffSignIn.CodeFromAsync(browser, authorized);

        var toLogin = await browser.GetAsync(authorized.RequestMessage!.RequestUri + "&prompt=login");
        Assert.Equal(HttpStatusCode.Redirect, toLogin.StatusCode);
        Assert.Equal("/account/login", toLogin.Headers.Location!.AbsolutePath);
        var afterLogin = await StaffSignIn.SubmitLoginFormAsync(browser, toLogin.Headers.Location, userName, StaffApi.Password);
        Assert.Equal(HttpStatusCode.Redirect, afterLogin.StatusCode);
        var again = await browser.GetAsync(afterLogin.Headers.Location);

        var code = await StaffSignIn.CodeFromAsync(browser, again);
        var token = await Jwt.AccessTokenOfAsync(await StaffSignIn.RedeemAsync(browser, code, verifier, redirectUri));
        Assert.Equal([Scopes.RegistryRead], token.Scopes());
    }

    [Fact]
    public async Task A_password_set_by_an_administrator_replaces_the_old_one()
    {
        var userName = StaffApi.UniqueName("reset");
        var id = StaffApi.IdOf(await StaffApi.CreatedAsync(Admin, userName, Roles.TownshipOfficer));
        const string newPassword = "Brand#New-Secret-7";

        var weak = await Admin.PutAsJsonAsync($"{StaffApi.Path}/{id}/password", new { password = "short" });
        var reset = await Admin.PutAsJsonAsync($"{StaffApi.Path}/{id}/password", new { password = newPassword });

        Assert.Equal(["password"], (await weak.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        await AssertRefusedAsync((await SignInAsync(userName, StaffApi.Password)).Response, "wrong");
        Assert.Equal(id.ToString(), Jwt.Read(await identity.SignInAsync(userName, newPassword, Scopes.RegistryRead)).Subject);
    }

    private async Task<(HttpResponseMessage Response, string Verifier, string RedirectUri)> SignInAsync(string userName, string password)
    {
        using var browser = identity.Factory.Browser();
        return await StaffSignIn.SignInAsync(browser, userName, password, [Scopes.RegistryRead]);
    }

    private async Task DisableAsync(Guid id)
    {
        var response = await StaffApi.PatchAsync(Admin, id, new { disabled = true }, await StaffApi.ETagOfAsync(Admin, id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("disabled").GetBoolean());
    }

    /// <summary>The sign-in page answered again, with an error, instead of redirecting back with a code.</summary>
    private static async Task AssertRefusedAsync(HttpResponseMessage response, string error)
    {
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("<form method=\"post\" action=\"/account/login\">", page, StringComparison.Ordinal);
        Assert.Contains(error, page, StringComparison.Ordinal);
    }
}
