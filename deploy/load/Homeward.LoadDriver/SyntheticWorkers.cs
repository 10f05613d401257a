using System.Globalization;
using Homeward.SharedKernel.Divisions;
using Homeward.SharedKernel.Identity;

namespace Homeward.LoadDriver;

/// <summary>A made-up returning worker: valid national ID number, name, phone and household village.</summary>
public sealed record SyntheticWorker(
    string NationalId,
    string Name,
    string Phone,
    string HouseholdDivision,
    DateOnly BirthDate,
    string Gender);

/// <summary>
/// Generates workers whose national ID numbers are unique within a run and, with overwhelming probability, across
/// runs: a run walks consecutive numbers from a random start in a space of about 1.7 × 10^11 numbers (every county
/// code of province 41 × 46 years of birth dates × 1,000 sequence numbers), so two runs of 60,000 collide with a
/// probability below 10^-6. A collision would show up as a 409 in the report, not as a wrong figure.
/// </summary>
public sealed class SyntheticWorkers
{
    private const int FirstCounty = 101; // 410101
    private const int Counties = 9999 - FirstCounty + 1; // 410101 … 419999 (never …0000)
    private const int SequencesPerDay = 1000;

    private static readonly DateOnly FirstBirthDate = new(1960, 1, 1);
    private static readonly int BirthDates = new DateOnly(2005, 12, 31).DayNumber - FirstBirthDate.DayNumber + 1;
    private static readonly long Space = (long)Counties * BirthDates * SequencesPerDay;

    private static readonly string[] Surnames =
        ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗"];

    private static readonly string[] GivenNames =
        ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建国"];

    private readonly Random _random;
    private readonly string[] _villages;
    private long _next;

    public SyntheticWorkers(int? seed = null)
    {
        _random = seed is { } s ? new Random(s) : new Random();
        _next = _random.NextInt64(Space);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        _villages = DivisionDirectory.Current.All
            .Where(d => d.Level == DivisionLevel.Village && d.IsActiveOn(today))
            .Select(d => d.Code.Value)
            .ToArray();
        if (_villages.Length == 0)
        {
            throw new InvalidOperationException("The division reference data has no active village.");
        }
    }

    /// <summary>Not thread-safe: the scheduler generates every worker on its own thread.</summary>
    public SyntheticWorker Next()
    {
        var index = _next;
        _next = (_next + 1) % Space;

        var sequence = (int)(index % SequencesPerDay);
        index /= SequencesPerDay;
        var birthDate = FirstBirthDate.AddDays((int)(index % BirthDates));
        var county = FirstCounty + (int)(index / BirthDates);

        var first17 = string.Create(
            CultureInfo.InvariantCulture,
            $"41{county:D4}{birthDate:yyyyMMdd}{sequence:D3}");
        var nationalId = first17 + NationalId.ComputeCheckCharacter(first17);

        var name = Surnames[_random.Next(Surnames.Length)] + GivenNames[_random.Next(GivenNames.Length)];
        var phone = string.Create(CultureInfo.InvariantCulture, $"13{_random.Next(10)}{_random.Next(100_000_000):D8}");
        var village = _villages[_random.Next(_villages.Length)];
        return new SyntheticWorker(nationalId, name, phone, village, birthDate, sequence % 2 == 1 ? "male" : "female");
    }
}
