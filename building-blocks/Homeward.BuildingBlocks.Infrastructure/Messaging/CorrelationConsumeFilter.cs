using Homeward.BuildingBlocks.Application.Messaging;
using MassTransit;

namespace Homeward.BuildingBlocks.Infrastructure.Messaging;

/// <summary>Restores the correlation id of the operation that produced a message while it is consumed.</summary>
public sealed class CorrelationConsumeFilter<T> : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var previous = CorrelationContext.Current;
        CorrelationContext.Current = context.Headers.Get<string>(MessagingHeaders.CorrelationId) ?? context.CorrelationId?.ToString();
        try
        {
            await next.Send(context);
        }
        finally
        {
            CorrelationContext.Current = previous;
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("correlation");
}
