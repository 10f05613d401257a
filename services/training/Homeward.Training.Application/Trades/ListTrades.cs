using Homeward.SharedKernel;
using Homeward.SharedKernel.Trades;
using Mediator;

namespace Homeward.Training.Application.Trades;

/// <summary>The trades the city trains for, from the shipped reference data release.</summary>
public sealed record ListTrades(bool IncludeRetired) : IQuery<TradeListView>;

public sealed record TradeListView(string Release, IReadOnlyList<Trade> Trades);

public sealed class ListTradesHandler(TimeProvider clock) : IQueryHandler<ListTrades, TradeListView>
{
    public ValueTask<TradeListView> Handle(ListTrades query, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var catalog = TradeCatalog.Current;
        var trades = catalog.All.Where(t => query.IncludeRetired || t.IsActiveOn(today)).ToList();
        return ValueTask.FromResult(new TradeListView(catalog.Version.ToString(), trades));
    }
}
