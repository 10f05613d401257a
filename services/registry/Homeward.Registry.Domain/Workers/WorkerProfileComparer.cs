using System.Text.Json;

namespace Homeward.Registry.Domain.Workers;

/// <summary>Which groups of profile facts differ between two profiles (by value, lists included).</summary>
public static class WorkerProfileComparer
{
    public static IReadOnlyList<string> ChangedGroups(WorkerProfile before, WorkerProfile after)
    {
        var changed = new List<string>();
        Compare("residence", before.Residence, after.Residence);
        Compare("education", before.Education, after.Education);
        Compare("skills", before.Skills, after.Skills);
        Compare("certificates", before.Certificates, after.Certificates);
        Compare("priorWork", before.PriorWork, after.PriorWork);
        Compare("return", before.Return, after.Return);
        Compare("jobIntention", before.JobIntention, after.JobIntention);
        Compare("entrepreneurship", before.Entrepreneurship, after.Entrepreneurship);
        Compare("trainingNeeds", before.TrainingNeeds, after.TrainingNeeds);
        Compare("family", before.Family, after.Family);
        return changed;

        // Equal records (or lists of equal records) are the same without serializing them: an unchanged group, the
        // common case of an import, costs no JSON. Records holding lists compare by reference, so unequal ones are
        // decided by their JSON.
        void Compare<T>(string group, T left, T right)
        {
            var same = (left, right) switch
            {
                (System.Collections.IEnumerable l, System.Collections.IEnumerable r) => l.Cast<object>().SequenceEqual(r.Cast<object>()),
                _ => EqualityComparer<T>.Default.Equals(left, right),
            };
            if (!same && JsonSerializer.Serialize(left) != JsonSerializer.Serialize(right))
            {
                changed.Add(group);
            }
        }
    }
}
