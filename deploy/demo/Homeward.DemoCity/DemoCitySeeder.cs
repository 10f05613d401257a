using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Homeward.DemoCity;

/// <summary>
/// Puts a demo city into a running platform the way its offices would: workers through the registration form and
/// the village-ledger import, partner cities and their agreements, employers and vacancies, fairs with their offers,
/// recommendations, training sessions with attendance and assessments, hires, policies, businesses with their
/// subsidies, loans and tax relief — all through the gateway's public API with a city administrator's token (and
/// the two reviewers four eyes need, whom it creates) — then reads the city's KPIs back.
/// </summary>
public sealed partial class DemoCitySeeder(PlatformClient platform, DemoPopulation city, int concurrency, TextWriter log)
{
    /// <summary>Rows per ledger file: about 700 KB of CSV, and under the gateway's 1 MB body cap even were every row certified.</summary>
    private const int RowsPerLedger = 3_500;

    private const string CertificateIssuer = "示范市人力资源和社会保障局";

    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public async Task<JsonElement> RunAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var workerIds = await RegisterWorkersAsync(today, cancellationToken);
        await RegisterPartnerCitiesAsync(today, cancellationToken);
        var employerIds = await RegisterEmployersAsync(cancellationToken);
        var vacancyIds = await PostVacanciesAsync(employerIds, today, cancellationToken);
        var fairIds = await HoldFairsAsync(employerIds, vacancyIds, cancellationToken);
        var recommendationIds = await RecommendAsync(workerIds, vacancyIds, fairIds, cancellationToken);

        // Training before the hires: a trainee hired into the trade counts as employed after the training.
        await TrainAsync(workerIds, today, cancellationToken);
        await PlaceAsync(recommendationIds, today, cancellationToken);
        await SubsidizeAsync(workerIds, today, cancellationToken);
        Log("reading the city's KPIs back");
        return await platform.GetAsync($"/api/gateway/v1/kpis?to={today.AddDays(1):yyyy-MM-dd}", cancellationToken);
    }

    /// <summary>
    /// Workers come in through village ledgers; the ids the demo needs are then read from the city's export, matched by
    /// what it shows (masked numbers, name, phone, village). The few workers the export could not tell apart are
    /// registered one by one through the form instead.
    /// </summary>
    private async Task<IReadOnlyDictionary<DemoWorker, Guid>> RegisterWorkersAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var lookalikes = city.Workers.GroupBy(w => w.ExportKey).Where(g => g.Count() > 1).SelectMany(g => g).ToHashSet();
        var byForm = lookalikes.Where(w => w.NeedsRecordId).ToList();
        var ids = new ConcurrentDictionary<DemoWorker, Guid>(byForm.Count == 0 ? [] : await RegisterByFormAsync(byForm, today, cancellationToken));
        await ImportLedgersAsync([.. city.Workers.Where(w => !(w.NeedsRecordId && lookalikes.Contains(w)))], today, cancellationToken);

        var wanted = city.Workers.Where(w => w.NeedsRecordId && !lookalikes.Contains(w)).ToDictionary(w => w.ExportKey);
        Log($"reading the ids of {wanted.Count:N0} imported workers from the city's export");
        await foreach (var row in platform.ReadCsvAsync("/api/registry/v1/exports/workers", cancellationToken))
        {
            if (wanted.TryGetValue($"{row["nationalId"]}|{row["name"]}|{row["phone"]}|{row["householdDivision"]}", out var worker))
            {
                ids[worker] = Guid.Parse(row["workerId"]);
            }
        }

        var missing = wanted.Values.Count(w => !ids.ContainsKey(w));
        return missing == 0 ? ids : throw new InvalidOperationException($"The export lacks {missing} of the imported workers.");
    }

    private async Task<IReadOnlyDictionary<DemoWorker, Guid>> RegisterByFormAsync(IReadOnlyCollection<DemoWorker> workers, DateOnly today, CancellationToken cancellationToken)
    {
        Log($"registering {workers.Count:N0} workers one by one (those an export cannot tell apart from another)");
        var ids = new ConcurrentDictionary<DemoWorker, Guid>();
        await ForEachAsync(workers, async worker =>
        {
            var created = await platform.PostAsync("/api/registry/v1/workers", new
            {
                nationalId = worker.NationalId,
                name = worker.Name,
                phone = worker.Phone,
                householdDivision = worker.Village,
                education = worker.Education,
                skills = new[] { new { tradeCode = worker.Skill.TradeCode, level = worker.Skill.Level } },
                certificates = worker.Certified
                    ? new[] { new { number = worker.CertificateNumber, kind = "skillLevel", tradeCode = worker.Skill.TradeCode, level = worker.Skill.Level, issuer = CertificateIssuer, issuedOn = CertificateDay(today) } }
                    : [],
                @return = new { returnedOn = worker.ReturnedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), reason = worker.ReturnReason },
                jobIntention = new { trades = new[] { worker.Skill.TradeCode }, where = worker.Where, minimumMonthlyWage = worker.MinimumWage, busyMonths = Array.Empty<object>(), mustStayNearFamily = false },
            }, cancellationToken);
            ids[worker] = created.GetProperty("id").GetGuid();
        }, cancellationToken);
        return ids;
    }

    private static string CertificateDay(DateOnly today) => today.AddDays(-400).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task ImportLedgersAsync(IReadOnlyList<DemoWorker> rows, DateOnly today, CancellationToken cancellationToken)
    {
        var ledgers = rows.Chunk(RowsPerLedger).ToList();
        Log($"importing {rows.Count:N0} workers from {ledgers.Count} village ledgers (CSV)");
        var imports = new List<string>();
        foreach (var (ledger, number) in ledgers.Select((ledger, index) => (ledger, index + 1)))
        {
            var job = await platform.UploadAsync("/api/registry/v1/imports/", $"ledger-{number:D3}.csv", "text/csv", Ledger(ledger, today), cancellationToken);
            imports.Add(job.GetProperty("id").GetString()!);
        }

        foreach (var id in imports)
        {
            while (true)
            {
                var job = await platform.GetAsync($"/api/registry/v1/imports/{id}", cancellationToken);
                var status = job.GetProperty("status").GetString();
                if (status == "completed")
                {
                    var rejected = job.GetProperty("rejected").GetInt32();
                    if (rejected > 0)
                    {
                        var errors = await platform.GetAsync($"/api/registry/v1/imports/{id}/errors", cancellationToken);
                        throw new InvalidOperationException($"Ledger {job.GetProperty("fileName").GetString()} had {rejected} rejected rows: {errors}");
                    }

                    break;
                }

                if (status == "failed")
                {
                    throw new InvalidOperationException($"Ledger import {id} failed: {job.GetProperty("failure").GetString()}");
                }

                await Task.Delay(500, cancellationToken);
            }
        }

        Log("ledgers imported");
    }

    private static byte[] Ledger(IEnumerable<DemoWorker> workers, DateOnly today)
    {
        var csv = new StringBuilder("nationalId,name,phone,householdDivision,education,skills,certificates,returnedOn,returnReason,jobTrades,jobWhere,jobMinWage\n");
        var issuedOn = CertificateDay(today);
        foreach (var w in workers)
        {
            var certificate = w.Certified ? $"{w.CertificateNumber}:skillLevel:{w.Skill.TradeCode}:{w.Skill.Level}:{issuedOn}:{CertificateIssuer}" : string.Empty;
            csv.Append(CultureInfo.InvariantCulture,
                $"{w.NationalId},{w.Name},{w.Phone},{w.Village},{w.Education},{w.Skill.TradeCode}:{w.Skill.Level},{certificate},{w.ReturnedOn:yyyy-MM-dd},{w.ReturnReason},{w.Skill.TradeCode},{w.Where},{w.MinimumWage}\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private async Task<IReadOnlyDictionary<DemoEmployer, Guid>> RegisterEmployersAsync(CancellationToken cancellationToken)
    {
        Log($"registering {city.Employers.Count:N0} employers ({city.Employers.Count(e => e.PartnerCity is not null)} in partner cities)");
        var ids = new ConcurrentDictionary<DemoEmployer, Guid>();
        await ForEachAsync(city.Employers, async employer =>
        {
            var created = await platform.PostAsync("/api/job-matching/v1/employers", new
            {
                name = employer.Name,
                creditCode = employer.CreditCode,
                locality = employer.PartnerCity is null ? "local" : "partnerCity",
                division = employer.Village,
                partnerCity = employer.PartnerCity,
                industry = employer.Industry,
                size = employer.Number % 4 == 0 ? "medium" : "small",
                contacts = new[] { new { name = "人事部", phone = string.Create(CultureInfo.InvariantCulture, $"137{employer.Number:D8}") } },
            }, cancellationToken);
            ids[employer] = created.GetProperty("id").GetGuid();
        }, cancellationToken);
        return ids;
    }

    private async Task<IReadOnlyDictionary<DemoVacancy, Guid>> PostVacanciesAsync(
        IReadOnlyDictionary<DemoEmployer, Guid> employers, DateOnly today, CancellationToken cancellationToken)
    {
        Log($"posting {city.Vacancies.Count:N0} vacancies with {city.Vacancies.Sum(v => v.Headcount):N0} places");
        var ids = new ConcurrentDictionary<DemoVacancy, Guid>();
        await ForEachAsync(city.Vacancies, async vacancy =>
        {
            var created = await platform.PostAsync("/api/job-matching/v1/vacancies", new
            {
                employerId = employers[vacancy.Employer],
                title = $"{vacancy.TradeCode} #{vacancy.Number}",
                tradeCode = vacancy.TradeCode,
                requiredLevel = "junior",
                requiredCertificates = Array.Empty<object>(),
                minimumEducation = "none",
                headcount = vacancy.Headcount,
                wageMin = vacancy.WageMin,
                wageMax = vacancy.WageMax,
                accommodation = !vacancy.IsLocal,
                validThrough = today.AddDays(90).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }, cancellationToken);
            ids[vacancy] = created.GetProperty("id").GetGuid();
        }, cancellationToken);
        return ids;
    }

    /// <summary>
    /// Local vacancies are recommended by the office; a partner city's vacancy is offered at the fair it was brought to,
    /// where the worker is checked in with the offer (the offer is recorded as a recommendation through the fair). The
    /// recommendations go in batches.
    /// </summary>
    private async Task<IReadOnlyDictionary<DemoWorker, Guid>> RecommendAsync(
        IReadOnlyDictionary<DemoWorker, Guid> workers,
        IReadOnlyDictionary<DemoVacancy, Guid> vacancies,
        IReadOnlyDictionary<DemoFair, Guid> fairs,
        CancellationToken cancellationToken)
    {
        var recommended = city.Workers.Where(w => w.RecommendedTo is not null).ToList();
        Log($"recommending jobs to {recommended.Count:N0} workers ({recommended.Count(w => !w.RecommendedTo!.IsLocal):N0} of them at fairs)");
        var created = await PostInBatchesAsync("/api/job-matching/v1/recommendations/batch", recommended, worker =>
        {
            var vacancy = worker.RecommendedTo!;
            return vacancy.IsLocal
                ? new { workerId = workers[worker], vacancyId = vacancies[vacancy] }
                : new { workerId = workers[worker], vacancyId = vacancies[vacancy], fairId = fairs[city.FairOf(vacancy)], checkIn = true };
        }, keepTogether: null, cancellationToken);
        return recommended.Select((worker, index) => (worker, index)).ToDictionary(w => w.worker, w => created[w.index].GetProperty("recommendationId").GetGuid());
    }

    /// <summary>A POST about a worker whom the service learns of by event shortly after the registration: a 404 is waited out.</summary>
    private Task<JsonElement> PostForCandidateAsync(string path, object body, CancellationToken cancellationToken) =>
        platform.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, path) { Content = System.Net.Http.Json.JsonContent.Create(body) },
            $"POST {path}",
            cancellationToken,
            retryNotFound: true);

    /// <summary>
    /// A vacancy's hires go in one batch (unless they are more than a batch holds), so that batches in flight together
    /// do not race for the same vacancy's places: a batch that loses such a race is made again from the start.
    /// </summary>
    private async Task PlaceAsync(IReadOnlyDictionary<DemoWorker, Guid> recommendations, DateOnly today, CancellationToken cancellationToken)
    {
        var hires = city.Workers.Where(w => w.Placed).ToList();
        Log($"hiring {hires.Count:N0} of them ({hires.Count(w => w.RecommendedTo!.IsLocal):N0} locally)");
        var startDate = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await PostInBatchesAsync("/api/job-matching/v1/placements/batch", hires, worker => new
        {
            recommendationId = recommendations[worker],
            monthlyWage = city.WageFor(worker.RecommendedTo!),
            startDate,
        }, keepTogether: worker => worker.RecommendedTo!, cancellationToken);
    }

    /// <summary>
    /// Sends the items to a JobMatching batch route, a batch to a request and a few requests at once, and returns each
    /// item's result in the order of <paramref name="items"/>.
    /// </summary>
    /// <param name="keepTogether">Items with the same key go in the same batch, as far as a batch holds them.</param>
    private async Task<IReadOnlyList<JsonElement>> PostInBatchesAsync<T>(
        string path, IReadOnlyList<T> items, Func<T, object> item, Func<T, object>? keepTogether, CancellationToken cancellationToken)
    {
        var results = new JsonElement[items.Count];
        var batches = Batches(items, keepTogether);
        var step = Stopwatch.StartNew();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, concurrency / 4), CancellationToken = cancellationToken }, async (batch, _) =>
        {
            var answers = await platform.PostBatchAsync(path, batch, pending => new { items = pending.Select(i => item(items[i])) }, cancellationToken);
            for (var position = 0; position < batch.Length; position++)
            {
                results[batch[position]] = answers[position];
            }
        });
        Log($"  {items.Count:N0} in {batches.Count:N0} batches, {step.Elapsed.TotalSeconds:F1} s ({items.Count / Math.Max(step.Elapsed.TotalSeconds, 0.001):F0}/s)");
        return results;
    }

    /// <summary>The items' indexes in batches of up to <see cref="PlatformClient.BatchLimit"/>; a group of items is split only when larger than a batch.</summary>
    private static List<int[]> Batches<T>(IReadOnlyList<T> items, Func<T, object>? keepTogether)
    {
        if (keepTogether is null)
        {
            return [.. Enumerable.Range(0, items.Count).Chunk(PlatformClient.BatchLimit)];
        }

        var batches = new List<int[]>();
        var batch = new List<int>(PlatformClient.BatchLimit);
        foreach (var piece in Enumerable.Range(0, items.Count).GroupBy(i => keepTogether(items[i])).SelectMany(group => group.Chunk(PlatformClient.BatchLimit)))
        {
            if (batch.Count + piece.Length > PlatformClient.BatchLimit)
            {
                batches.Add([.. batch]);
                batch.Clear();
            }

            batch.AddRange(piece);
        }

        if (batch.Count > 0)
        {
            batches.Add([.. batch]);
        }

        return batches;
    }

    private async Task ForEachAsync<T>(IReadOnlyCollection<T> items, Func<T, Task> action, CancellationToken cancellationToken)
    {
        var done = 0;
        var step = Stopwatch.StartNew();
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (item, _) =>
        {
            await action(item);
            if (Interlocked.Increment(ref done) % 10_000 == 0)
            {
                Log($"  {done:N0} of {items.Count:N0}");
            }
        });
        Log($"  {items.Count:N0} in {step.Elapsed.TotalSeconds:F1} s ({items.Count / Math.Max(step.Elapsed.TotalSeconds, 0.001):F0}/s)");
    }

    private void Log(string message) => log.WriteLine($"[{_clock.Elapsed:mm\\:ss}] {message}");
}
