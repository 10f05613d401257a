using Homeward.SharedKernel.Trades;

namespace Homeward.Training.Domain.Certificates;

/// <summary>
/// Recognition of prior learning: a worker with informal experience takes the assessment of a trade and level
/// without the course; passing both marks earns the same certificate the course would.
/// </summary>
public sealed class PriorLearningAssessment
{
    private PriorLearningAssessment()
    {
    }

    public Guid Id { get; private set; }

    public Guid WorkerId { get; private set; }

    public string WorkerDivision { get; private set; } = string.Empty;

    public string TradeCode { get; private set; } = string.Empty;

    public SkillLevel Level { get; private set; }

    public int TheoryScore { get; private set; }

    public int PracticalScore { get; private set; }

    public bool Passed { get; private set; }

    public string Assessor { get; private set; } = string.Empty;

    public DateOnly AssessedOn { get; private set; }

    public Guid? CertificateId { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public static PriorLearningAssessment Record(
        Guid id, Guid workerId, string workerDivision, string tradeCode, SkillLevel level, int theoryScore, int practicalScore, int passMark, string assessor, DateOnly assessedOn, DateTimeOffset now) => new()
    {
        Id = id,
        WorkerId = workerId,
        WorkerDivision = workerDivision,
        TradeCode = tradeCode,
        Level = level,
        TheoryScore = theoryScore,
        PracticalScore = practicalScore,
        Passed = theoryScore >= passMark && practicalScore >= passMark,
        Assessor = assessor,
        AssessedOn = assessedOn,
        RecordedAt = now,
    };

    public void Certify(Guid certificateId) => CertificateId = certificateId;
}
