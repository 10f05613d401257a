using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.Registry.Domain.Workers;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Divisions;
using Mediator;

namespace Homeward.Registry.Application.Kpis;

/// <summary>
/// The registry's figures for a division within the caller's (the caller's own when not given), as the speech reports
/// them. The period runs from <see cref="From"/> to <see cref="To"/>, whole days of the city (China Standard Time),
/// both inclusive.
/// <list type="bullet">
/// <item>Registered: all workers of the division now, and those registered in the period.</item>
/// <item>By status and by education: all workers of the division now. The share with junior high or less is taken of
/// the workers whose education is recorded; the share without a certificate of all workers.</item>
/// <item>Employment rate (DOMAIN.md: distinct recommended workers later placed ÷ distinct recommended workers): the
/// recommended are the workers first recommended a job in the period. A recommended worker counts as placed when
/// the status history holds, on or after the day of the first recommendation, a start of work reported by the
/// platform — a placement (employed locally or elsewhere) or a registered business (self-employed) — at any time up
/// to now, including one that had already ended when it was reported. Work found without the platform (a status
/// recorded by staff or another source) does not count: the figure is about employment through the platform.</item>
/// <item>Records updated: workers whose record was last changed in the period (a record changed again after the
/// period counts for its latest change only).</item>
/// <item>Accuracy: confirmed ÷ verified of the verifications made in the period, by the village the worker lived in
/// then; null when there were none.</item>
/// </list>
/// Rates are rounded to four decimals and are null when their denominator is zero.
/// </summary>
public sealed record GetKpis(string? Division, DateOnly? From, DateOnly? To) : IQuery<KpiView>;

public sealed record KpiView(
    string Division,
    DateOnly? From,
    DateOnly To,
    RegisteredFigures Registered,
    IReadOnlyDictionary<EmploymentStatus, int> ByStatus,
    EducationFigures Education,
    CertificateFigures Certificates,
    EmploymentFigures Employment,
    int RecordsUpdated,
    AccuracyFigures Accuracy);

public sealed record RegisteredFigures(int Total, int InPeriod);

/// <param name="NotRecorded">Workers whose education is not recorded.</param>
/// <param name="JuniorHighOrLessShare">Of the workers whose education is recorded.</param>
public sealed record EducationFigures(
    IReadOnlyDictionary<EducationLevel, int> ByLevel,
    int NotRecorded,
    int JuniorHighOrLess,
    decimal? JuniorHighOrLessShare);

public sealed record CertificateFigures(int Without, decimal? WithoutShare);

public sealed record EmploymentFigures(int Recommended, int Placed, decimal? Rate);

public sealed record AccuracyFigures(int Verified, int Confirmed, decimal? Rate);

public sealed class GetKpisValidator : AbstractValidator<GetKpis>
{
    public GetKpisValidator()
    {
        RuleFor(q => q.Division).Must(code => DivisionCode.TryParse(code, out _))
            .When(q => q.Division is not null)
            .WithMessage("The division is a 12-digit statistical code or a 6-digit county code.");
        RuleFor(q => q.To).Must((q, to) => q.From <= to)
            .When(q => q.From is not null && q.To is not null)
            .WithMessage("The period ends on or after it begins.");
    }
}

public sealed class GetKpisHandler(IRegistryKpis kpis, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<GetKpis, KpiView>
{
    public async ValueTask<KpiView> Handle(GetKpis query, CancellationToken cancellationToken)
    {
        var division = query.Division is null
            ? currentUser.Division ?? throw new ForbiddenException("Your token names no division; figures are kept per division.")
            : DivisionCode.Parse(query.Division);
        if (!currentUser.Covers(division.Value))
        {
            throw new ForbiddenException($"Division {division} lies outside your office's division.");
        }

        var to = query.To ?? clock.Today();
        var counts = await kpis.CountAsync(
            division.SubtreeRange,
            (query.From is { } from ? CityCalendar.StartOf(from) : null, CityCalendar.EndOf(to)),
            cancellationToken);

        var groups = counts.Groups;
        var total = groups.Sum(g => g.Workers);
        var recorded = groups.Where(g => g.Education is not null).Sum(g => g.Workers);
        var juniorHighOrLess = groups.Where(g => g.Education <= EducationLevel.JuniorHigh).Sum(g => g.Workers);
        var withoutCertificate = groups.Sum(g => g.WithoutCertificate);
        var recommended = groups.Sum(g => g.Recommended);
        var placed = groups.Sum(g => g.Placed);
        return new KpiView(
            division.Value,
            query.From,
            to,
            new RegisteredFigures(total, groups.Sum(g => g.RegisteredInPeriod)),
            Enum.GetValues<EmploymentStatus>().ToDictionary(s => s, s => groups.Where(g => g.Status == s).Sum(g => g.Workers)),
            new EducationFigures(
                Enum.GetValues<EducationLevel>().ToDictionary(e => e, e => groups.Where(g => g.Education == e).Sum(g => g.Workers)),
                total - recorded,
                juniorHighOrLess,
                Share(juniorHighOrLess, recorded)),
            new CertificateFigures(withoutCertificate, Share(withoutCertificate, total)),
            new EmploymentFigures(recommended, placed, Share(placed, recommended)),
            groups.Sum(g => g.UpdatedInPeriod),
            new AccuracyFigures(counts.Verified, counts.Confirmed, Share(counts.Confirmed, counts.Verified)));
    }

    private static decimal? Share(int part, int whole) =>
        whole == 0 ? null : Math.Round((decimal)part / whole, 4, MidpointRounding.AwayFromZero);
}
