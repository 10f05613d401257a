using Homeward.BuildingBlocks.Application.Security;
using Homeward.BuildingBlocks.Web.Security;
using Homeward.SharedKernel.Trades;
using Homeward.Training.Application.Trades;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Homeward.Training.Api.Trades;

public static class TradeEndpoints
{
    public static RouteGroupBuilder MapTradeEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/trades", ListAsync)
            .RequireScope(Scopes.TrainingRead)
            .WithTags("Trades")
            .WithName("ListTrades")
            .WithSummary("List the trades the city trains for and matches on")
            .WithDescription("From the shipped reference data; retired trades are listed only when asked for, so old records still resolve.");
        return api;
    }

    private static async Task<Ok<TradeListResponse>> ListAsync(ISender sender, CancellationToken cancellationToken, bool includeRetired = false)
    {
        var list = await sender.Send(new ListTrades(includeRetired), cancellationToken);
        return TypedResults.Ok(new TradeListResponse(list.Release, list.Trades.Select(TradeResponse.From).ToList()));
    }
}

public sealed record TradeListResponse(string Release, IReadOnlyList<TradeResponse> Items);

/// <param name="Code">Stable trade code used across the platform, e.g. "welder".</param>
/// <param name="OccupationCode">Entry of the national occupational classification.</param>
/// <param name="CertificateLevels">The skill level certificates the city issues in the trade, lowest first.</param>
public sealed record TradeResponse(string Code, string Name, string EnglishName, string OccupationCode, IReadOnlyList<SkillLevel> CertificateLevels, DateOnly? RetiredOn)
{
    private static readonly IReadOnlyList<SkillLevel> CertifiedLevels = [.. Enum.GetValues<SkillLevel>().Where(level => level != SkillLevel.None)];

    public static TradeResponse From(Trade trade) => new(trade.Code, trade.Name, trade.EnglishName, trade.OccupationCode, CertifiedLevels, trade.RetiredOn);
}
