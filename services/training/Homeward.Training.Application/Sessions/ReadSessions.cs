using FluentValidation;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Paging;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Divisions;
using Homeward.Training.Application.Common;
using Homeward.Training.Domain.Sessions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Training.Application.Sessions;

public sealed record GetSession(Guid SessionId) : IQuery<SessionView>;

/// <summary>Sessions are read city-wide, so an office can send its workers to a session held elsewhere.</summary>
public sealed class GetSessionHandler(ITrainingDbContext db) : IQueryHandler<GetSession, SessionView>
{
    public async ValueTask<SessionView> Handle(GetSession query, CancellationToken cancellationToken) =>
        SessionView.From(await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == query.SessionId, cancellationToken)
            ?? throw new NotFoundException("Session", query.SessionId));
}

/// <param name="Division">Sessions held within this division.</param>
/// <param name="Status">planned, open, inProgress, completed or cancelled.</param>
public sealed record ListSessions(string? Division, string? TradeCode, string? Status, PageRequest Page) : IQuery<Page<SessionView>>;

public sealed class ListSessionsValidator : AbstractValidator<ListSessions>
{
    public ListSessionsValidator()
    {
        RuleFor(q => q.Division).Must(DivisionFilter.IsValid).WithMessage(DivisionFilter.Message);
        RuleFor(q => q.Status).Must(status => EnumNames.Parse<SessionStatus>(status) is not null).When(q => q.Status is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage("The status is planned, open, inProgress, completed or cancelled.");
    }
}

public sealed class ListSessionsHandler(ITrainingDbContext db) : IQueryHandler<ListSessions, Page<SessionView>>
{
    public async ValueTask<Page<SessionView>> Handle(ListSessions query, CancellationToken cancellationToken)
    {
        var sessions = db.Sessions.AsNoTracking();
        if (query.Division is not null)
        {
            var (first, last) = DivisionCode.Parse(query.Division).SubtreeRange;
            sessions = sessions.Where(s => string.Compare(s.Division, first) >= 0 && string.Compare(s.Division, last) <= 0);
        }

        if (query.TradeCode is { } trade)
        {
            sessions = sessions.Where(s => s.TradeCode == trade);
        }

        if (EnumNames.Parse<SessionStatus>(query.Status) is { } status)
        {
            sessions = sessions.Where(s => s.Status == status);
        }

        var after = query.Page.After<Guid?>();
        var fetched = await sessions
            .Where(s => after == null || s.Id.CompareTo(after.Value) > 0)
            .OrderBy(s => s.Id)
            .Take(query.Page.Limit + 1)
            .ToListAsync(cancellationToken);
        return Page<SessionView>.FromOverFetch(fetched.Select(SessionView.From).ToList(), query.Page, s => (Guid?)s.Id);
    }
}
