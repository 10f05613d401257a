using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.JobMatching.Domain.Recommendations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.Recommendations;

/// <summary>
/// Records what came of a recommendation (If-Match), at the time it happened (now when left out). A hire is recorded
/// by placing the worker from the recommendation, which also fills a place of the vacancy.
/// </summary>
public sealed record RecordOutcome(Guid RecommendationId, uint ExpectedVersion, RecommendationOutcome? Outcome, DateTimeOffset? At, string? Note) : ICommand<RecommendationView>;

public sealed class RecordOutcomeValidator : AbstractValidator<RecordOutcome>
{
    public RecordOutcomeValidator()
    {
        RuleFor(c => c.Outcome).NotNull().WithMessage("The outcome is required.").IsInEnum()
            .Must(outcome => outcome != RecommendationOutcome.Hired)
            .WithMessage("A hire is recorded by POST /placements with the recommendationId, so that it fills a place of the vacancy.");
        RuleFor(c => c.Note).MaximumLength(500).WithMessage("A note has at most 500 characters.");
    }
}

public sealed class RecordOutcomeHandler(IJobMatchingDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<RecordOutcome, RecommendationView>
{
    public async ValueTask<RecommendationView> Handle(RecordOutcome command, CancellationToken cancellationToken)
    {
        var recommendation = await db.Recommendations
            .WithinDivisionOf(currentUser, r => r.WorkerDivision)
            .FirstOrDefaultAsync(r => r.Id == command.RecommendationId, cancellationToken)
            ?? throw new NotFoundException("Recommendation", command.RecommendationId);
        if (recommendation.RowVersion != command.ExpectedVersion)
        {
            throw new PreconditionFailedException("Recommendation", command.RecommendationId);
        }

        db.ExpectRowVersion(recommendation, command.ExpectedVersion);
        var now = clock.GetUtcNow();
        recommendation.RecordOutcome(command.Outcome!.Value, command.At ?? now, currentUser.Id, string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim(), now);
        await db.SaveChangesAsync(cancellationToken);
        return RecommendationView.From(recommendation);
    }
}
