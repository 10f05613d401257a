using Homeward.BuildingBlocks.Infrastructure.Messaging;
using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.BuildingBlocks.Infrastructure.Privacy;
using Homeward.Subsidy.Application;
using Homeward.Subsidy.Application.Applications;
using Homeward.Subsidy.Application.Common;
using Homeward.Subsidy.Application.Outreach;
using Homeward.Subsidy.Infrastructure.Budgets;
using Homeward.Subsidy.Infrastructure.Consumers;
using Homeward.Subsidy.Infrastructure.Outreach;
using Homeward.Subsidy.Infrastructure.Persistence;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Homeward.Subsidy.Infrastructure;

public static class SubsidyInfrastructure
{
    public const string ServiceName = "subsidy";

    public static IServiceCollection AddSubsidyInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddServiceDatabase<SubsidyDbContext>(configuration, "Subsidy", SubsidyDbContext.Schema);
        services.AddScoped<ISubsidyDbContext>(provider => provider.GetRequiredService<SubsidyDbContext>());
        services.AddScoped<IBudgetLedger, BudgetLedger>();
        services.AddSingleton<INotificationStore, NotificationStore>();
        services.AddPersonalDataProtection(configuration);
        services.AddOptions<SubsidyOptions>().Bind(configuration.GetSection(SubsidyOptions.Section))
            .Validate(options => options.MaxUploadBytes > 0 && options.UploadContentTypes.Count > 0, "Subsidy:MaxUploadBytes is positive and UploadContentTypes not empty.")
            .Validate(options => options.IndividualLoanCap > 0 && options.SmallFirmLoanCap > 0, "Subsidy loan caps are positive.")
            .Validate(options => options.OutreachChunkSize > 0, "Subsidy:OutreachChunkSize is positive.")
            .ValidateOnStart();
        services.AddServiceMessaging(configuration, ServiceName, bus =>
        {
            bus.AddConsumer<WorkerRegisteredConsumer, WorkerEventConsumerDefinition<WorkerRegisteredConsumer>>();
            bus.AddConsumer<WorkerProfileUpdatedConsumer, WorkerEventConsumerDefinition<WorkerProfileUpdatedConsumer>>();
            bus.AddConsumer<EmploymentStatusChangedConsumer, WorkerEventConsumerDefinition<EmploymentStatusChangedConsumer>>();
            bus.AddConsumer<TrainingCompletedConsumer, WorkerEventConsumerDefinition<TrainingCompletedConsumer>>();
        });
        return services;
    }
}
