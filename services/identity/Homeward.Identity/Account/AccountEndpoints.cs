using System.Security.Claims;
using System.Text.Encodings.Web;
using Homeward.Identity.Persistence;
using Homeward.Identity.Staff;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace Homeward.Identity.Account;

/// <summary>
/// The plain sign-in page staff reach from the gateway's Swagger UI. After too many failed attempts the account is
/// locked for a while; the page never says whether it was the user name or the password that was wrong.
/// </summary>
public static partial class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/account/login", ShowLogin).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapPost("/account/login", LoginAsync).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapPost("/account/logout", (Delegate)LogoutAsync).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static IResult ShowLogin(HttpContext context, IAntiforgery antiforgery, [FromQuery(Name = "ReturnUrl")] string? returnUrl) =>
        Page(context, antiforgery, returnUrl, error: null);

    private static async Task<IResult> LoginAsync(
        HttpContext context,
        IAntiforgery antiforgery,
        [FromForm] LoginForm form,
        IdentityDbContext db,
        Passwords passwords,
        IOptions<IdentityOptions> options,
        TimeProvider clock,
        ILogger<LoginForm> logger)
    {
        var now = clock.GetUtcNow();
        var userName = StaffAccount.Normalize(form.UserName ?? string.Empty);
        var account = await db.StaffAccounts.FirstOrDefaultAsync(s => s.UserName == userName, context.RequestAborted);
        if (account is null || account.Disabled)
        {
            // Hash anyway, so that an unknown name takes as long as a wrong password and names cannot be probed by timing.
            passwords.Hash(null, form.Password ?? string.Empty);
            return Page(context, antiforgery, form.ReturnUrl, "The user name or the password is wrong.");
        }

        if (account.IsLockedOut(now))
        {
            return Page(context, antiforgery, form.ReturnUrl, "Too many failed attempts: this account is locked for a while. Try again later or ask a city administrator.");
        }

        var (valid, rehashed) = passwords.Verify(account, form.Password ?? string.Empty);
        if (!valid)
        {
            account.RecordFailedSignIn(options.Value.MaxFailedSignIns, options.Value.LockoutDuration, now);
            await db.SaveChangesAsync(context.RequestAborted);
            LogFailedSignIn(logger, account.Id);
            return Page(context, antiforgery, form.ReturnUrl, "The user name or the password is wrong.");
        }

        account.RecordSignIn(rehashed, now);
        await db.SaveChangesAsync(context.RequestAborted);
        var identity = new ClaimsIdentity(CookieAuthenticationDefaults.AuthenticationScheme, OpenIddictConstants.Claims.Name, OpenIddictConstants.Claims.Role);
        identity.AddClaim(new Claim(OpenIddictConstants.Claims.Subject, account.Id.ToString()));
        identity.AddClaim(new Claim(OpenIddictConstants.Claims.Name, account.DisplayName));
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return Results.LocalRedirect(IsSafeReturnUrl(form.ReturnUrl) ? form.ReturnUrl! : "/swagger");
    }

    private static async Task<IResult> LogoutAsync(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.LocalRedirect("/account/login");
    }

    /// <summary>Only a return to this site's authorization endpoint is honoured, so the page cannot be used to redirect elsewhere.</summary>
    private static bool IsSafeReturnUrl(string? returnUrl) =>
        returnUrl is not null && returnUrl.StartsWith("/connect/authorize", StringComparison.Ordinal) && !returnUrl.StartsWith("//", StringComparison.Ordinal);

    private static IResult Page(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? error)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var html = HtmlEncoder.Default;
        var message = error is null ? string.Empty : $"<p class=\"error\" role=\"alert\">{html.Encode(error)}</p>";
        return Results.Content(
            $$"""
              <!doctype html>
              <html lang="zh-CN">
              <head>
                <meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Homeward · 登录 Sign in</title>
                <style>
                  body { font-family: system-ui, sans-serif; max-width: 22rem; margin: 4rem auto; padding: 0 1rem; color: #222; }
                  label { display: block; margin-top: 1rem; } input { width: 100%; padding: .5rem; box-sizing: border-box; }
                  button { margin-top: 1.5rem; padding: .6rem 1.2rem; } .error { color: #b00020; }
                </style>
              </head>
              <body>
                <h1>Homeward</h1>
                <p>返乡农民工就业创业服务平台 · staff sign-in</p>
                {{message}}
                <form method="post" action="/account/login">
                  <input type="hidden" name="{{tokens.FormFieldName}}" value="{{html.Encode(tokens.RequestToken ?? string.Empty)}}">
                  <input type="hidden" name="returnUrl" value="{{html.Encode(returnUrl ?? string.Empty)}}">
                  <label>用户名 User name <input name="userName" autocomplete="username" required autofocus></label>
                  <label>密码 Password <input name="password" type="password" autocomplete="current-password" required></label>
                  <button type="submit">登录 Sign in</button>
                </form>
              </body>
              </html>
              """,
            "text/html; charset=utf-8",
            statusCode: error is null ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed sign-in for staff account {AccountId}")]
    private static partial void LogFailedSignIn(ILogger logger, Guid accountId);
}

public sealed class LoginForm
{
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }
}
