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

    /// <summary>Matchmaking fairs held with the partner cities.</summary>
    public const int FairsHeld = 30;

    /// <summary>¥23M of startup subsidies paid to 1,200+ businesses started by returning workers.</summary>
    public const int BusinessesPaid = 1_200;

    public const decimal StartupSubsidiesPaid = 23_000_000m;

    /// <summary>¥850M of guaranteed startup loans, driving 32,000 jobs.</summary>
    public const decimal GuaranteedLoans = 850_000_000m;

    public const int JobsDrivenByLoans = 32_000;

    /// <summary>One district relieved 350 started businesses of tax for up to three years.</summary>
    public const int TaxReliefBusinesses = 350;

    /// <summary>1,200 training sessions, 58,000 person-times, 20+ trades.</summary>
    public const int TrainingSessions = 1_200;

    public const int TrainingEnrollments = 58_000;

    /// <summary>E-commerce: 80 sessions, 4,200 trained, 1,800 of whom went into e-commerce.</summary>
    public const int ECommerceSessions = 80;

    public const int ECommerceTrainees = 4_200;

    public const int ECommerceWorkersAfterTraining = 1_800;

    /// <summary>A count of the speech scaled to a city of <paramref name="workers"/>, at least one.</summary>
    public static int Scaled(int count, int workers) => Math.Max(1, (int)Math.Round((double)count * workers / RegisteredWorkers));

    /// <summary>An amount of the speech scaled to a city of <paramref name="workers"/>, in whole yuan.</summary>
    public static decimal Scaled(decimal amount, int workers) => Math.Round(amount * workers / RegisteredWorkers, 0);
}
