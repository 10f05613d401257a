using FluentValidation;
using Homeward.BuildingBlocks.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Registry.Application.Monitoring;

/// <summary>
/// Draws workers at random from a division within the caller's, for verification: the accuracy figure is only as
/// good as the sample is random. Workers verified in the last <see cref="DrawVerificationSampleHandler.RecentlyVerifiedDays"/> days are left out so
/// that the same people are not checked again and again. Nothing is stored; the verifications that follow are.
/// </summary>
/// <param name="Division">The caller's division when not given.</param>
public sealed record DrawVerificationSample(string? Division, int? Size) : IQuery<VerificationSampleView>;

public sealed record VerificationSampleView(string? Division, DateTimeOffset DrawnAt, IReadOnlyList<SampledWorker> Workers);

public sealed record SampledWorker(Guid WorkerId, string Name, string HouseholdDivision);

public sealed class DrawVerificationSampleValidator : AbstractValidator<DrawVerificationSample>
{
    public const int MaxSize = 500;

    public DrawVerificationSampleValidator()
    {
        RuleFor(c => c.Division).MustBeADivision();
        RuleFor(c => c.Size).Must(size => size is >= 1 and <= MaxSize).WithMessage($"The sample size is 1 to {MaxSize}.");
    }
}

public sealed class DrawVerificationSampleHandler(IRegistryDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<DrawVerificationSample, VerificationSampleView>
{
    public const int RecentlyVerifiedDays = 30;

    public async ValueTask<VerificationSampleView> Handle(DrawVerificationSample command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var recently = now.AddDays(-RecentlyVerifiedDays);
        var sample = await db.VisibleWorkers(currentUser, command.Division).AsNoTracking()
            .Where(w => !db.Verifications.Any(v => v.WorkerId == w.Id && v.VerifiedAt >= recently))
            .OrderBy(_ => Guid.NewGuid())
            .Take(command.Size!.Value)
            .Select(w => new SampledWorker(w.Id, w.Name, w.HouseholdDivisionCode))
            .ToListAsync(cancellationToken);
        return new VerificationSampleView(command.Division ?? currentUser.Division?.Value, now, sample);
    }
}
