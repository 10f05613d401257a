using FluentValidation;
using Homeward.Registry.Domain.Workers;
using Homeward.SharedKernel.Divisions;

namespace Homeward.Registry.Application.Workers;

/// <summary>Filters that the lists of workers share.</summary>
public static class WorkerQueries
{
    public const string DivisionMessage = "The division is a 12-digit statistical code or a 6-digit county code.";

    /// <summary>
    /// Narrows to a division's subtree. Only ever applied after <c>WithinDivisionOf</c>, so a division outside the
    /// caller's yields nothing rather than someone else's workers.
    /// </summary>
    public static IQueryable<Worker> InDivision(this IQueryable<Worker> workers, string? division)
    {
        if (division is null)
        {
            return workers;
        }

        var (first, last) = DivisionCode.Parse(division).SubtreeRange;
        return workers.Where(w => string.Compare(w.HouseholdDivisionCode, first) >= 0 && string.Compare(w.HouseholdDivisionCode, last) <= 0);
    }

    public static IRuleBuilderOptions<T, string?> MustBeADivision<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(code => code is null || DivisionCode.TryParse(code, out _)).WithMessage(DivisionMessage);
}
