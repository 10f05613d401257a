using FluentValidation;
using FluentValidation.Results;
using Homeward.BuildingBlocks.Application.Errors;
using Mediator;

namespace Homeward.BuildingBlocks.Application.Behaviors;

/// <summary>Runs every validator of a message before its handler; any failure becomes a validation problem.</summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        List<ValidationFailure>? failures = null;
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            if (!result.IsValid)
            {
                (failures ??= []).AddRange(result.Errors);
            }
        }

        if (failures is not null)
        {
            throw RequestValidationException.From(failures);
        }

        return await next(message, cancellationToken);
    }
}
