using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Trades;
using Homeward.Training.Application.Common;
using Homeward.Training.Application.Workers;
using Homeward.Training.Domain.Certificates;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Homeward.Training.Application.Certificates;

public sealed record PriorLearningAssessmentView(
    Guid Id, Guid WorkerId, string WorkerDivision, string TradeCode, SkillLevel Level, int TheoryScore, int PracticalScore, bool Passed, string Assessor, DateOnly AssessedOn, Guid? CertificateId)
{
    public static PriorLearningAssessmentView From(PriorLearningAssessment a) => new(
        a.Id, a.WorkerId, a.WorkerDivision, a.TradeCode, a.Level, a.TheoryScore, a.PracticalScore, a.Passed, a.Assessor, a.AssessedOn, a.CertificateId);
}

/// <summary>
/// Recognition of prior learning: records the assessment of a registered worker of the caller's division in a trade
/// and level without the course. A pass issues the certificate (CertificateIssued); a worker already holding that
/// trade and level is not assessed again (409 already-certified).
/// </summary>
public sealed record AssessPriorLearning(Guid? WorkerId, string? TradeCode, SkillLevel? Level, int? TheoryScore, int? PracticalScore, string? Assessor, DateOnly? AssessedOn)
    : ICommand<PriorLearningAssessmentView>;

public sealed class AssessPriorLearningValidator : AbstractValidator<AssessPriorLearning>
{
    public AssessPriorLearningValidator(TimeProvider clock)
    {
        RuleFor(c => c.WorkerId).NotNull().WithMessage("The worker is required.");
        RuleFor(c => c.TradeCode).NotEmpty().WithMessage("The trade is required.")
            .Must(code => TradeCatalog.Current.Find(code!) is { RetiredOn: null }).When(c => !string.IsNullOrEmpty(c.TradeCode), ApplyConditionTo.CurrentValidator)
            .WithMessage("The trade is an active code of the trade reference data, e.g. welder.");
        RuleFor(c => c.Level).NotNull().WithMessage("The level is junior, intermediate, senior or technician.")
            .Must(level => level is not SkillLevel.None).WithMessage("The level is junior, intermediate, senior or technician.").IsInEnum();
        RuleFor(c => c.TheoryScore).NotNull().WithMessage("The theory score is required.").InclusiveBetween(0, 100).WithMessage("A score is 0 to 100.");
        RuleFor(c => c.PracticalScore).NotNull().WithMessage("The practical score is required.").InclusiveBetween(0, 100).WithMessage("A score is 0 to 100.");
        RuleFor(c => c.Assessor).NotEmpty().WithMessage("The assessor is required.").MaximumLength(100).WithMessage("An assessor's name has at most 100 characters.");
        RuleFor(c => c.AssessedOn).NotNull().WithMessage("The day of the assessment is required.")
            .Must(day => day <= clock.Today()).When(c => c.AssessedOn is not null, ApplyConditionTo.CurrentValidator).WithMessage("An assessment is recorded on or after the day it took place.");
    }
}

public sealed class AssessPriorLearningHandler(
    ITrainingDbContext db, IOutbox outbox, ICurrentUser currentUser, IOptions<TrainingOptions> options, TimeProvider clock)
    : ICommandHandler<AssessPriorLearning, PriorLearningAssessmentView>
{
    public async ValueTask<PriorLearningAssessmentView> Handle(AssessPriorLearning command, CancellationToken cancellationToken)
    {
        var worker = await db.Workers.AsNoTracking().FindRegisteredAsync(currentUser, command.WorkerId!.Value, cancellationToken);
        var level = command.Level!.Value;
        var held = await db.Certificates.AsNoTracking()
            .Where(c => c.WorkerId == worker.WorkerId && c.TradeCode == command.TradeCode && c.Level == level)
            .Select(c => (Guid?)c.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (held is { } certificateId)
        {
            throw new ConflictException("already-certified", "The worker already holds a certificate of this trade and level.", TrainingPaths.Certificate(certificateId));
        }

        var now = clock.GetUtcNow();
        var assessment = PriorLearningAssessment.Record(
            Guid.CreateVersion7(now), worker.WorkerId, worker.HouseholdDivision, command.TradeCode!, level, command.TheoryScore!.Value, command.PracticalScore!.Value,
            options.Value.PassMark, command.Assessor!.Trim(), command.AssessedOn!.Value, now);
        db.PriorLearningAssessments.Add(assessment);
        if (assessment.Passed)
        {
            var certificate = CertificateIssuance.Issue(
                db, outbox, options.Value, worker.WorkerId, worker.HouseholdDivision, assessment.TradeCode, level, CertificateRoute.PriorLearning, assessment.Id, assessment.AssessedOn, now);
            assessment.Certify(certificate.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        return PriorLearningAssessmentView.From(assessment);
    }
}

public sealed record GetPriorLearningAssessment(Guid AssessmentId) : IQuery<PriorLearningAssessmentView>;

public sealed class GetPriorLearningAssessmentHandler(ITrainingDbContext db, ICurrentUser currentUser) : IQueryHandler<GetPriorLearningAssessment, PriorLearningAssessmentView>
{
    public async ValueTask<PriorLearningAssessmentView> Handle(GetPriorLearningAssessment query, CancellationToken cancellationToken) =>
        PriorLearningAssessmentView.From(await db.PriorLearningAssessments.AsNoTracking()
            .WithinDivisionOf(currentUser, a => a.WorkerDivision)
            .FirstOrDefaultAsync(a => a.Id == query.AssessmentId, cancellationToken)
            ?? throw new NotFoundException("PriorLearningAssessment", query.AssessmentId));
}
