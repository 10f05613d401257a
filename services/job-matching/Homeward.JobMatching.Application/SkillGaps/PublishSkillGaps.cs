using FluentValidation;
using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Application.Common;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Divisions;
using Mediator;

namespace Homeward.JobMatching.Application.SkillGaps;

/// <summary>
/// Computes the skill-gap report of a division within the caller's (the caller's own when not given) and announces
/// every gap as SkillGapIdentified, so that Training can plan courses for it. Returns what was announced.
/// </summary>
public sealed record PublishSkillGaps(string? Division) : ICommand<SkillGapsView>;

public sealed class PublishSkillGapsValidator : AbstractValidator<PublishSkillGaps>
{
    public PublishSkillGapsValidator() =>
        RuleFor(q => q.Division).Must(code => DivisionCode.TryParse(code, out _)).When(q => q.Division is not null).WithMessage(DivisionFilter.Message);
}

public sealed class PublishSkillGapsHandler(IJobMatchingDbContext db, IOutbox outbox, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<PublishSkillGaps, SkillGapsView>
{
    public async ValueTask<SkillGapsView> Handle(PublishSkillGaps command, CancellationToken cancellationToken)
    {
        var division = currentUser.ReportDivision(command.Division);
        var now = clock.GetUtcNow();
        var gaps = (await SkillGapReport.ComputeAsync(db, division, clock.Today(), cancellationToken)).Where(g => g.Gap > 0).ToList();
        SkillGapReport.Announce(outbox, gaps, division, now);
        await db.SaveChangesAsync(cancellationToken);
        return new(division.Value, gaps);
    }
}
