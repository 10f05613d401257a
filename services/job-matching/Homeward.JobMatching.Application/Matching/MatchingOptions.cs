using Homeward.JobMatching.Domain.Matching;

namespace Homeward.JobMatching.Application.Matching;

/// <summary>The weights of the match score and how many pairs one request scores (configuration section "JobMatching:Matching").</summary>
public sealed class MatchingOptions
{
    public const string Section = "JobMatching:Matching";

    public WeightOptions Weights { get; set; } = new();

    /// <summary>The most vacancies or candidates with a trade in common that one request loads and scores.</summary>
    public int MaxScored { get; set; } = 5000;

    /// <summary>When fewer than asked share the trade, the most others that are loaded and scored to fill the list.</summary>
    public int MaxFallbackScored { get; set; } = 500;

    public MatchWeights ToWeights() => new(Weights.Trade, Weights.Certificates, Weights.Education, Weights.Distance, Weights.Wage, Weights.Intention);

    public sealed class WeightOptions
    {
        public double Trade { get; set; } = 30;

        public double Certificates { get; set; } = 20;

        public double Education { get; set; } = 10;

        public double Distance { get; set; } = 15;

        public double Wage { get; set; } = 15;

        public double Intention { get; set; } = 10;
    }
}
