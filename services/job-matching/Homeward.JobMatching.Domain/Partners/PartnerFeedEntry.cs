namespace Homeward.JobMatching.Domain.Partners;

/// <summary>
/// Where a partner city's vacancy stands in the partner's change feed: one entry per vacancy, carrying the sequence
/// number of its latest change. The database writes it when a change commits (never the application), so sequence
/// numbers become visible in the order they were given and a reader that has seen one has seen every smaller one.
/// </summary>
public sealed class PartnerFeedEntry
{
    private PartnerFeedEntry()
    {
    }

    public Guid VacancyId { get; private set; }

    public string PartnerCity { get; private set; } = string.Empty;

    public long Sequence { get; private set; }
}
