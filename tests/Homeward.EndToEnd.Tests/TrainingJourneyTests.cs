using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Organizations;
using Homeward.Testing;

namespace Homeward.EndToEnd.Tests;

/// <summary>
/// A certificate that opens a job, through the gateway and the real processes: Registry → Training (worker) → a course
/// completed and passed → CertificateIssued → Registry (verified certificate) → WorkerProfileUpdated → JobMatching,
/// where the vacancy that needed the certificate no longer lists it as unmet.
/// </summary>
public sealed class TrainingJourneyTests(Platform platform) : IClassFixture<Platform>
{
    private const string Village = "419921101201";
    private const string County = "419921000000";
    private const string Training = "/api/training/v1";

    [Fact]
    public async Task A_worker_who_gains_a_certificate_in_training_now_matches_the_vacancy_that_needed_it()
    {
        var nationalId = SliceTests.NewNationalId();
        var registered = await platform.Admin.PostAsJsonAsync("/api/registry/v1/workers", new
        {
            nationalId,
            name = "钱学焊",
            phone = "13912340000",
            householdDivision = Village,
            education = "seniorHigh",
            skills = new[] { new { tradeCode = "welder", level = "intermediate" } },
            jobIntention = new { trades = new[] { "welder" }, where = "city", minimumMonthlyWage = 4500m, busyMonths = Array.Empty<object>(), mustStayNearFamily = false },
        });
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var workerId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await Eventually.MatchesAsync(
            () => platform.Admin.GetAsync($"/api/job-matching/v1/candidates/{workerId}"), response => response.StatusCode == HttpStatusCode.OK, "the candidate in job matching");
        var vacancyId = await PostVacancyNeedingACertificateAsync();
        Assert.Contains(await UnmetAsync(workerId, vacancyId), unmet => unmet.Contains("certificate", StringComparison.Ordinal));

        var trainee = await Eventually.MatchesAsync(
            () => platform.Admin.GetAsync($"{Training}/workers/{workerId}"), response => response.StatusCode == HttpStatusCode.OK, "the worker in training");
        var traineeBody = await trainee.Content.ReadAsStringAsync();
        Assert.DoesNotContain(nationalId, traineeBody, StringComparison.Ordinal);
        Assert.DoesNotContain("13912340000", traineeBody, StringComparison.Ordinal);
        var sessionId = await OpenWelderSessionAsync();
        var enrollment = await CreatedAsync(await platform.Admin.PostAsJsonAsync($"{Training}/sessions/{sessionId}/enrollments", new { workerId }));
        var session = await MoveAsync(sessionId, "inProgress");
        foreach (var kind in new[] { "theory", "practical" })
        {
            await CreatedAsync(await platform.Admin.PostAsJsonAsync(
                $"{Training}/sessions/{sessionId}/lessons",
                new { heldOn = session.GetProperty("startsOn").GetString(), kind, hours = 6m, topic = kind, presentWorkerIds = new[] { workerId } }));
        }

        await SendWithIfMatchAsync(HttpMethod.Post, $"{Training}/enrollments/{enrollment.GetProperty("id").GetGuid()}/assessment", enrollment, new { theoryScore = 82, practicalScore = 88 });
        await MoveAsync(sessionId, "completed");

        var certificate = (await platform.Admin.GetFromJsonAsync<JsonElement>($"{Training}/certificates?workerId={workerId}")).GetProperty("items").EnumerateArray().Single();
        await Eventually.MatchesAsync(
            async () => (await platform.Admin.GetFromJsonAsync<JsonElement>($"/api/registry/v1/workers/{workerId}")).GetProperty("certificates").ToString(),
            certificates => certificates.Contains(certificate.GetProperty("number").GetString()!, StringComparison.Ordinal),
            "the registry to record the certificate");
        await Eventually.MatchesAsync(
            () => UnmetAsync(workerId, vacancyId),
            unmet => !unmet.Any(u => u.Contains("certificate", StringComparison.Ordinal)),
            "the vacancy to stop listing the certificate as unmet");
    }

    private async Task<IReadOnlyList<string>> UnmetAsync(Guid workerId, Guid vacancyId)
    {
        var matches = await platform.Admin.GetFromJsonAsync<JsonElement>($"/api/job-matching/v1/candidates/{workerId}/matches");
        var hit = matches.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("vacancyId").GetGuid() == vacancyId);
        return [.. hit.GetProperty("unmet").EnumerateArray().Select(u => u.GetString()!)];
    }

    private async Task<Guid> OpenWelderSessionAsync()
    {
        var provider = await CreatedAsync(await platform.Admin.PostAsJsonAsync($"{Training}/providers", new { name = "河东县焊接实训基地", division = County }));
        var course = await CreatedAsync(await platform.Admin.PostAsJsonAsync($"{Training}/courses", new
        {
            providerId = provider.GetProperty("id").GetGuid(),
            tradeCode = "welder",
            level = "intermediate",
            title = "焊工（四级）",
            theoryHours = 6,
            practicalHours = 6,
            syllabus = new[] { "焊接安全", "二氧化碳气体保护焊" },
        }));
        await SendWithIfMatchAsync(HttpMethod.Post, $"{Training}/courses/{course.GetProperty("id").GetGuid()}/publish", course);
        var today = TimeProvider.System.Today();
        var session = await CreatedAsync(await platform.Admin.PostAsJsonAsync($"{Training}/sessions", new
        {
            courseId = course.GetProperty("id").GetGuid(),
            division = County,
            startsOn = today.AddDays(-2).ToString("yyyy-MM-dd"),
            endsOn = today.ToString("yyyy-MM-dd"),
            capacity = 20,
            instructors = new[] { "孙师傅" },
        }));
        var sessionId = session.GetProperty("id").GetGuid();
        await MoveAsync(sessionId, "open");
        return sessionId;
    }

    private async Task<JsonElement> MoveAsync(Guid sessionId, string status)
    {
        var current = await platform.Admin.GetFromJsonAsync<JsonElement>($"{Training}/sessions/{sessionId}");
        return await SendWithIfMatchAsync(HttpMethod.Post, $"{Training}/sessions/{sessionId}/status", current, new { status });
    }

    private async Task<JsonElement> SendWithIfMatchAsync(HttpMethod method, string path, JsonElement current, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{current.GetProperty("rowVersion").GetUInt32()}\""));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await platform.Admin.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<Guid> PostVacancyNeedingACertificateAsync()
    {
        var organisation = string.Concat(Enumerable.Range(0, 9).Select(_ => (char)('0' + Random.Shared.Next(10))));
        var creditCode = "91419921" + organisation;
        creditCode += UnifiedSocialCreditCode.ComputeCheckCharacter(creditCode);
        var employer = await CreatedAsync(await platform.Admin.PostAsJsonAsync("/api/job-matching/v1/employers", new
        {
            name = "河东县钢构有限公司",
            creditCode,
            locality = "local",
            division = Village,
            industry = "C",
            size = "small",
            contacts = new[] { new { name = "周经理", phone = "13712340000" } },
        }));
        var vacancy = await CreatedAsync(await platform.Admin.PostAsJsonAsync("/api/job-matching/v1/vacancies", new
        {
            employerId = employer.GetProperty("id").GetGuid(),
            title = "持证焊工",
            tradeCode = "welder",
            requiredLevel = "intermediate",
            requiredCertificates = new[] { new { tradeCode = "welder", level = "intermediate" } },
            minimumEducation = "juniorHigh",
            headcount = 3,
            wageMin = 5000m,
            wageMax = 6500m,
            accommodation = true,
            validThrough = TimeProvider.System.Today().AddDays(30).ToString("yyyy-MM-dd"),
        }));
        return vacancy.GetProperty("id").GetGuid();
    }
}
