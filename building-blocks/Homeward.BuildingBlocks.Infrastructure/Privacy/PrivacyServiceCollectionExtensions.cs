using Homeward.BuildingBlocks.Application.Privacy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Homeward.BuildingBlocks.Infrastructure.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    /// <summary>Field encryption and blind indexes with the keys of configuration section "PersonalData".</summary>
    public static IServiceCollection AddPersonalDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PersonalDataOptions>().Bind(configuration.GetSection(PersonalDataOptions.Section));
        services.AddSingleton<IPersonalDataProtector, AesGcmPersonalDataProtector>();
        return services;
    }
}
