namespace Homeward.DemoCity;

/// <summary>
/// The figures of the city's speech (shared/DOMAIN.md) that the demo city reproduces, as shares of the registered
/// workers so that a small city keeps the full city's proportions.
/// </summary>
public static class SpeechFigures
{
    /// <summary>Worker records collected door to door.</summary>
    public const int RegisteredWorkers = 187_000;

    /// <summary>62,000 of 187,000 workers were given job recommendations.</summary>
    public const double RecommendedShare = 62_000d / RegisteredWorkers;

    /// <summary>48,000 of the recommended were employed through the platform: 77.4%.</summary>
    public const double EmploymentRateAmongRecommended = 0.774;

    /// <summary>Local enterprises absorbed 62% of the employed returnees.</summary>
    public const double LocalShareOfPlacements = 0.62;

    /// <summary>45% have junior high school or less.</summary>
    public const double JuniorHighOrLessShare = 0.45;

    /// <summary>60% hold no skill certificate.</summary>
    public const double WithoutCertificateShare = 0.60;

    /// <summary>200+ partner enterprises in the partner cities.</summary>
    public const double PartnerEnterprisesPerWorker = 200d / RegisteredWorkers;

    /// <summary>Cross-region placements pay ¥4,500 or more a month on average.</summary>
    public const decimal CrossRegionMeanWage = 4_500m;
}
