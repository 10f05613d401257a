using MassTransit;

namespace Homeward.Contracts.Subsidy;

/// <summary>A subsidy was paid out to a worker (or their business): the bank confirmed the transfer. No bank account.</summary>
/// <param name="PolicyKind">startupSubsidy, guaranteedLoan, taxRelief, hiringSubsidy or travelSubsidy.</param>
/// <param name="HouseholdDivision">12-digit code of the worker's household division.</param>
[MessageUrn("homeward:subsidy:subsidy-disbursed:v1")]
[EntityName("homeward.subsidy.subsidy-disbursed.v1")]
public sealed record SubsidyDisbursed(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid DisbursementId,
    Guid ApplicationId,
    Guid PolicyId,
    string PolicyCode,
    string PolicyKind,
    int PolicyVersion,
    Guid WorkerId,
    Guid? BusinessId,
    decimal Amount,
    DateOnly PaidOn,
    string HouseholdDivision) : IIntegrationEvent;
