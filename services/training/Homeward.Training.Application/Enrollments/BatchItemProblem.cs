namespace Homeward.Training.Application.Enrollments;

/// <summary>Why one item of a batch was refused, as the single request would have answered it.</summary>
/// <param name="Status">The HTTP status the single request would have had: 404, 409 or 422.</param>
/// <param name="Code">worker-not-found, not-enrolled, already-assessed, or the business rule broken (enrollment-not-assessable, already-certified).</param>
public sealed record BatchItemProblem(int Status, string Code, string Detail)
{
    public static BatchItemProblem NotFound(string code, string detail) => new(404, code, detail);

    public static BatchItemProblem Conflict(string code, string detail) => new(409, code, detail);

    public static BatchItemProblem BreaksRule(string code, string detail) => new(422, code, detail);
}
