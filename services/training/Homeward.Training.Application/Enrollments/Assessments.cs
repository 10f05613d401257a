using FluentValidation;
using Homeward.BuildingBlocks.Application.Messaging;
using Homeward.SharedKernel;
using Homeward.Training.Application.Certificates;
using Homeward.Training.Application.Common;
using Homeward.Training.Domain.Certificates;
using Homeward.Training.Domain.Enrollments;
using Homeward.Training.Domain.Sessions;

namespace Homeward.Training.Application.Enrollments;

/// <summary>
/// Recording a trainee's scores, for one assessment and for a session's sheet alike: the pass mark decides the pass, and
/// a trainee who has already completed the session and passes is certified at once (CertificateIssued).
/// </summary>
internal static class Assessments
{
    public static void Record(
        ITrainingDbContext db, IOutbox outbox, TrainingOptions options, TimeProvider clock, Enrollment enrollment, TrainingSession session, int theoryScore, int practicalScore)
    {
        enrollment.RecordAssessment(theoryScore, practicalScore, options.PassMark);
        if (enrollment.MayBeCertified)
        {
            var certificate = CertificateIssuance.Issue(
                db, outbox, options, enrollment.WorkerId, enrollment.WorkerDivision, session.TradeCode, session.Level,
                CertificateRoute.Course, enrollment.Id, clock.Today(), clock.GetUtcNow());
            enrollment.Certify(certificate.Id);
        }
    }

    /// <summary>A score of either part: required, 0 to 100.</summary>
    public static IRuleBuilderOptions<T, int?> IsScore<T>(this IRuleBuilder<T, int?> rule, string part) =>
        rule.NotNull().WithMessage($"The {part} score is required.").InclusiveBetween(0, 100).WithMessage("A score is 0 to 100.");
}
