using Homeward.BuildingBlocks.Application.Errors;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.SharedKernel.Divisions;

namespace Homeward.Training.Application.Common;

/// <summary>The division a report covers: the one asked for, which must lie within the caller's, or the caller's own.</summary>
public static class DivisionFilter
{
    public const string Message = "The division is a 12-digit statistical code or a 6-digit county code.";

    public static DivisionCode ReportDivision(this ICurrentUser currentUser, string? requested)
    {
        var division = requested is null
            ? currentUser.Division ?? throw new ForbiddenException("Your token names no division; figures are kept per division.")
            : DivisionCode.Parse(requested);
        if (!currentUser.Covers(division.Value))
        {
            throw new ForbiddenException($"Division {division} lies outside your office's division.");
        }

        return division;
    }

    public static bool IsValid(string? code) => code is null || DivisionCode.TryParse(code, out _);
}
