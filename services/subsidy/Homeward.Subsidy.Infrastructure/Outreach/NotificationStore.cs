using Homeward.Subsidy.Application.Outreach;
using Homeward.Subsidy.Domain.Outreach;
using Homeward.Subsidy.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Subsidy.Infrastructure.Outreach;

/// <summary>
/// One INSERT … SELECT FROM unnest(…) per batch: an outreach run makes hundreds of thousands of notifications, which
/// tracked entities would insert row by row.
/// </summary>
internal sealed class NotificationStore(SubsidyDbContext db) : INotificationStore
{
    public async Task<int> AddAsync(IReadOnlyList<FunnelEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return 0;
        }

        var workers = entries.Select(e => e.WorkerId).ToArray();
        var policies = entries.Select(e => e.PolicyId).ToArray();
        var divisions = entries.Select(e => e.Division).ToArray();
        var versions = entries.Select(e => e.NotifiedVersion ?? 0).ToArray();
        var times = entries.Select(e => e.NotifiedAt!.Value.ToUniversalTime()).ToArray();
        return await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO subsidy.funnel_entries (worker_id, policy_id, division, notified_version, notified_at)
            SELECT * FROM unnest({workers}, {policies}, {divisions}, {versions}, {times})
            ON CONFLICT (worker_id, policy_id) DO NOTHING
            """,
            cancellationToken);
    }
}
