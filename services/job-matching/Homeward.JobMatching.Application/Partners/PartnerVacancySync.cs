using Homeward.BuildingBlocks.Application.Errors;
using Homeward.JobMatching.Application.Vacancies;
using Homeward.JobMatching.Domain.Employers;
using Homeward.JobMatching.Domain.Vacancies;
using Homeward.SharedKernel;
using Homeward.SharedKernel.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Homeward.JobMatching.Application.Partners;

public enum SyncResult
{
    Created = 0,
    Updated = 1,
    Unchanged = 2,
    Rejected = 3,
}

/// <summary>One vacancy of a sync, already validated: the partner's id for it, the version it expects (if any), and what it should be.</summary>
public sealed record SyncItem(string ExternalId, uint? ExpectedVersion, IPartnerVacancyInput Input);

/// <summary>What became of one item; a rejected one says why with a code (and the message a person reads).</summary>
public sealed record SyncOutcome(string ExternalId, SyncResult Result, Vacancy? Vacancy, string? EnterpriseCreditCode, string? Code = null, string? Message = null)
{
    public static SyncOutcome Reject(string externalId, string code, string message) => new(externalId, SyncResult.Rejected, null, null, code, message);
}

/// <summary>
/// Creates or replaces a partner city's vacancies by the partner's own ids. A request that would change nothing is
/// unchanged whatever its precondition, so replaying a sync is harmless. All items are read in one query (with their
/// enterprises in a second) and written in one transaction, however many there are: the new ones by one multi-row
/// insert, the changed ones by SaveChanges, the unchanged ones not at all; a race with another writer of the same
/// vacancies starts the whole sync again from the database.
/// </summary>
public static class PartnerVacancySync
{
    public const string VersionMismatch = "version-mismatch";
    public const string VersionRequired = "version-required";
    public const string EnterpriseUnknown = "enterprise-unknown";

    private const int MaxAttempts = 3;

    /// <param name="versionRequiredForChange">Whether changing an existing vacancy needs the version the caller read (a single PUT's If-Match).</param>
    public static async Task<IReadOnlyList<SyncOutcome>> ApplyAsync(
        IJobMatchingDbContext db,
        INewVacancies newVacancies,
        TimeProvider clock,
        string partner, IReadOnlyList<SyncItem> items, bool versionRequiredForChange, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ApplyOnceAsync(db, newVacancies, clock, partner, items, versionRequiredForChange, cancellationToken);
            }
            catch (Exception e) when (e is DbUpdateConcurrencyException or UniqueConstraintViolationException && attempt < MaxAttempts)
            {
                db.DiscardChanges();
            }
        }
    }

    private static async Task<IReadOnlyList<SyncOutcome>> ApplyOnceAsync(
        IJobMatchingDbContext db,
        INewVacancies newVacancies,
        TimeProvider clock,
        string partner, IReadOnlyList<SyncItem> items, bool versionRequiredForChange, CancellationToken cancellationToken)
    {
        var externalIds = items.Select(i => i.ExternalId).Distinct(StringComparer.Ordinal).ToList();
        var creditCodes = items.Select(i => UnifiedSocialCreditCode.Parse(i.Input.EnterpriseCreditCode).Value).Distinct(StringComparer.Ordinal).ToList();
        var existing = await db.Vacancies
            .Where(v => v.PartnerCity == partner && v.ExternalId != null && externalIds.Contains(v.ExternalId))
            .ToDictionaryAsync(v => v.ExternalId!, StringComparer.Ordinal, cancellationToken);
        var enterprises = await db.Employers.AsNoTracking()
            .Where(e => e.PartnerCity == partner && creditCodes.Contains(e.CreditCode))
            .ToDictionaryAsync(e => e.CreditCode, StringComparer.Ordinal, cancellationToken);

        var now = clock.GetUtcNow();
        var today = clock.Today();
        var outcomes = new List<SyncOutcome>(items.Count);
        var created = new List<Vacancy>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!seen.Add(item.ExternalId))
            {
                outcomes.Add(SyncOutcome.Reject(item.ExternalId, "duplicate-in-batch", "The external id comes earlier in the same batch; only its first occurrence is applied."));
                continue;
            }

            var creditCode = UnifiedSocialCreditCode.Parse(item.Input.EnterpriseCreditCode).Value;
            if (!enterprises.TryGetValue(creditCode, out var enterprise))
            {
                outcomes.Add(SyncOutcome.Reject(item.ExternalId, EnterpriseUnknown, "No enterprise of your city with this credit code is on record; ask the city's office to record it."));
                continue;
            }

            outcomes.Add(Apply(db, item, existing.GetValueOrDefault(item.ExternalId), enterprise, versionRequiredForChange, today, now));
            if (outcomes[^1] is { Result: SyncResult.Created, Vacancy: { } vacancy })
            {
                created.Add(vacancy);
            }
        }

        await newVacancies.SaveChangesWithAsync(created, cancellationToken);
        return outcomes;
    }

    private static SyncOutcome Apply(IJobMatchingDbContext db, SyncItem item, Vacancy? vacancy, Employer enterprise, bool versionRequiredForChange, DateOnly today, DateTimeOffset now)
    {
        var terms = item.Input.ToTerms();
        try
        {
            if (vacancy is null)
            {
                if (item.ExpectedVersion is not null)
                {
                    return SyncOutcome.Reject(item.ExternalId, VersionMismatch, "No vacancy with this external id exists to match the version given.");
                }

                var created = Vacancy.PostForPartner(Guid.CreateVersion7(now), enterprise, item.ExternalId, terms, today, now);
                return new SyncOutcome(item.ExternalId, SyncResult.Created, created, enterprise.CreditCode);
            }

            if (vacancy.Offers(enterprise.Id, terms))
            {
                return new SyncOutcome(item.ExternalId, SyncResult.Unchanged, vacancy, enterprise.CreditCode);
            }

            if (item.ExpectedVersion is null && versionRequiredForChange)
            {
                return SyncOutcome.Reject(item.ExternalId, VersionRequired, "Changing an existing vacancy needs the version (ETag) you last read.");
            }

            if (item.ExpectedVersion is { } expected)
            {
                if (expected != vacancy.RowVersion)
                {
                    return SyncOutcome.Reject(item.ExternalId, VersionMismatch, "The vacancy changed since the version given; read it again.");
                }

                db.ExpectRowVersion(vacancy, expected);
            }

            vacancy.SyncFromPartner(enterprise.Id, terms, today, now);
            return new SyncOutcome(item.ExternalId, SyncResult.Updated, vacancy, enterprise.CreditCode);
        }
        catch (DomainException e)
        {
            return SyncOutcome.Reject(item.ExternalId, e.Code, e.Message);
        }
    }
}
