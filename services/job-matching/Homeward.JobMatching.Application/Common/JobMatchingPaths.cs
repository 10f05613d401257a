namespace Homeward.JobMatching.Application.Common;

/// <summary>Where the API serves each resource, for Location headers and conflict problems.</summary>
public static class JobMatchingPaths
{
    public const string Root = "/api/job-matching/v1";

    public static string Employer(Guid id) => $"{Root}/employers/{id}";

    public static string Vacancy(Guid id) => $"{Root}/vacancies/{id}";

    public static string Recommendation(Guid id) => $"{Root}/recommendations/{id}";

    public static string Placement(Guid id) => $"{Root}/placements/{id}";

    public static string JobFair(Guid id) => $"{Root}/job-fairs/{id}";

    public static string PartnerCity(string id) => $"{Root}/partner-cities/{id}";
}
