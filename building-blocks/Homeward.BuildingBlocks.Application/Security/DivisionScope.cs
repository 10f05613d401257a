using System.Linq.Expressions;
using Homeward.BuildingBlocks.Application.Errors;
using Homeward.SharedKernel.Divisions;

namespace Homeward.BuildingBlocks.Application.Security;

/// <summary>
/// Limits worker-level data to the caller's division and the divisions below it. Reads outside answer 404 exactly
/// like a missing record; lists never contain them; a write that would place a record outside is refused.
/// </summary>
public static class DivisionScope
{
    /// <summary>Whether a record in <paramref name="divisionCode"/> lies within the caller's division.</summary>
    public static bool Covers(this ICurrentUser user, string divisionCode) =>
        user.Division is { } scope && divisionCode.StartsWith(scope.Prefix, StringComparison.Ordinal);

    /// <summary>Filters a query to records whose division (a stored 12-digit code) lies within the caller's.</summary>
    public static IQueryable<T> WithinDivisionOf<T>(this IQueryable<T> query, ICurrentUser user, Expression<Func<T, string>> division)
    {
        if (user.Division is not { } scope)
        {
            return query.Where(_ => false);
        }

        // A range on the stored code, which an ordinary index serves. The bounds are written into the SQL as literals,
        // not sent as parameters: a statement the server has prepared is then planned knowing how much of the table the
        // caller's division covers. With parameters, its generic plan guessed a small range and, for a city-wide office
        // loading a page of workers by id, scanned the division index over the whole register (tens of milliseconds)
        // instead of the primary key. A service sees only as many distinct bounds as its offices have divisions.
        var (first, last) = scope.SubtreeRange;
        var compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
        var code = division.Body;
        var atLeastFirst = Expression.GreaterThanOrEqual(Expression.Call(compare, code, Expression.Constant(first)), Expression.Constant(0));
        var atMostLast = Expression.LessThanOrEqual(Expression.Call(compare, code, Expression.Constant(last)), Expression.Constant(0));
        return query.Where(Expression.Lambda<Func<T, bool>>(Expression.AndAlso(atLeastFirst, atMostLast), division.Parameters));
    }

    /// <summary>Refuses (403) a write that would place a record in a division outside the caller's.</summary>
    public static void EnsureMayPlaceIn(this ICurrentUser user, DivisionCode division)
    {
        if (!user.Covers(division.Value))
        {
            throw new ForbiddenException($"Division {division} lies outside your office's division; you cannot place a record there.");
        }
    }
}
