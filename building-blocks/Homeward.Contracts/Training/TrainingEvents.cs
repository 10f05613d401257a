using MassTransit;

namespace Homeward.Contracts.Training;

/// <summary>A worker enrolled in (and was given a seat at) a training session.</summary>
[MessageUrn("homeward:training:training-enrolled:v1")]
[EntityName("homeward.training.training-enrolled.v1")]
public sealed record TrainingEnrolled(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid EnrollmentId,
    Guid WorkerId,
    Guid SessionId,
    string TradeCode,
    DateOnly StartsOn,
    DateOnly EndsOn) : IIntegrationEvent;

/// <summary>A worker finished a training session, passing its completion rule.</summary>
[MessageUrn("homeward:training:training-completed:v1")]
[EntityName("homeward.training.training-completed.v1")]
public sealed record TrainingCompleted(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid EnrollmentId,
    Guid WorkerId,
    Guid SessionId,
    string TradeCode,
    DateOnly CompletedOn) : IIntegrationEvent;

/// <summary>A worker left a training session before completing it (or did not meet its completion rule).</summary>
[MessageUrn("homeward:training:training-dropped:v1")]
[EntityName("homeward.training.training-dropped.v1")]
public sealed record TrainingDropped(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid EnrollmentId,
    Guid WorkerId,
    Guid SessionId,
    DateOnly DroppedOn) : IIntegrationEvent;

/// <summary>A skill certificate was issued to a worker, after a course or a recognition of prior learning.</summary>
/// <param name="Level">SkillLevel name in camelCase.</param>
[MessageUrn("homeward:training:certificate-issued:v1")]
[EntityName("homeward.training.certificate-issued.v1")]
public sealed record CertificateIssued(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid CertificateId,
    Guid WorkerId,
    string Number,
    string TradeCode,
    string Level,
    string Issuer,
    DateOnly IssuedOn) : IIntegrationEvent;
