using Homeward.JobMatching.Domain.Matching;

namespace Homeward.JobMatching.Application.Matching;

/// <summary>The weights of the match score and how matching reads its pairs (configuration section "JobMatching:Matching").</summary>
public sealed class MatchingOptions
{
    public const string Section = "JobMatching:Matching";

    public WeightOptions Weights { get; set; } = new();

    /// <summary>How many ids, best bound first, one ranking statement returns; most lists are final within the first page.</summary>
    public int RankingPage { get; set; } = 120;

    /// <summary>How many vacancies or candidates one round trip loads and scores in full, in ranking order.</summary>
    public int ScoreChunk { get; set; } = 60;

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
