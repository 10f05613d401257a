using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Paging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.SharedKernel.Divisions;
using Homeward.Training.Application.Common;
using Homeward.Training.Domain.Catalog;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Training.Application.Catalog;

public sealed record ProviderView(Guid Id, string Name, string Division, string? Address, DateTimeOffset CreatedAt, uint RowVersion)
{
    public static ProviderView From(Provider p) => new(p.Id, p.Name, p.Division, p.Address, p.CreatedAt, p.RowVersion);
}

/// <summary>Registers a training provider based in a division within the caller's.</summary>
public sealed record RegisterProvider(string? Name, string? Division, string? Address) : ICommand<ProviderView>;

public sealed class RegisterProviderValidator : AbstractValidator<RegisterProvider>
{
    public RegisterProviderValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("The provider's name is required.").MaximumLength(100).WithMessage("A name has at most 100 characters.");
        RuleFor(c => c.Division).NotEmpty().WithMessage("The division is required.")
            .Must(code => DivisionCode.TryParse(code, out _)).When(c => !string.IsNullOrEmpty(c.Division), ApplyConditionTo.CurrentValidator).WithMessage(DivisionFilter.Message);
        RuleFor(c => c.Address).MaximumLength(200).WithMessage("An address has at most 200 characters.");
    }
}

public sealed class RegisterProviderHandler(ITrainingDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<RegisterProvider, ProviderView>
{
    public async ValueTask<ProviderView> Handle(RegisterProvider command, CancellationToken cancellationToken)
    {
        var division = DivisionCode.Parse(command.Division);
        currentUser.EnsureMayPlaceIn(division);
        var now = clock.GetUtcNow();
        var provider = Provider.Register(Guid.CreateVersion7(now), command.Name!.Trim(), division.Value, string.IsNullOrWhiteSpace(command.Address) ? null : command.Address.Trim(), now);
        db.Providers.Add(provider);
        await db.SaveChangesAsync(cancellationToken);
        return ProviderView.From(provider);
    }
}

public sealed record GetProvider(Guid ProviderId) : IQuery<ProviderView>;

/// <summary>Providers are read city-wide: anyone may choose a provider from elsewhere for a session.</summary>
public sealed class GetProviderHandler(ITrainingDbContext db) : IQueryHandler<GetProvider, ProviderView>
{
    public async ValueTask<ProviderView> Handle(GetProvider query, CancellationToken cancellationToken) =>
        ProviderView.From(await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == query.ProviderId, cancellationToken)
            ?? throw new NotFoundException("Provider", query.ProviderId));
}

public sealed record ListProviders(PageRequest Page) : IQuery<Page<ProviderView>>;

public sealed class ListProvidersHandler(ITrainingDbContext db) : IQueryHandler<ListProviders, Page<ProviderView>>
{
    public async ValueTask<Page<ProviderView>> Handle(ListProviders query, CancellationToken cancellationToken)
    {
        var after = query.Page.After<Guid?>();
        var fetched = await db.Providers.AsNoTracking()
            .Where(p => after == null || p.Id.CompareTo(after.Value) > 0)
            .OrderBy(p => p.Id)
            .Take(query.Page.Limit + 1)
            .ToListAsync(cancellationToken);
        return Page<ProviderView>.FromOverFetch(fetched.Select(ProviderView.From).ToList(), query.Page, p => (Guid?)p.Id);
    }
}
