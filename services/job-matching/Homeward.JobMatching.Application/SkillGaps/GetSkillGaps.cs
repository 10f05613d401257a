using FluentValidation;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Application.Common;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Divisions;
using Mediator;

namespace Homeward.JobMatching.Application.SkillGaps;

/// <summary>The skill-gap report of a division within the caller's (the caller's own when not given), largest gap first.</summary>
public sealed record GetSkillGaps(string? Division) : IQuery<SkillGapsView>;

public sealed record SkillGapsView(string Division, IReadOnlyList<SkillGap> Items);

public sealed class GetSkillGapsValidator : AbstractValidator<GetSkillGaps>
{
    public GetSkillGapsValidator() =>
        RuleFor(q => q.Division).Must(code => DivisionCode.TryParse(code, out _)).When(q => q.Division is not null).WithMessage(DivisionFilter.Message);
}

public sealed class GetSkillGapsHandler(IJobMatchingDbContext db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<GetSkillGaps, SkillGapsView>
{
    public async ValueTask<SkillGapsView> Handle(GetSkillGaps query, CancellationToken cancellationToken)
    {
        var division = currentUser.ReportDivision(query.Division);
        return new(division.Value, await SkillGapReport.ComputeAsync(db, division, clock.Today(), cancellationToken));
    }
}
