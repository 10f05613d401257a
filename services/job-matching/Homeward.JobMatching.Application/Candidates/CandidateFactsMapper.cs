using Homeward.Contracts.Registry;
using Homeward.JobMatching.Domain.Candidates;
using Homeward.JobMatching.Domain.Common;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Trades;

namespace Homeward.JobMatching.Application.Candidates;

/// <summary>
/// Reads the registry's facts into the candidate's terms. A value this service does not know (a newer enum name) is
/// dropped rather than failing the event: the rest of the facts still count, and a later event brings them again.
/// </summary>
public static class CandidateFactsMapper
{
    public static CandidateFacts From(WorkerFacts facts) => new(
        EnumNames.Parse<EducationLevel>(facts.Education),
        [.. facts.Skills.Select(s => EnumNames.Parse<SkillLevel>(s.Level) is { } level ? new CandidateSkill(s.TradeCode, level) : null).OfType<CandidateSkill>()],
        [.. facts.Certificates.Select(c => new CandidateCertificate(c.Kind, c.TradeCode, EnumNames.Parse<SkillLevel>(c.Level), c.Verified))],
        facts.Intention is { } intention && EnumNames.Parse<WorkLocation>(intention.Where) is { } where
            ? new CandidateIntention(
                intention.Trades,
                where,
                intention.MinimumMonthlyWage,
                intention.AvailableFrom,
                [.. intention.BusyMonths.Where(m => m is >= 1 and <= 12).Distinct().Order()],
                intention.MustStayNearFamily)
            : null,
        facts.ResidenceDivision);

    public static CandidateStatus? Status(string? status) => EnumNames.Parse<CandidateStatus>(status);
}
