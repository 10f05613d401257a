using System.Security.Claims;
using System.Security.Cryptography;
using Homeward.BuildingBlocks.Web.Security;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Homeward.BuildingBlocks.Tests.Security;

public sealed class RecentTokenHandlerTests
{
    private const string Issuer = "https://identity.test/";
    private const string Audience = "registry";

    private readonly RsaSecurityKey _signingKey = new(RSA.Create(2048)) { KeyId = "signing-1" };
    private readonly RsaSecurityKey _otherKey = new(RSA.Create(2048)) { KeyId = "signing-2" };

    [Fact]
    public async Task A_token_validated_once_is_accepted_again_with_an_identity_of_its_own()
    {
        var handler = new RecentTokenHandler(new FakeTimeProvider(DateTimeOffset.UtcNow));
        var token = Issue(TimeSpan.FromHours(1));

        var first = await handler.ValidateTokenAsync(token, Parameters(_signingKey));
        first.ClaimsIdentity.AddClaim(new Claim("added-by-a-request", "yes"));
        var second = await handler.ValidateTokenAsync(token, Parameters(_signingKey));

        Assert.True(second.IsValid);
        Assert.Equal("officer-1", second.ClaimsIdentity.FindFirst("sub")?.Value);
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
        Assert.Null(second.ClaimsIdentity.FindFirst("added-by-a-request"));
    }

    [Fact]
    public async Task A_remembered_token_is_taken_on_trust_for_two_minutes_at_most()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var handler = new RecentTokenHandler(clock);
        var token = Issue(TimeSpan.FromHours(1));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(_signingKey))).IsValid);

        // The signing key is withdrawn: within the window the remembered result stands, after it the token is checked again.
        clock.Advance(RecentTokenHandler.RememberFor - TimeSpan.FromSeconds(1));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(_otherKey))).IsValid);
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False((await handler.ValidateTokenAsync(token, Parameters(_otherKey))).IsValid);
    }

    [Fact]
    public async Task A_remembered_token_is_refused_once_it_expires()
    {
        var handler = new RecentTokenHandler(TimeProvider.System);
        // Long enough to be valid when first checked on a busy machine (exp is whole seconds), short enough to wait out.
        var token = Issue(TimeSpan.FromSeconds(6));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(_signingKey))).IsValid);

        var expires = new JsonWebToken(token).ValidTo;
        var untilExpired = expires - DateTime.UtcNow + TimeSpan.FromSeconds(1);
        if (untilExpired > TimeSpan.Zero)
        {
            await Task.Delay(untilExpired);
        }

        var expired = await handler.ValidateTokenAsync(token, Parameters(_signingKey));
        Assert.False(expired.IsValid);
        Assert.IsType<SecurityTokenExpiredException>(expired.Exception);
    }

    [Fact]
    public async Task A_token_with_a_forged_signature_is_refused_after_the_genuine_one_was_remembered()
    {
        var handler = new RecentTokenHandler(new FakeTimeProvider(DateTimeOffset.UtcNow));
        var genuine = Issue(TimeSpan.FromHours(1));
        Assert.True((await handler.ValidateTokenAsync(genuine, Parameters(_signingKey))).IsValid);

        var forged = genuine[..genuine.LastIndexOf('.')] + "." + Issue(TimeSpan.FromHours(1), _otherKey).Split('.')[2];

        Assert.False((await handler.ValidateTokenAsync(forged, Parameters(_signingKey))).IsValid);
    }

    private string Issue(TimeSpan lifetime, RsaSecurityKey? key = null) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        Subject = new ClaimsIdentity([new Claim("sub", "officer-1")]),
        NotBefore = DateTime.UtcNow.AddMinutes(-1),
        IssuedAt = DateTime.UtcNow.AddMinutes(-1),
        Expires = DateTime.UtcNow.Add(lifetime),
        SigningCredentials = new SigningCredentials(key ?? _signingKey, SecurityAlgorithms.RsaSha256),
    });

    private static TokenValidationParameters Parameters(SecurityKey key) => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = key,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        ClockSkew = TimeSpan.Zero,
    };
}
