using Homeward.Registry.Application.Kpis;
using Homeward.SharedKernel;

namespace Homeward.Registry.Api.Kpis;

/// <param name="Division">The 12-digit code of the division counted.</param>
/// <param name="To">The last day of the period; today when not asked for.</param>
/// <param name="ByStatus">Workers of the division now, per employment status.</param>
/// <param name="RecordsUpdated">Records whose last change falls in the period.</param>
public sealed record KpiResponse(
    string Division,
    DateOnly? From,
    DateOnly To,
    RegisteredResponse Registered,
    IReadOnlyDictionary<string, int> ByStatus,
    EducationResponse Education,
    CertificatesResponse Certificates,
    EmploymentResponse Employment,
    int RecordsUpdated,
    AccuracyResponse Accuracy)
{
    public static KpiResponse Of(KpiView view) => new(
        view.Division,
        view.From,
        view.To,
        new RegisteredResponse(view.Registered.Total, view.Registered.InPeriod),
        view.ByStatus.ToDictionary(pair => EnumNames.Of(pair.Key), pair => pair.Value),
        new EducationResponse(
            view.Education.ByLevel.ToDictionary(pair => EnumNames.Of(pair.Key), pair => pair.Value),
            view.Education.NotRecorded,
            view.Education.JuniorHighOrLess,
            view.Education.JuniorHighOrLessShare),
        new CertificatesResponse(view.Certificates.Without, view.Certificates.WithoutShare),
        new EmploymentResponse(view.Employment.Recommended, view.Employment.Placed, view.Employment.Rate),
        view.RecordsUpdated,
        new AccuracyResponse(view.Accuracy.Verified, view.Accuracy.Confirmed, view.Accuracy.Rate));
}

/// <param name="Total">Workers of the division now.</param>
/// <param name="InPeriod">Of those, registered in the period.</param>
public sealed record RegisteredResponse(int Total, int InPeriod);

/// <param name="ByLevel">Workers per highest completed education.</param>
/// <param name="NotRecorded">Workers whose education is not recorded.</param>
/// <param name="JuniorHighOrLess">Workers with junior high school or less.</param>
/// <param name="JuniorHighOrLessShare">Their share of the workers whose education is recorded.</param>
public sealed record EducationResponse(IReadOnlyDictionary<string, int> ByLevel, int NotRecorded, int JuniorHighOrLess, decimal? JuniorHighOrLessShare);

/// <param name="Without">Workers holding no certificate, self-reported or verified.</param>
/// <param name="WithoutShare">Their share of all workers.</param>
public sealed record CertificatesResponse(int Without, decimal? WithoutShare);

/// <param name="Recommended">Workers first recommended a job in the period.</param>
/// <param name="Placed">Of those, the ones placed through the platform (a job or a registered business) on or after the day of that recommendation.</param>
/// <param name="Rate">Placed ÷ recommended.</param>
public sealed record EmploymentResponse(int Recommended, int Placed, decimal? Rate);

/// <param name="Verified">Verifications made in the period.</param>
/// <param name="Confirmed">Of those, the ones that found every checked fact right.</param>
/// <param name="Rate">Confirmed ÷ verified.</param>
public sealed record AccuracyResponse(int Verified, int Confirmed, decimal? Rate);
