using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.BuildingBlocks.Application.Security;
using Homeward.SharedKernel.Trades;
using Homeward.SharedKernel;
using Homeward.Testing;

namespace Homeward.Training.Tests;

/// <summary>The trade list: the shipped reference data, for callers with training.read, never for partner cities.</summary>
public sealed class TradesTests(TrainingService training) : IClassFixture<TrainingService>
{
    private const string Trades = "/api/training/v1/trades";

    private static readonly Caller Reader = Caller.Staff(Caller.City, Roles.TownshipOfficer, Scopes.TrainingRead);

    [Fact]
    public async Task A_caller_with_training_read_gets_the_trades_of_the_current_release()
    {
        var response = await training.ClientFor(Reader).GetAsync(Trades);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(TradeCatalog.Current.Version.ToString(), list.GetProperty("release").GetString());
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.True(items.Count >= 20, $"Expected at least 20 trades, got {items.Count}.");
        Assert.All(items, item =>
        {
            foreach (var field in new[] { "code", "name", "englishName", "occupationCode" })
            {
                Assert.False(string.IsNullOrWhiteSpace(item.GetProperty(field).GetString()), $"A trade has no {field}.");
            }
        });
        Assert.Equal(items.Count, items.Select(item => item.GetProperty("code").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task An_app_with_training_read_may_list_the_trades()
    {
        var response = await training.ClientFor(Caller.App(Scopes.TrainingRead)).GetAsync(Trades);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task By_default_only_trades_active_today_are_listed()
    {
        var today = TimeProvider.System.Today();

        var list = await training.ClientFor(Reader).GetFromJsonAsync<JsonElement>(Trades);

        Assert.Equal(
            TradeCatalog.Current.All.Where(trade => trade.IsActiveOn(today)).Select(trade => trade.Code),
            list.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Including_retired_trades_lists_every_trade_of_the_release()
    {
        var response = await training.ClientFor(Reader).GetAsync($"{Trades}?includeRetired=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(TradeCatalog.Current.All.Select(trade => trade.Code), items.Select(item => item.GetProperty("code").GetString()));
        Assert.Equal(
            TradeCatalog.Current.All.Select(trade => trade.RetiredOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            items.Select(item => item.GetProperty("retiredOn").GetString()));
    }

    [Fact]
    public async Task An_include_retired_value_that_is_not_a_boolean_is_a_400_problem()
    {
        var response = await training.ClientFor(Reader).GetAsync($"{Trades}?includeRetired=sometimes");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Without_a_token_the_trades_answer_401_problem()
    {
        var response = await training.Anonymous.GetAsync(Trades);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_for_training_without_training_read_answers_403_problem()
    {
        var writerOnly = Caller.Staff(Caller.City, Roles.CityAdmin, Scopes.TrainingWrite);

        var response = await training.ClientFor(writerOnly).GetAsync(Trades);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_registry_read_token_addressed_to_training_answers_403_problem()
    {
        var registryReader = Caller.Staff(Caller.City, Roles.CityAdmin, Scopes.RegistryRead);

        var response = await training.ClientWithToken(training.Tokens.TokenWithAudience(registryReader, "training")).GetAsync(Trades);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_token_meant_only_for_another_service_answers_401_problem()
    {
        var registryReader = Caller.Staff(Caller.City, Roles.CityAdmin, Scopes.RegistryRead);

        var response = await training.ClientFor(registryReader).GetAsync(Trades);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_partner_city_client_answers_403_problem_even_with_training_read_in_its_token()
    {
        var partner = Caller.Partner("beijing") with { Scopes = [Scopes.PartnerSync, Scopes.TrainingRead] };

        var response = await training.ClientFor(partner).GetAsync(Trades);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_openapi_document_states_that_listing_trades_needs_training_read()
    {
        var document = await training.Client.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");

        var operation = document.GetProperty("paths").GetProperty(Trades).GetProperty("get");
        var requirement = operation.GetProperty("security").EnumerateArray().Single();
        Assert.Equal([Scopes.TrainingRead], requirement.GetProperty("oauth2").EnumerateArray().Select(scope => scope.GetString()));
        Assert.True(operation.GetProperty("responses").TryGetProperty("403", out _));
    }
}
