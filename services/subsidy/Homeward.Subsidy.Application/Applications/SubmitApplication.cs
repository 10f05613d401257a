using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.SharedKernel;
using Homeward.Subsidy.Application.Eligibility;
using Homeward.Subsidy.Domain.Applications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Subsidy.Application.Applications;

/// <summary>
/// Sends a draft or returned application to the township pre-review, if the caller still has the version they read.
/// The worker must be eligible under the policy's current version, which the application then names.
/// </summary>
public sealed record SubmitApplication(Guid ApplicationId, uint ExpectedVersion) : ICommand<ApplicationView>;

public sealed class SubmitApplicationHandler(ISubsidyDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SubmitApplication, ApplicationView>
{
    public async ValueTask<ApplicationView> Handle(SubmitApplication command, CancellationToken cancellationToken)
    {
        var application = await db.Applications.FindVisibleAsync(currentUser, command.ApplicationId, cancellationToken);
        application.ExpectVersion(db, command.ExpectedVersion);
        var now = clock.GetUtcNow();
        var policy = await db.Policies.AsNoTracking().Include(p => p.Versions).FirstAsync(p => p.Id == application.PolicyId, cancellationToken);
        var worker = await db.Workers.AsNoTracking().FirstAsync(w => w.WorkerId == application.WorkerId, cancellationToken);
        var business = application.BusinessId is { } businessId
            ? await db.Businesses.AsNoTracking().FirstAsync(b => b.Id == businessId, cancellationToken)
            : null;
        var eligibility = await EligibilityContext.LoadAsync(db, [worker.WorkerId], CityCalendar.DayOf(now), cancellationToken, [(policy, policy.Current)]);
        var verdict = eligibility.Evaluate(worker, business).Single();
        if (!verdict.Eligible)
        {
            throw new DomainException(
                "not-eligible",
                $"Under version {verdict.PolicyVersion} the worker is not eligible: {string.Join("; ", verdict.Reasons.Where(r => !r.InFavour).Select(r => r.Text))}.");
        }

        application.Submit(policy.CurrentVersion, policy.Current.Terms.Deadlines, currentUser.Id, now);
        await db.SaveChangesAsync(cancellationToken);
        return ApplicationView.From(application, now);
    }
}

public static class ApplicationConcurrency
{
    /// <summary>The application must still have the row version the client read (If-Match); otherwise 412.</summary>
    public static void ExpectVersion(this SubsidyApplication application, ISubsidyDbContext db, uint expected)
    {
        if (application.RowVersion != expected)
        {
            throw new PreconditionFailedException("Application", application.Id);
        }

        db.ExpectRowVersion(application, expected);
    }
}
