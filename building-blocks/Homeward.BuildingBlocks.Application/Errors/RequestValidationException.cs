using System.Text.Json;
using FluentValidation.Results;

namespace Homeward.BuildingBlocks.Application.Errors;

/// <summary>
/// The request is malformed: each entry names a field the way the client wrote it (camelCase JSON path) and says
/// what is wrong with it. Answered as an RFC 9457 validation problem (400).
/// </summary>
public sealed class RequestValidationException : Exception
{
    public RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base("One or more fields are invalid.")
    {
        Errors = errors;
    }

    public RequestValidationException(string field, string error)
        : this(new Dictionary<string, string[]> { [ToClientPath(field)] = [error] })
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public static RequestValidationException From(IEnumerable<ValidationFailure> failures) =>
        new(failures
            .GroupBy(f => ToClientPath(f.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray()));

    /// <summary>"Skills[0].TradeCode" becomes "skills[0].tradeCode".</summary>
    public static string ToClientPath(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
