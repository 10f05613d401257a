using Homeward.SharedKernel.Trades;

namespace Homeward.Training.Domain.Certificates;

public enum CertificateRoute
{
    /// <summary>Earned by completing a session and passing its assessment.</summary>
    Course = 0,

    /// <summary>Earned by passing an assessment of informal experience, without a course.</summary>
    PriorLearning = 1,
}

/// <summary>A skill level certificate in a trade, issued to a worker by the city's training office.</summary>
public sealed class Certificate
{
    private Certificate()
    {
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; } = string.Empty;

    public Guid WorkerId { get; private set; }

    public string WorkerDivision { get; private set; } = string.Empty;

    public string TradeCode { get; private set; } = string.Empty;

    public SkillLevel Level { get; private set; }

    public DateOnly IssuedOn { get; private set; }

    public CertificateRoute Route { get; private set; }

    /// <summary>The enrollment it was earned in (route Course) or the assessment (route PriorLearning).</summary>
    public Guid SourceId { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The number states the year, the trade's occupation code and a unique serial taken from the certificate id.</summary>
    public static Certificate Issue(
        Guid id, Guid workerId, string workerDivision, string tradeCode, SkillLevel level, DateOnly issuedOn, CertificateRoute route, Guid sourceId, DateTimeOffset now)
    {
        var occupation = TradeCatalog.Current.Find(tradeCode)?.OccupationCode.Replace("-", string.Empty, StringComparison.Ordinal) ?? tradeCode;
        return new Certificate
        {
            Id = id,
            Number = $"HW{issuedOn.Year}-{occupation}-{id.ToString("N")[^10..].ToUpperInvariant()}",
            WorkerId = workerId,
            WorkerDivision = workerDivision,
            TradeCode = tradeCode,
            Level = level,
            IssuedOn = issuedOn,
            Route = route,
            SourceId = sourceId,
            RecordedAt = now,
        };
    }
}
