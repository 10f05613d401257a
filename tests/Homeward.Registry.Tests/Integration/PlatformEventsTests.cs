using System.Net.Http.Json;
using System.Text.Json;
using Homeward.Contracts;
using Homeward.Contracts.JobMatching;
using Homeward.Contracts.Subsidy;
using Homeward.Contracts.Training;
using Homeward.SharedKernel;

namespace Homeward.Registry.Tests.Integration;

/// <summary>
/// Events of job matching, training and subsidy become status facts and certificates on the worker's record: each
/// once, whatever the order of arrival, and a fact the status rules forbid becomes a discrepancy, not a failed message.
/// </summary>
public sealed class PlatformEventsTests : IClassFixture<RegistryService>, IDisposable
{
    private const string Village = "419921101201";

    private static readonly DateOnly Today = TimeProvider.System.Today();

    private readonly RegistryService _registry;
    private readonly PlatformEventBus _events;

    public PlatformEventsTests(RegistryService registry)
    {
        _registry = registry;
        _events = new PlatformEventBus(registry);
    }

    public void Dispose() => _events.Dispose();

    [Fact]
    public async Task A_placement_makes_the_worker_employed_locally_as_of_its_start_with_history_and_event()
    {
        var worker = await RegisterAsync();
        var placed = Placed(worker, Today.AddDays(3));

        await PublishAndWaitAsync(placed);

        var record = await WorkerAsync(worker);
        Assert.Equal("employedLocally", record.GetProperty("status").GetString());
        Assert.Equal(CityCalendar.StartOf(Today.AddDays(3)), record.GetProperty("statusAsOf").GetDateTimeOffset());
        Assert.Equal(
            $"SeekingWork>EmployedLocally Platform job-matching placement {placed.PlacementId} started",
            await ScalarAsync($"SELECT \"from\" || '>' || \"to\" || ' ' || source || ' ' || actor || ' ' || note FROM registry.status_changes WHERE worker_id = '{worker}' AND \"from\" IS NOT NULL"));
        Assert.Equal(
            "employedLocally",
            await ScalarAsync($"SELECT payload->>'to' FROM registry.outbox_messages WHERE type LIKE '%employment-status-changed%' AND payload->>'workerId' = '{worker}'"));
    }

    [Fact]
    public async Task A_placement_starting_on_the_day_the_worker_was_registered_makes_them_employed()
    {
        var worker = await RegisterAsync();
        var registeredAt = (await WorkerAsync(worker)).GetProperty("statusAsOf").GetDateTimeOffset();

        await PublishAndWaitAsync(Placed(worker, CityCalendar.DayOf(registeredAt)));

        var record = await WorkerAsync(worker);
        Assert.Equal("employedLocally", record.GetProperty("status").GetString());
        Assert.Equal(registeredAt, record.GetProperty("statusAsOf").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_placement_outside_the_city_makes_the_worker_employed_elsewhere()
    {
        var worker = await RegisterAsync();

        await PublishAndWaitAsync(Placed(worker, Today.AddDays(1)) with { CrossRegion = true, PartnerId = "beijing" });

        Assert.Equal("employedElsewhere", (await WorkerAsync(worker)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_end_of_the_placement_returns_the_worker_to_seeking_work_as_of_its_end()
    {
        var worker = await RegisterAsync();
        var placed = Placed(worker, Today.AddDays(1));
        await PublishAndWaitAsync(placed);

        await PublishAndWaitAsync(Ended(placed, Today.AddDays(40)));

        var record = await WorkerAsync(worker);
        Assert.Equal("seekingWork", record.GetProperty("status").GetString());
        Assert.Equal(CityCalendar.StartOf(Today.AddDays(40)), record.GetProperty("statusAsOf").GetDateTimeOffset());
        Assert.Equal(2L, await CountAsync($"SELECT count(*) FROM registry.outbox_messages WHERE type LIKE '%employment-status-changed%' AND payload->>'workerId' = '{worker}'"));
    }

    [Fact]
    public async Task The_same_placement_delivered_twice_or_reported_again_has_one_effect()
    {
        var worker = await RegisterAsync();
        var placed = Placed(worker, Today.AddDays(2));

        await PublishAsync(placed);
        await PublishAsync(placed);
        await ConsumedAsync(placed, deliveries: 2);
        await PublishAndWaitAsync(placed with { EventId = Guid.CreateVersion7(), OccurredAt = DateTimeOffset.UtcNow });

        Assert.Equal("employedLocally", (await WorkerAsync(worker)).GetProperty("status").GetString());
        Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM registry.status_changes WHERE worker_id = '{worker}' AND source = 'Platform'"));
        Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM registry.outbox_messages WHERE type LIKE '%employment-status-changed%' AND payload->>'workerId' = '{worker}'"));
    }

    [Fact]
    public async Task An_end_that_overtakes_its_placement_leaves_the_worker_seeking_work_as_of_the_end()
    {
        var worker = await RegisterAsync();
        var placed = Placed(worker, Today.AddDays(1));

        await PublishAndWaitAsync(Ended(placed, Today.AddDays(20)));
        Assert.Equal("seekingWork", (await WorkerAsync(worker)).GetProperty("status").GetString());
        await PublishAndWaitAsync(placed);

        var record = await WorkerAsync(worker);
        Assert.Equal("seekingWork", record.GetProperty("status").GetString());
        Assert.Equal(CityCalendar.StartOf(Today.AddDays(20)), record.GetProperty("statusAsOf").GetDateTimeOffset());
    }

    [Fact]
    public async Task An_older_placement_arriving_after_a_newer_end_only_goes_into_the_history()
    {
        var worker = await RegisterAsync();
        var first = Placed(worker, Today.AddDays(1));
        await PublishAndWaitAsync(first);
        await PublishAndWaitAsync(Ended(first, Today.AddDays(30)));

        var older = Placed(worker, Today.AddDays(10));
        await PublishAndWaitAsync(older);

        var record = await WorkerAsync(worker);
        Assert.Equal("seekingWork", record.GetProperty("status").GetString());
        Assert.Equal(CityCalendar.StartOf(Today.AddDays(30)), record.GetProperty("statusAsOf").GetDateTimeOffset());
        Assert.Equal(
            $"superseded: placement {older.PlacementId} started",
            await ScalarAsync($"SELECT note FROM registry.status_changes WHERE worker_id = '{worker}' AND note LIKE '%{older.PlacementId}%'"));
    }

    [Fact]
    public async Task The_end_of_a_placement_the_status_no_longer_stands_on_changes_nothing()
    {
        var worker = await RegisterAsync();
        var first = Placed(worker, Today.AddDays(1));
        var second = Placed(worker, Today.AddDays(5)) with { CrossRegion = true };
        await PublishAndWaitAsync(first);
        await PublishAndWaitAsync(second);

        await PublishAndWaitAsync(Ended(first, Today.AddDays(6)));

        var record = await WorkerAsync(worker);
        Assert.Equal("employedElsewhere", record.GetProperty("status").GetString());
        Assert.Equal(CityCalendar.StartOf(Today.AddDays(5)), record.GetProperty("statusAsOf").GetDateTimeOffset());
        Assert.StartsWith(
            "not applied",
            await ScalarAsync($"SELECT note FROM registry.status_changes WHERE worker_id = '{worker}' AND note LIKE '%{first.PlacementId} ended%'"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_job_on_the_same_terms_confirms_the_status_and_outlives_the_end_of_the_first()
    {
        var worker = await RegisterAsync();
        var first = Placed(worker, Today.AddDays(1));
        var second = Placed(worker, Today.AddDays(3));
        await PublishAndWaitAsync(first);
        await PublishAndWaitAsync(second);

        await PublishAndWaitAsync(Ended(first, Today.AddDays(4)));
        Assert.Equal("employedLocally", (await WorkerAsync(worker)).GetProperty("status").GetString());
        await PublishAndWaitAsync(Ended(second, Today.AddDays(9)));

        Assert.Equal("seekingWork", (await WorkerAsync(worker)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_training_puts_a_worker_seeking_work_in_training_until_completed()
    {
        var worker = await RegisterAsync();
        var enrolled = Enrolled(worker, Today.AddDays(2));

        await PublishAndWaitAsync(enrolled);
        Assert.Equal("inTraining", (await WorkerAsync(worker)).GetProperty("status").GetString());
        await PublishAndWaitAsync(new TrainingCompleted(Guid.CreateVersion7(), DateTimeOffset.UtcNow, enrolled.EnrollmentId, worker, enrolled.SessionId, "welder", Today.AddDays(12)));

        var record = await WorkerAsync(worker);
        Assert.Equal("seekingWork", record.GetProperty("status").GetString());
        Assert.Equal(CityCalendar.StartOf(Today.AddDays(12)), record.GetProperty("statusAsOf").GetDateTimeOffset());
    }

    [Fact]
    public async Task Dropping_out_of_a_training_returns_the_worker_to_seeking_work()
    {
        var worker = await RegisterAsync(status: "notInLabourForce");
        var enrolled = Enrolled(worker, Today.AddDays(1));

        await PublishAndWaitAsync(enrolled);
        Assert.Equal("inTraining", (await WorkerAsync(worker)).GetProperty("status").GetString());
        await PublishAndWaitAsync(new TrainingDropped(Guid.CreateVersion7(), DateTimeOffset.UtcNow, enrolled.EnrollmentId, worker, enrolled.SessionId, Today.AddDays(4)));

        Assert.Equal("seekingWork", (await WorkerAsync(worker)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_completion_that_overtakes_its_enrollment_leaves_the_worker_seeking_work()
    {
        var worker = await RegisterAsync();
        var enrolled = Enrolled(worker, Today.AddDays(1));

        await PublishAndWaitAsync(new TrainingCompleted(Guid.CreateVersion7(), DateTimeOffset.UtcNow, enrolled.EnrollmentId, worker, enrolled.SessionId, "welder", Today.AddDays(8)));
        await PublishAndWaitAsync(enrolled);

        var record = await WorkerAsync(worker);
        Assert.Equal("seekingWork", record.GetProperty("status").GetString());
        Assert.Equal(CityCalendar.StartOf(Today.AddDays(8)), record.GetProperty("statusAsOf").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_worker_with_a_job_who_enrolls_in_a_training_stays_employed()
    {
        var worker = await RegisterAsync(status: "employedLocally");

        await PublishAndWaitAsync(Enrolled(worker, Today.AddDays(2)));

        Assert.Equal("employedLocally", (await WorkerAsync(worker)).GetProperty("status").GetString());
        Assert.StartsWith(
            "not applied, the worker is employedLocally",
            await ScalarAsync($"SELECT note FROM registry.status_changes WHERE worker_id = '{worker}' AND source = 'Platform'"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registered_business_makes_its_founder_self_employed()
    {
        var worker = await RegisterAsync();

        await PublishAndWaitAsync(new BusinessRegistered(Guid.CreateVersion7(), DateTimeOffset.UtcNow, Guid.CreateVersion7(), worker, "91419921MA00000001", "individualBusiness", "A", Today.AddDays(1), 3));

        var record = await WorkerAsync(worker);
        Assert.Equal("selfEmployed", record.GetProperty("status").GetString());
        Assert.Equal("subsidy", await ScalarAsync($"SELECT actor FROM registry.status_changes WHERE worker_id = '{worker}' AND \"to\" = 'SelfEmployed'"));
    }

    [Fact]
    public async Task A_job_for_a_worker_outside_the_labour_force_opens_a_discrepancy_instead_of_failing()
    {
        var worker = await RegisterAsync(status: "notInLabourForce");
        var placed = Placed(worker, Today.AddDays(1));

        await PublishAndWaitAsync(placed);

        Assert.Equal("notInLabourForce", (await WorkerAsync(worker)).GetProperty("status").GetString());
        Assert.Equal(
            "EmploymentStatus notInLabourForce>employedLocally Platform Open",
            await ScalarAsync($"SELECT field || ' ' || recorded_value || '>' || observed_value || ' ' || source || ' ' || status FROM registry.discrepancies WHERE worker_id = '{worker}'"));
        Assert.Equal(
            "Disagreed job-matching",
            await ScalarAsync($"SELECT outcome || ' ' || recorded_by FROM registry.observations WHERE worker_id = '{worker}'"));
    }

    [Fact]
    public async Task The_same_impossible_fact_twice_keeps_one_open_discrepancy()
    {
        var worker = await RegisterAsync(status: "notInLabourForce");

        await PublishAndWaitAsync(new BusinessRegistered(Guid.CreateVersion7(), DateTimeOffset.UtcNow, Guid.CreateVersion7(), worker, "91419921MA00000002", "cooperative", "A", Today.AddDays(1), 5));
        await PublishAndWaitAsync(new BusinessRegistered(Guid.CreateVersion7(), DateTimeOffset.UtcNow, Guid.CreateVersion7(), worker, "91419921MA00000003", "cooperative", "A", Today.AddDays(2), 5));

        Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM registry.discrepancies WHERE worker_id = '{worker}' AND status = 'Open'"));
        Assert.Equal(2L, await CountAsync($"SELECT count(*) FROM registry.observations WHERE worker_id = '{worker}'"));
    }

    [Fact]
    public async Task A_certificate_joins_the_record_verified_raises_the_skill_and_is_announced_once()
    {
        var worker = await RegisterAsync();
        var issued = new CertificateIssued(Guid.CreateVersion7(), DateTimeOffset.UtcNow, Guid.CreateVersion7(), worker, "S2026-0001", "welder", "intermediate", "示范市职业技能鉴定中心", Today);

        await PublishAsync(issued);
        await PublishAsync(issued);
        await ConsumedAsync(issued, deliveries: 2);
        await PublishAndWaitAsync(issued with { EventId = Guid.CreateVersion7() });

        var record = await WorkerAsync(worker);
        var certificate = Assert.Single(record.GetProperty("certificates").EnumerateArray());
        Assert.Equal("S2026-0001", certificate.GetProperty("number").GetString());
        Assert.True(certificate.GetProperty("verified").GetBoolean());
        var skill = Assert.Single(record.GetProperty("skills").EnumerateArray());
        Assert.Equal("welder", skill.GetProperty("tradeCode").GetString());
        Assert.Equal("intermediate", skill.GetProperty("level").GetString());
        Assert.Equal(
            "[\"skills\", \"certificates\"]",
            await ScalarAsync($"SELECT payload->>'changed' FROM registry.outbox_messages WHERE type LIKE '%worker-profile-updated%' AND payload->>'workerId' = '{worker}'"));
    }

    [Fact]
    public async Task The_earliest_recommendation_is_kept()
    {
        var worker = await RegisterAsync();
        var now = DateTimeOffset.UtcNow;

        await PublishAndWaitAsync(new WorkerRecommended(Guid.CreateVersion7(), now, Guid.CreateVersion7(), worker, Guid.CreateVersion7(), now.AddHours(-1)));
        await PublishAndWaitAsync(new WorkerRecommended(Guid.CreateVersion7(), now, Guid.CreateVersion7(), worker, Guid.CreateVersion7(), now.AddHours(-3)));
        await PublishAndWaitAsync(new WorkerRecommended(Guid.CreateVersion7(), now, Guid.CreateVersion7(), worker, Guid.CreateVersion7(), now.AddHours(-2)));

        var first = await _registry.Database.ScalarAsAdminAsync<DateTime>($"SELECT first_recommended_at FROM registry.workers WHERE id = '{worker}'");
        Assert.Equal(now.AddHours(-3).UtcDateTime, first, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task An_event_about_an_unknown_worker_is_consumed_and_records_nothing()
    {
        var placed = Placed(Guid.CreateVersion7(), Today);

        await PublishAndWaitAsync(placed);

        Assert.Equal(0L, await CountAsync($"SELECT count(*) FROM registry.status_changes WHERE worker_id = '{placed.WorkerId}'"));
        Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM registry.inbox_messages WHERE message_id = '{placed.EventId}'"));
    }

    [Fact]
    public async Task A_partner_confirmation_that_overtakes_the_placement_employs_the_worker_elsewhere_once_and_is_the_employers_observation()
    {
        var worker = await RegisterAsync();
        var placed = Placed(worker, Today.AddDays(1)) with { CrossRegion = true, PartnerId = "beijing", EmployerDivision = null };

        await PublishAndWaitAsync(Reported(placed, "confirmed", Today.AddDays(2)));
        await PublishAndWaitAsync(placed);

        Assert.Equal("employedElsewhere", (await WorkerAsync(worker)).GetProperty("status").GetString());
        Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM registry.status_changes WHERE worker_id = '{worker}' AND source = 'Platform'"));
        Assert.Equal(
            "EmploymentStatus employedElsewhere EmployerReport Confirmed partner:beijing",
            await ScalarAsync($"SELECT field || ' ' || value || ' ' || source || ' ' || outcome || ' ' || recorded_by FROM registry.observations WHERE worker_id = '{worker}'"));
    }

    [Fact]
    public async Task A_partner_departure_returns_the_worker_to_seeking_work_once_whichever_of_it_and_the_placement_end_comes_first()
    {
        var worker = await RegisterAsync();
        var placed = Placed(worker, Today.AddDays(1)) with { CrossRegion = true, PartnerId = "tianjin", EmployerDivision = null };
        await PublishAndWaitAsync(placed);

        await PublishAndWaitAsync(Reported(placed, "departed", Today.AddDays(20)) with { Reason = "couldNotAdapt" });
        await PublishAndWaitAsync(Ended(placed, Today.AddDays(20)));

        var record = await WorkerAsync(worker);
        Assert.Equal("seekingWork", record.GetProperty("status").GetString());
        Assert.Equal(CityCalendar.StartOf(Today.AddDays(20)), record.GetProperty("statusAsOf").GetDateTimeOffset());
        Assert.Equal(2L, await CountAsync($"SELECT count(*) FROM registry.status_changes WHERE worker_id = '{worker}' AND source = 'Platform'"));
        Assert.Equal(
            "seekingWork Confirmed partner:tianjin",
            await ScalarAsync($"SELECT value || ' ' || outcome || ' ' || recorded_by FROM registry.observations WHERE worker_id = '{worker}'"));
    }

    [Fact]
    public async Task A_partner_departure_reported_after_the_worker_took_another_job_is_kept_as_the_employers_observation_without_a_discrepancy()
    {
        var worker = await RegisterAsync();
        var inBeijing = Placed(worker, Today.AddDays(1)) with { CrossRegion = true, PartnerId = "beijing", EmployerDivision = null };
        await PublishAndWaitAsync(inBeijing);
        await PublishAndWaitAsync(Placed(worker, Today.AddDays(30)));

        await PublishAndWaitAsync(Reported(inBeijing, "wageChanged", Today.AddDays(10)) with { MonthlyWage = 5200m });
        await PublishAndWaitAsync(Reported(inBeijing, "departed", Today.AddDays(20)) with { Reason = "resigned" });

        var record = await WorkerAsync(worker);
        Assert.Equal("employedLocally", record.GetProperty("status").GetString());
        Assert.Equal(CityCalendar.StartOf(Today.AddDays(30)), record.GetProperty("statusAsOf").GetDateTimeOffset());
        Assert.Equal(
            "employedElsewhere Superseded partner:beijing|seekingWork Superseded partner:beijing",
            await ScalarAsync($"SELECT string_agg(value || ' ' || outcome || ' ' || recorded_by, '|' ORDER BY observed_at) FROM registry.observations WHERE worker_id = '{worker}' AND source = 'EmployerReport'"));
        Assert.Equal(0L, await CountAsync($"SELECT count(*) FROM registry.discrepancies WHERE worker_id = '{worker}'"));
        Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM registry.status_changes WHERE worker_id = '{worker}' AND note LIKE '%not applied, the status does not stand on this placement%'"));
    }

    [Fact]
    public async Task A_partner_departure_the_record_disagrees_with_is_the_employers_observation_and_opens_a_discrepancy()
    {
        var worker = await RegisterAsync();
        var inBeijing = Placed(worker, Today.AddDays(1)) with { CrossRegion = true, PartnerId = "beijing", EmployerDivision = null };
        await PublishAndWaitAsync(inBeijing);
        var etag = (await _registry.Client.GetAsync($"/api/registry/v1/workers/{worker}")).Headers.ETag!.Tag;
        using var staffEntry = new HttpRequestMessage(HttpMethod.Post, $"/api/registry/v1/workers/{worker}/status") { Content = JsonContent.Create(new { status = "employedLocally" }) };
        staffEntry.Headers.TryAddWithoutValidation("If-Match", etag);
        (await _registry.Client.SendAsync(staffEntry)).EnsureSuccessStatusCode();

        await PublishAndWaitAsync(Reported(inBeijing, "departed", Today.AddDays(20)) with { Reason = "resigned" });

        Assert.Equal("employedLocally", (await WorkerAsync(worker)).GetProperty("status").GetString());
        Assert.Equal(
            "EmploymentStatus seekingWork EmployerReport Disagreed partner:beijing",
            await ScalarAsync($"SELECT field || ' ' || value || ' ' || source || ' ' || outcome || ' ' || recorded_by FROM registry.observations WHERE worker_id = '{worker}'"));
        Assert.Equal(
            "employedLocally>seekingWork EmployerReport Open",
            await ScalarAsync($"SELECT recorded_value || '>' || observed_value || ' ' || source || ' ' || status FROM registry.discrepancies WHERE worker_id = '{worker}'"));
    }

    private static PlacementReported Reported(WorkerPlaced placed, string kind, DateOnly date) =>
        new(Guid.CreateVersion7(), DateTimeOffset.UtcNow, Guid.CreateVersion7(), placed.PlacementId, placed.WorkerId, placed.PartnerId!, kind, date, placed.StartDate, placed.MonthlyWage, null);

    private static WorkerPlaced Placed(Guid worker, DateOnly start) =>
        new(Guid.CreateVersion7(), DateTimeOffset.UtcNow, Guid.CreateVersion7(), worker, Guid.CreateVersion7(), Guid.CreateVersion7(), null, false, "419921101001", null, "welder", 4800m, start);

    private static PlacementEnded Ended(WorkerPlaced placed, DateOnly end) =>
        new(Guid.CreateVersion7(), DateTimeOffset.UtcNow, placed.PlacementId, placed.WorkerId, end, "contractEnded");

    private static TrainingEnrolled Enrolled(Guid worker, DateOnly start) =>
        new(Guid.CreateVersion7(), DateTimeOffset.UtcNow, Guid.CreateVersion7(), worker, Guid.CreateVersion7(), "welder", start, start.AddDays(10));

    private async Task<Guid> RegisterAsync(string status = "seekingWork")
    {
        var response = await _registry.Client.PostAsJsonAsync("/api/registry/v1/workers", new
        {
            nationalId = NationalIds.Next(),
            name = "孙强",
            householdDivision = Village,
            status,
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<JsonElement> WorkerAsync(Guid worker) =>
        await _registry.Client.GetFromJsonAsync<JsonElement>($"/api/registry/v1/workers/{worker}");

    private Task PublishAsync<TEvent>(TEvent integrationEvent)
        where TEvent : class, IIntegrationEvent => _events.PublishAsync(integrationEvent);

    private Task PublishAndWaitAsync<TEvent>(TEvent integrationEvent)
        where TEvent : class, IIntegrationEvent => _events.PublishAndWaitAsync(integrationEvent);

    private Task ConsumedAsync(IIntegrationEvent integrationEvent, int deliveries) => _events.ConsumedAsync(integrationEvent, deliveries);

    private Task<long> CountAsync(string sql) => _registry.Database.ScalarAsAdminAsync<long>(sql);

    private Task<string> ScalarAsync(string sql) => _registry.Database.ScalarAsAdminAsync<string>(sql);
}
