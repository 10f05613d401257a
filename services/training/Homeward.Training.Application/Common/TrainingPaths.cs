namespace Homeward.Training.Application.Common;

/// <summary>Where the API serves each resource, for Location headers.</summary>
public static class TrainingPaths
{
    public const string Root = "/api/training/v1";

    public static string Provider(Guid id) => $"{Root}/providers/{id}";

    public static string Course(Guid id) => $"{Root}/courses/{id}";

    public static string Session(Guid id) => $"{Root}/sessions/{id}";

    public static string Enrollment(Guid id) => $"{Root}/enrollments/{id}";

    public static string Certificate(Guid id) => $"{Root}/certificates/{id}";

    public static string PriorLearningAssessment(Guid id) => $"{Root}/prior-learning-assessments/{id}";
}
