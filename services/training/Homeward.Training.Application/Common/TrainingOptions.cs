using Homeward.Training.Domain.Enrollments;

namespace Homeward.Training.Application.Common;

/// <summary>The city's training rules (configuration section "Training").</summary>
public sealed class TrainingOptions
{
    public const string Section = "Training";

    /// <summary>Practical hours as a share of all hours below which a course cannot be published.</summary>
    public decimal MinimumPracticalShare { get; set; } = 0.4m;

    /// <summary>Share of all hours held a trainee must attend to complete.</summary>
    public decimal MinimumAttendance { get; set; } = 0.8m;

    /// <summary>Share of the practical hours held a trainee must attend to complete.</summary>
    public decimal MinimumPracticalAttendance { get; set; } = 0.9m;

    /// <summary>Score (0–100) needed in both the theory and the practical part of an assessment.</summary>
    public int PassMark { get; set; } = 60;

    /// <summary>Seats of one suggested session when demand exceeds the seats planned.</summary>
    public int SuggestedSessionSize { get; set; } = 30;

    /// <summary>How long after completion a start of work counts as post-training employment.</summary>
    public int EmploymentWindowMonths { get; set; } = 6;

    /// <summary>The body named as issuer on every certificate.</summary>
    public string CertificateIssuer { get; set; } = "示范市职业技能鉴定中心";

    /// <summary>Enrollments one process lets wait on session locks at once (see EnrollmentGate); well below the connection pool's size.</summary>
    public int MaxConcurrentEnrollments { get; set; } = 8;

    public CompletionRule CompletionRule => new(MinimumAttendance, MinimumPracticalAttendance);

    public bool AreValid =>
        MinimumPracticalShare is >= 0m and <= 1m
        && MinimumAttendance is >= 0m and <= 1m
        && MinimumPracticalAttendance is >= 0m and <= 1m
        && PassMark is >= 0 and <= 100
        && SuggestedSessionSize > 0
        && MaxConcurrentEnrollments > 0
        && EmploymentWindowMonths > 0
        && !string.IsNullOrWhiteSpace(CertificateIssuer);
}
