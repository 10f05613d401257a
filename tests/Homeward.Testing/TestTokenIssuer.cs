using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Homeward.Testing;

/// <summary>
/// Stands in for the Identity service in in-process service tests: publishes an OpenID configuration and signing keys
/// over real HTTP, as the Identity service does, and mints tokens with any claims — including broken ones (expired,
/// wrong audience or issuer, tampered, unsigned) to prove that services refuse them.
/// </summary>
public sealed class TestTokenIssuer
{
    public const string Issuer = "http://homeward.test/";

    private static readonly Lazy<Task<TestTokenIssuer>> Shared = new(StartAsync);
    private readonly RsaSecurityKey _key;
    private readonly JsonWebTokenHandler _handler = new();

    private TestTokenIssuer(RsaSecurityKey key, Uri metadataAddress)
    {
        _key = key;
        MetadataAddress = metadataAddress;
    }

    public Uri MetadataAddress { get; }

    public static Task<TestTokenIssuer> GetAsync() => Shared.Value;

    /// <summary>The settings that make a service validate tokens of this issuer.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Authentication:Issuer", Issuer),
        new("Authentication:MetadataAddress", MetadataAddress.ToString()),
        new("Authentication:RequireHttpsMetadata", "false"),
    ];

    public string TokenFor(Caller caller) => Mint(caller, DateTime.UtcNow.AddMinutes(30));

    public string ExpiredTokenFor(Caller caller) => Mint(caller, DateTime.UtcNow.AddMinutes(-10), issuedAt: DateTime.UtcNow.AddMinutes(-40));

    public string TokenWithAudience(Caller caller, string audience) => Mint(caller, DateTime.UtcNow.AddMinutes(30), audience: audience);

    public string TokenFromIssuer(Caller caller, string issuer) => Mint(caller, DateTime.UtcNow.AddMinutes(30), issuer: issuer);

    /// <summary>A well-formed token signed by a key the Identity service never published.</summary>
    public string TokenSignedByStranger(Caller caller) =>
        Mint(caller, DateTime.UtcNow.AddMinutes(30), signingKey: new RsaSecurityKey(RSA.Create(2048)) { KeyId = _key.KeyId });

    /// <summary>A valid token whose payload was changed afterwards (here: its division widened to the whole country).</summary>
    public string TamperedTokenFor(Caller caller)
    {
        var parts = TokenFor(caller).Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, object>>(Base64UrlEncoder.Decode(parts[1]))!;
        payload[HomewardClaims.Division] = "410000000000";
        return $"{parts[0]}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(payload))}.{parts[2]}";
    }

    /// <summary>An unsigned token (alg "none") with otherwise valid claims.</summary>
    public string UnsignedTokenFor(Caller caller)
    {
        var parts = TokenFor(caller).Split('.');
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"at+jwt"}""");
        return $"{header}.{parts[1]}.";
    }

    private string Mint(
        Caller caller,
        DateTime expires,
        DateTime? issuedAt = null,
        string? audience = null,
        string? issuer = null,
        SecurityKey? signingKey = null)
    {
        var claims = new List<Claim>
        {
            new(HomewardClaims.Subject, caller.Subject),
            new(HomewardClaims.Name, caller.Name),
            new(HomewardClaims.Division, caller.Division),
            new(HomewardClaims.Scope, string.Join(' ', caller.Scopes)),
        };
        claims.AddRange(caller.Roles.Select(role => new Claim(HomewardClaims.Role, role)));
        if (caller.ClientId is not null)
        {
            claims.Add(new Claim(HomewardClaims.ClientId, caller.ClientId));
        }

        if (caller.PartnerId is not null)
        {
            claims.Add(new Claim(HomewardClaims.PartnerId, caller.PartnerId));
        }

        var audiences = audience is not null ? [audience] : caller.Scopes.Select(Scopes.AudienceOf).Distinct().ToList();
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = issuedAt ?? DateTime.UtcNow,
            NotBefore = issuedAt ?? DateTime.UtcNow,
            Expires = expires,
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(signingKey ?? _key, SecurityAlgorithms.RsaSha256),
        };
        descriptor.Claims = new Dictionary<string, object> { ["aud"] = audiences.Count == 1 ? audiences[0] : audiences };
        return _handler.CreateToken(descriptor);
    }

    private static async Task<TestTokenIssuer> StartAsync()
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-signing-key" };
        var publicKey = key.Rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new Dictionary<string, string>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = SecurityAlgorithms.RsaSha256,
            ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(publicKey.Modulus),
            ["e"] = Base64UrlEncoder.Encode(publicKey.Exponent),
        };

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseSetting("urls", "http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        string? baseUrl = null;
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = $"{baseUrl}.well-known/jwks",
            ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
        }));
        app.MapGet("/.well-known/jwks", () => Results.Json(new { keys = new[] { jwk } }));
        await app.StartAsync();
        baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
        return new TestTokenIssuer(key, new Uri($"{baseUrl}.well-known/openid-configuration"));
    }
}
