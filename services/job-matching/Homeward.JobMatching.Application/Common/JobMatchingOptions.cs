namespace Homeward.JobMatching.Application.Common;

/// <summary>Where the service works: the city whose workers and enterprises it serves, and its partner cities.</summary>
public sealed class JobMatchingOptions
{
    public const string Section = "JobMatching";

    /// <summary>The 12-digit division code of the city; a local employer lies within it.</summary>
    public string CityDivision { get; set; } = "419900000000";

    /// <summary>The partner cities of labour cooperation, by the partner id their clients carry (e.g. "tianjin").</summary>
    public IList<string> PartnerCities { get; } = [];

    /// <summary>How often open vacancies past their valid-through date are looked for and expired.</summary>
    public TimeSpan ExpiryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether the city's skill gaps are announced to Training once a day without anyone asking.</summary>
    public bool PublishSkillGapsDaily { get; set; } = true;

    /// <summary>How often the service looks whether today's skill gaps are announced yet.</summary>
    public TimeSpan SkillGapCheckInterval { get; set; } = TimeSpan.FromMinutes(10);
}
