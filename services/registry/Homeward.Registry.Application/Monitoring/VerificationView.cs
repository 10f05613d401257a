using Homeward.Registry.Domain.Monitoring;
using Homeward.Registry.Domain.Workers;

namespace Homeward.Registry.Application.Monitoring;

public sealed record VerificationView(
    Guid Id,
    Guid WorkerId,
    string HouseholdDivision,
    DateTimeOffset VerifiedAt,
    string VerifiedBy,
    InformationSource Source,
    bool Confirmed,
    IReadOnlyList<string> CorrectedFields)
{
    public static VerificationView From(Verification verification) => new(
        verification.Id,
        verification.WorkerId,
        verification.HouseholdDivisionCode,
        verification.VerifiedAt,
        verification.VerifiedBy,
        verification.Source,
        verification.Confirmed,
        verification.CorrectedFields);
}
