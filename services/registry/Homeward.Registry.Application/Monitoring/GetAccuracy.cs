using FluentValidation;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Divisions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Registry.Application.Monitoring;

/// <summary>
/// The registry's accuracy in a division and period: of the records verified, the share every checked fact of which
/// was right (the speech's "98.6% update accuracy"). A verification counts for the village the worker lived in when it
/// was made. Without verifications there is no figure, rather than a misleading 0 or 100%.
/// </summary>
/// <param name="Division">The caller's division when not given; one outside it counts nothing.</param>
/// <param name="From">First day of the period (UTC), inclusive; the beginning of records when not given.</param>
/// <param name="To">Last day of the period (UTC), inclusive; today when not given.</param>
public sealed record GetAccuracy(string? Division, DateOnly? From, DateOnly? To) : IQuery<AccuracyView>;

/// <param name="Accuracy">Confirmed ÷ verified, rounded to four decimals; null when nothing was verified.</param>
public sealed record AccuracyView(string? Division, DateOnly? From, DateOnly To, int Verified, int Confirmed, decimal? Accuracy);

public sealed class GetAccuracyValidator : AbstractValidator<GetAccuracy>
{
    public GetAccuracyValidator()
    {
        RuleFor(q => q.Division).MustBeADivision();
        RuleFor(q => q.To).Must((query, to) => query.From is null || to is null || query.From <= to)
            .WithMessage("The period ends on or after it begins.");
    }
}

public sealed class GetAccuracyHandler(IRegistryDbContext db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<GetAccuracy, AccuracyView>
{
    public async ValueTask<AccuracyView> Handle(GetAccuracy query, CancellationToken cancellationToken)
    {
        var to = query.To ?? clock.Today();
        var end = CityCalendar.EndOf(to);
        var verifications = db.Verifications.AsNoTracking()
            .WithinDivisionOf(currentUser, v => v.HouseholdDivisionCode)
            .Where(v => v.VerifiedAt < end);
        if (query.From is { } from)
        {
            var start = CityCalendar.StartOf(from);
            verifications = verifications.Where(v => v.VerifiedAt >= start);
        }

        if (query.Division is not null)
        {
            var (first, last) = DivisionCode.Parse(query.Division).SubtreeRange;
            verifications = verifications.Where(v => string.Compare(v.HouseholdDivisionCode, first) >= 0 && string.Compare(v.HouseholdDivisionCode, last) <= 0);
        }

        var counts = await verifications
            .GroupBy(_ => 1)
            .Select(g => new { Verified = g.Count(), Confirmed = g.Count(v => v.Confirmed) })
            .FirstOrDefaultAsync(cancellationToken);
        var verified = counts?.Verified ?? 0;
        var confirmed = counts?.Confirmed ?? 0;
        return new AccuracyView(
            query.Division ?? currentUser.Division?.Value,
            query.From,
            to,
            verified,
            confirmed,
            AccuracyOf(confirmed, verified));
    }

    public static decimal? AccuracyOf(int confirmed, int verified) =>
        verified == 0 ? null : Math.Round((decimal)confirmed / verified, 4, MidpointRounding.AwayFromZero);
}
