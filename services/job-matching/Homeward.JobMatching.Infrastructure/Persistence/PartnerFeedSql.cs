namespace Homeward.JobMatching.Infrastructure.Persistence;

/// <summary>
/// Gives every committed change of a partner city's vacancy the next number of the partner feed, in commit order.
/// </summary>
/// <remarks>
/// A sequence number taken while a transaction runs can commit after a larger one: a reader that had already moved
/// its cursor past the larger number would never see the smaller one. So the number is taken at commit instead: a
/// deferred constraint trigger, which runs when the writing transaction commits, takes one transaction-scoped advisory
/// lock, draws the number and stores it in partner_feed; the lock is held until the commit completes, so the next
/// committing writer draws a larger number only after this one is visible. The lock is held only for the commit's
/// own feed rows, which nobody else writes without it, so it cannot deadlock with row locks. Every writer of
/// vacancies is covered — partner syncs, staff edits, hires, expiry — without any of them knowing about the feed; the
/// vacancy row itself is not touched again, so its row version (ETag) stays what the writer returned.
/// </remarks>
public static class PartnerFeedSql
{
    public const string Create = """
        CREATE SEQUENCE jobmatching.partner_feed_sequence AS bigint;

        CREATE FUNCTION jobmatching.stamp_partner_feed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_advisory_xact_lock(hashtext('jobmatching.partner_feed'));
            INSERT INTO jobmatching.partner_feed (vacancy_id, partner_city, sequence)
            VALUES (NEW.id, NEW.partner_city, nextval('jobmatching.partner_feed_sequence'))
            ON CONFLICT (vacancy_id) DO UPDATE SET sequence = EXCLUDED.sequence, partner_city = EXCLUDED.partner_city;
            RETURN NULL;
        END $$;

        CREATE CONSTRAINT TRIGGER vacancies_partner_feed
            AFTER INSERT OR UPDATE ON jobmatching.vacancies
            DEFERRABLE INITIALLY DEFERRED
            FOR EACH ROW WHEN (NEW.partner_city IS NOT NULL)
            EXECUTE FUNCTION jobmatching.stamp_partner_feed();
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS vacancies_partner_feed ON jobmatching.vacancies;
        DROP FUNCTION IF EXISTS jobmatching.stamp_partner_feed();
        DROP SEQUENCE IF EXISTS jobmatching.partner_feed_sequence;
        """;
}
