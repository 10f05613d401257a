using Homeward.BuildingBlocks.Application.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Homeward.BuildingBlocks.Web.Security;

public static class SecurityExtensions
{
    /// <summary>
    /// Every process validates access tokens itself: signature (keys discovered from the Identity service), issuer,
    /// audience and lifetime; unsigned tokens and other algorithms are refused. Endpoints without a declared policy
    /// still require an authenticated caller.
    /// </summary>
    public static WebApplicationBuilder AddTokenAuthentication(this WebApplicationBuilder builder, ServiceDescription service)
    {
        var options = builder.Configuration.GetSection(TokenAuthenticationOptions.Section).Get<TokenAuthenticationOptions>()
            ?? new TokenAuthenticationOptions();
        var audiences = options.Audiences.Count > 0 ? options.Audiences : [service.Name];

        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MetadataAddress = options.MetadataAddress;
                jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = options.Issuer,
                    ValidAudiences = audiences,
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                    ClockSkew = options.ClockSkew,
                    NameClaimType = HomewardClaims.Name,
                    RoleClaimType = HomewardClaims.Role,
                };
            });
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TimeProvider>((jwt, clock) =>
            {
                jwt.TokenHandlers.Clear();
                jwt.TokenHandlers.Add(new RecentTokenHandler(clock));
            });
        builder.Services.AddHostedService<SigningKeyDiscovery>();

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<ICurrentUser, HttpCurrentUser>();
        return builder;
    }
}
