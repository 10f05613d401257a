namespace Homeward.Contracts.Registry;

/// <summary>What other services need to know of a worker's profile: no national ID, no phone, no family details.</summary>
/// <param name="Education">EducationLevel name in camelCase, e.g. "juniorHigh"; null when unknown.</param>
/// <param name="ResidenceDivision">Division code of where the worker lives now, when known.</param>
/// <param name="Status">EmploymentStatus name in camelCase, e.g. "seekingWork".</param>
/// <param name="ReturnedOn">The day the worker came home, when known; policies count the days since.</param>
public sealed record WorkerFacts(
    string? Education,
    IReadOnlyList<WorkerSkill> Skills,
    IReadOnlyList<WorkerCertificate> Certificates,
    WorkerIntention? Intention,
    IReadOnlyList<string> TrainingNeeds,
    string? ResidenceDivision,
    string Status,
    DateOnly? ReturnedOn = null);

/// <param name="Level">SkillLevel name in camelCase: none, junior, intermediate, senior, technician.</param>
public sealed record WorkerSkill(string TradeCode, string Level);

/// <param name="Kind">skillLevel, specialOperation, professionalQualification or other.</param>
public sealed record WorkerCertificate(string Number, string Kind, string? TradeCode, string? Level, bool Verified);

/// <param name="Where">homeCounty, city, partnerCities or anywhere.</param>
/// <param name="BusyMonths">Months (1–12) in which the worker is not available.</param>
public sealed record WorkerIntention(
    IReadOnlyList<string> Trades,
    string Where,
    decimal? MinimumMonthlyWage,
    DateOnly? AvailableFrom,
    IReadOnlyList<int> BusyMonths,
    bool MustStayNearFamily);
