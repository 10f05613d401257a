namespace Homeward.JobMatching.Domain.Matching;

public enum MatchFactor
{
    Trade = 0,
    Certificates = 1,
    Education = 2,
    Distance = 3,
    Wage = 4,
    Intention = 5,
}

/// <param name="Fit">How well the factor is met, from 0 to 1.</param>
/// <param name="Points">What the factor adds to the score: its share of the weights times its fit, out of 100.</param>
/// <param name="Explanation">The fit in plain words.</param>
public sealed record ScoreComponent(MatchFactor Factor, double Weight, double Fit, double Points, string Explanation);

/// <param name="Score">0 to 100, the sum of the components' points.</param>
/// <param name="Unmet">Each requirement or wish the pair does not meet, in plain words, e.g. "needs a welder certificate, level intermediate".</param>
public sealed record MatchResult(double Score, IReadOnlyList<ScoreComponent> Breakdown, IReadOnlyList<string> Unmet);
