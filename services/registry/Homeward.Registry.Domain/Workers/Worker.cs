using Homeward.SharedKernel;
using Homeward.SharedKernel.Divisions;
using Homeward.SharedKernel.Identity;
using Homeward.SharedKernel.Names;
using Homeward.SharedKernel.Privacy;
using Homeward.SharedKernel.Trades;

namespace Homeward.Registry.Domain.Workers;

/// <summary>
/// A returning migrant worker: one record per person, identified by the national ID number. The number, the birth
/// date and gender derived from it, and the time of registration never change; the number and phone are held only in
/// protected form. Every other fact can change, and the record remembers when it was last confirmed by anyone, so that
/// stale records can be revisited.
/// </summary>
public sealed class Worker : IHasRowVersion
{
    private Worker()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    /// <summary>The sound of the name in toneless pinyin, for searching names by how they are said.</summary>
    public string NamePinyin { get; private set; } = string.Empty;

    public ProtectedValue NationalId { get; private set; } = null!;

    public DateOnly BirthDate { get; private set; }

    public Gender Gender { get; private set; }

    public ProtectedValue? Phone { get; private set; }

    /// <summary>12-digit statistical code of the village of the household (hukou) registration.</summary>
    public string HouseholdDivisionCode { get; private set; } = string.Empty;

    public Residence? Residence { get; private set; }

    public EducationLevel? Education { get; private set; }

    public IReadOnlyList<Skill> Skills { get; private set; } = [];

    /// <summary>"trade:level" for every level up to each skill's own, so "at least intermediate welder" is one array lookup.</summary>
    public string[] SkillKeys { get; private set; } = [];

    public IReadOnlyList<Certificate> Certificates { get; private set; } = [];

    public IReadOnlyList<PriorWork> PriorWork { get; private set; } = [];

    public DateOnly? ReturnedOn { get; private set; }

    public ReturnReason? ReturnReason { get; private set; }

    public JobIntention? JobIntention { get; private set; }

    public EntrepreneurshipIntention? Entrepreneurship { get; private set; }

    public string[] TrainingNeeds { get; private set; } = [];

    public FamilySituation? Family { get; private set; }

    public EmploymentStatus Status { get; private set; }

    /// <summary>Time of the newest fact about the status; an older fact that arrives later only goes into the history.</summary>
    public DateTimeOffset StatusAsOf { get; private set; }

    /// <summary>When a staff member last visited the household.</summary>
    public DateTimeOffset? LastVisitedAt { get; private set; }

    /// <summary>When the record was last confirmed by a visit, an observation that agreed with it, a verification or a change.</summary>
    public DateTimeOffset LastConfirmedAt { get; private set; }

    /// <summary>When the worker was first recommended a job (the employment rate's denominator).</summary>
    public DateTimeOffset? FirstRecommendedAt { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint RowVersion { get; private set; }

    public DivisionCode HouseholdDivision => DivisionCode.Parse(HouseholdDivisionCode);

    public WorkerProfile Profile => new(
        Residence,
        Education,
        Skills,
        Certificates,
        PriorWork,
        ReturnedOn is { } on ? new ReturnHome(on, ReturnReason!.Value) : null,
        JobIntention,
        Entrepreneurship,
        TrainingNeeds,
        Family);

    public static (Worker Worker, StatusChange InitialStatus) Register(
        Guid id,
        NationalId nationalId,
        ProtectedValue protectedNationalId,
        string name,
        ProtectedValue? phone,
        DivisionCode householdDivision,
        WorkerProfile profile,
        EmploymentStatus status,
        InformationSource source,
        string actor,
        DateTimeOffset now)
    {
        EnsureValidName(name);
        EnsureVillage(householdDivision);
        var worker = new Worker
        {
            Id = id,
            NationalId = protectedNationalId,
            BirthDate = nationalId.BirthDate,
            Gender = nationalId.Gender,
            Phone = phone,
            HouseholdDivisionCode = householdDivision.Value,
            Status = status,
            StatusAsOf = now,
            RegisteredAt = now,
            UpdatedAt = now,
            LastConfirmedAt = now,
        };
        worker.SetName(name);
        worker.ApplyProfile(profile, CityCalendar.DayOf(now));
        if (source == InformationSource.DoorToDoorVisit)
        {
            worker.LastVisitedAt = now;
        }

        var initial = StatusChange.Record(Guid.CreateVersion7(now), id, null, status, now, now, source, actor, "registered", householdDivision.Value);
        return (worker, initial);
    }

    /// <summary>
    /// Changes the facts that may change after registration and returns the names of those that did. The national
    /// ID number, and the birth date and gender derived from it, never change: a wrong number is a wrong record.
    /// </summary>
    public IReadOnlyList<string> ChangeProfile(
        string? name,
        ProtectedValue? phone,
        DivisionCode? householdDivision,
        WorkerProfile? profile,
        DateTimeOffset now)
    {
        var changed = new List<string>();
        if (name is not null && name.Trim() != Name)
        {
            EnsureValidName(name);
            SetName(name);
            changed.Add("name");
        }

        if (phone is not null && !phone.LookupHash.AsSpan().SequenceEqual(Phone?.LookupHash))
        {
            Phone = phone;
            changed.Add("phone");
        }

        if (householdDivision is { } division && division.Value != HouseholdDivisionCode)
        {
            EnsureVillage(division);
            HouseholdDivisionCode = division.Value;
            changed.Add("householdDivision");
        }

        if (profile is not null)
        {
            var before = Profile;
            ApplyProfile(profile, CityCalendar.DayOf(now));
            changed.AddRange(WorkerProfileComparer.ChangedGroups(before, Profile));
        }

        if (changed.Count > 0)
        {
            UpdatedAt = now;
            LastConfirmedAt = now;
        }

        return changed;
    }

    /// <summary>A staff member changes the status now; the change must be an allowed one.</summary>
    public StatusChange ChangeStatus(EmploymentStatus to, InformationSource source, string actor, string? note, DateTimeOffset now)
    {
        EmploymentStatusRules.EnsureAllowed(Status, to);
        return Transition(to, now, now, source, actor, note);
    }

    /// <summary>
    /// A fact about the status from elsewhere (a placement, a training, a business), true as of <paramref name="asOf"/>.
    /// Facts older than what the record knows only go into the history; a fact that repeats the current status only
    /// moves <see cref="StatusAsOf"/> forward. Returns the change to record, or null when there is none to record and
    /// the status stands; throws when the fact would be an impossible transition (the caller opens a discrepancy).
    /// </summary>
    public StatusChange? ApplyStatusFact(EmploymentStatus to, DateTimeOffset asOf, InformationSource source, string actor, string? note, DateTimeOffset now)
    {
        if (asOf < StatusAsOf)
        {
            return StatusChange.Record(Guid.CreateVersion7(now), Id, null, to, asOf, now, source, actor, $"superseded: {note}", HouseholdDivisionCode);
        }

        if (to == Status)
        {
            StatusAsOf = asOf;
            LastConfirmedAt = Max(LastConfirmedAt, now);
            return null;
        }

        EmploymentStatusRules.EnsureAllowed(Status, to);
        return Transition(to, asOf, now, source, actor, note);
    }

    /// <summary>
    /// Records that a fact repeated the current status, which <see cref="ApplyStatusFact"/> then took without a change,
    /// as a change from the status to itself: the history shows what the status now stands on.
    /// </summary>
    public StatusChange RecordStatusConfirmation(DateTimeOffset asOf, InformationSource source, string actor, string? note, DateTimeOffset now) =>
        StatusChange.Record(Guid.CreateVersion7(now), Id, Status, Status, asOf, now, source, actor, note, HouseholdDivisionCode);

    /// <summary>Keeps a fact about the status that does not bear on the current one (the start of a job that already ended) in the history only.</summary>
    public StatusChange RecordStatusFactInHistory(EmploymentStatus to, DateTimeOffset asOf, InformationSource source, string actor, string? note, DateTimeOffset now) =>
        StatusChange.Record(Guid.CreateVersion7(now), Id, null, to, asOf, now, source, actor, note, HouseholdDivisionCode);

    /// <summary>A certificate issued on the platform (or confirmed by its issuer) replaces a self-reported one with the same number.</summary>
    public bool AddVerifiedCertificate(Certificate certificate, DateTimeOffset now)
    {
        var verified = certificate with { Verified = true };
        var existing = Certificates.FirstOrDefault(c => c.Number == verified.Number);
        if (existing == verified)
        {
            return false;
        }

        Certificates = [.. Certificates.Where(c => c.Number != verified.Number), verified];
        // A certified level is a skill at least that high.
        if (verified is { TradeCode: { } trade, Level: { } level }
            && (Skills.FirstOrDefault(s => s.TradeCode == trade)?.Level ?? SkillLevel.None) < level)
        {
            Skills = [.. Skills.Where(s => s.TradeCode != trade), new Skill(trade, level)];
            SkillKeys = KeysOf(Skills);
        }

        UpdatedAt = now;
        LastConfirmedAt = now;
        return true;
    }

    public void RecordVisit(DateTimeOffset at)
    {
        LastVisitedAt = Max(LastVisitedAt ?? at, at);
        LastConfirmedAt = Max(LastConfirmedAt, at);
    }

    /// <summary>An observation agreed with the record, or a verification confirmed it.</summary>
    public void Confirm(DateTimeOffset at) => LastConfirmedAt = Max(LastConfirmedAt, at);

    public void RecordRecommendation(DateTimeOffset at) =>
        FirstRecommendedAt = FirstRecommendedAt is { } first && first <= at ? first : at;

    /// <summary>Sets the observed value of a field the record lacks or that staff accepted in a discrepancy.</summary>
    public void ApplyObservedResidence(Residence residence, DateTimeOffset now) => ChangeProfile(null, null, null, Profile with { Residence = residence }, now);

    public void ApplyObservedEducation(EducationLevel education, DateTimeOffset now) => ChangeProfile(null, null, null, Profile with { Education = education }, now);

    private StatusChange Transition(EmploymentStatus to, DateTimeOffset asOf, DateTimeOffset now, InformationSource source, string actor, string? note)
    {
        var change = StatusChange.Record(Guid.CreateVersion7(now), Id, Status, to, asOf, now, source, actor, note, HouseholdDivisionCode);
        Status = to;
        StatusAsOf = asOf;
        UpdatedAt = now;
        LastConfirmedAt = Max(LastConfirmedAt, now);
        return change;
    }

    private void ApplyProfile(WorkerProfile profile, DateOnly today)
    {
        if (WorkerProfileRules.Problems(profile, today) is [var problem, ..])
        {
            throw new DomainException("worker-profile-invalid", $"{problem.Field}: {problem.Message}");
        }

        // A certificate the platform verified stays verified when the same certificate is sent again.
        var verified = Certificates.Where(c => c.Verified).ToDictionary(c => c.Number);
        profile = profile with
        {
            Certificates = [.. profile.Certificates.Select(c => verified.TryGetValue(c.Number, out var known) && known == c with { Verified = true } ? known : c)],
        };
        Residence = profile.Residence;
        Education = profile.Education;
        Skills = [.. profile.Skills];
        SkillKeys = KeysOf(Skills);
        Certificates = [.. profile.Certificates];
        PriorWork = [.. profile.PriorWork];
        ReturnedOn = profile.Return?.ReturnedOn;
        ReturnReason = profile.Return?.Reason;
        JobIntention = profile.JobIntention;
        Entrepreneurship = profile.Entrepreneurship;
        TrainingNeeds = [.. profile.TrainingNeeds];
        Family = profile.Family;
    }

    private void SetName(string name)
    {
        Name = name.Trim();
        NamePinyin = ChineseNames.ToPinyin(Name);
    }

    private static string[] KeysOf(IEnumerable<Skill> skills) =>
        [.. skills.SelectMany(s => Enumerable.Range(1, (int)s.Level).Select(level => $"{s.TradeCode}:{(SkillLevel)level}".ToLowerInvariant()))];

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static void EnsureValidName(string name)
    {
        if (!WorkerName.IsValid(name))
        {
            throw new DomainException("worker-name-invalid", "A name is 2 to 30 letters; digits and symbols are not allowed.");
        }
    }

    private static void EnsureVillage(DivisionCode division)
    {
        if (division.Level != DivisionLevel.Village)
        {
            throw new DomainException("household-division-not-village", "The household division is a village (12-digit code).");
        }
    }
}
