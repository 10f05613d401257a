using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Homeward.BuildingBlocks.Web.Security;

/// <summary>
/// Validates access tokens like <see cref="JsonWebTokenHandler"/> and remembers the ones that passed for a short
/// while: a client sends the same token with every request for its whole lifetime, and parsing it and checking its RSA
/// signature again each time was a tenth of a proxied read's CPU in the gateway and the services. A remembered token
/// is accepted again only by exact string equality and never after it expires; every caller gets its own copy of the
/// identity, so nothing one request does to it is seen by another. The price: a signing key withdrawn from the
/// Identity service's key set stops being trusted here up to <see cref="RememberFor"/> later.
/// </summary>
public sealed class RecentTokenHandler(TimeProvider clock) : JsonWebTokenHandler
{
    /// <summary>How long a validated token is taken on trust at most.</summary>
    public static readonly TimeSpan RememberFor = TimeSpan.FromMinutes(2);

    /// <summary>Beyond this many remembered tokens the memory is cleared: a flood of distinct tokens costs validation, not memory.</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, Remembered> _validated = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = clock.GetUtcNow();
        if (_validated.TryGetValue(token, out var remembered))
        {
            if (now < remembered.Until)
            {
                return Copy(remembered.Result);
            }

            _validated.TryRemove(token, out _);
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is { } validatedToken)
        {
            if (_validated.Count >= Capacity)
            {
                _validated.Clear();
            }

            var expires = new DateTimeOffset(validatedToken.ValidTo, TimeSpan.Zero);
            var until = expires < now + RememberFor ? expires : now + RememberFor;
            _validated[token] = new Remembered(Copy(result), until);
        }

        return result;
    }

    private static TokenValidationResult Copy(TokenValidationResult result) => new()
    {
        IsValid = true,
        ClaimsIdentity = result.ClaimsIdentity.Clone(),
        SecurityToken = result.SecurityToken,
        TokenType = result.TokenType,
        Issuer = result.Issuer,
        TokenContext = result.TokenContext,
    };

    private sealed record Remembered(TokenValidationResult Result, DateTimeOffset Until);
}
