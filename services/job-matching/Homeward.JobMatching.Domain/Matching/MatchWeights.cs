namespace Homeward.JobMatching.Domain.Matching;

/// <summary>How much each factor counts in a match score; only their ratios matter (the score is out of 100).</summary>
public sealed record MatchWeights(double Trade, double Certificates, double Education, double Distance, double Wage, double Intention)
{
    public double Total => Trade + Certificates + Education + Distance + Wage + Intention;

    public bool AreValid =>
        new[] { Trade, Certificates, Education, Distance, Wage, Intention }.All(w => w >= 0 && double.IsFinite(w)) && Total > 0;
}
