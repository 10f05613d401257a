using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.JobMatching.Application.Common;
using Homeward.JobMatching.Domain.Partners;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Homeward.JobMatching.Application.Partners;

/// <summary>
/// Records a partner city of labour cooperation. Its id is one of the configured partner ids (the partner_id its
/// clients' tokens carry), so the partner's clients reach exactly this city's data.
/// </summary>
public sealed record RegisterPartnerCity(string? Id, string? Name) : ICommand<PartnerCityView>;

public sealed class RegisterPartnerCityValidator : AbstractValidator<RegisterPartnerCity>
{
    public RegisterPartnerCityValidator(IOptions<JobMatchingOptions> options)
    {
        RuleFor(c => c.Id).Must(id => id is not null && options.Value.PartnerCities.Contains(id, StringComparer.Ordinal))
            .WithMessage($"The id is the partner id of a configured partner city: {string.Join(", ", options.Value.PartnerCities)}.");
        RuleFor(c => c.Name).Must(name => !string.IsNullOrWhiteSpace(name) && name.Trim().Length <= 50)
            .WithMessage("The name is 1 to 50 characters.");
    }
}

public sealed class RegisterPartnerCityHandler(IJobMatchingDbContext db, TimeProvider clock) : ICommandHandler<RegisterPartnerCity, PartnerCityView>
{
    public async ValueTask<PartnerCityView> Handle(RegisterPartnerCity command, CancellationToken cancellationToken)
    {
        var city = PartnerCity.Register(command.Id!, command.Name!, clock.GetUtcNow());
        db.PartnerCities.Add(city);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            throw new ConflictException("partner-city-already-registered", $"Partner city {command.Id} is already registered.", JobMatchingPaths.PartnerCity(city.Id));
        }

        var enterprises = await db.Employers.CountAsync(e => e.PartnerCity == city.Id, cancellationToken);
        return PartnerCityView.From(city, enterprises);
    }
}
