using Homeward.SharedKernel;
using Homeward.Subsidy.Domain.Policies;

namespace Homeward.Subsidy.Domain.Applications;

public enum ApplicationStatus
{
    Draft,
    PendingPreReview,
    PendingApproval,
    ReturnedForRevision,
    Approved,
    Rejected,
}

/// <summary>Why an application was refused; a client can switch on these.</summary>
public enum RejectionReason
{
    NotEligible,
    DocumentsIncomplete,
    DocumentsInvalid,
    DuplicateBenefit,
    BudgetExhausted,
    FalseStatement,
    Other,
}

public enum DocumentSource
{
    /// <summary>The platform holds it: filled in, never asked for.</summary>
    Platform,

    /// <summary>Uploaded for this application.</summary>
    Upload,
}

/// <summary>A required document as the application has it: from the platform, uploaded, or still missing (Source null).</summary>
public sealed record ApplicationDocument(string Code, string Title, bool PlatformVerifiable, DocumentSource? Source, string? Detail, Guid? UploadId)
{
    public bool IsPresent => Source is not null;
}

/// <summary>
/// A worker's application for one policy, filed by their case worker. It moves only by allowed transitions:
/// draft → township pre-review → county approval → approved, with return for revision and rejection (with reason
/// codes) from either review stage. Reviews are four-eyes: neither reviewer may be the case worker, and the approver
/// is not the pre-reviewer. Each review stage has a deadline and an owning office; every step is kept in the timeline.
/// </summary>
public sealed class SubsidyApplication : IHasRowVersion
{
    private readonly List<ApplicationEvent> _timeline = [];

    private SubsidyApplication()
    {
    }

    public Guid Id { get; private set; }

    public Guid PolicyId { get; private set; }

    /// <summary>The policy version the application is decided by: the current one when it was last submitted.</summary>
    public int PolicyVersion { get; private set; }

    public Guid WorkerId { get; private set; }

    public Guid? BusinessId { get; private set; }

    /// <summary>The worker's household division: scopes who sees the application.</summary>
    public string Division { get; private set; } = string.Empty;

    public string CaseWorkerId { get; private set; } = string.Empty;

    public ApplicationStatus Status { get; private set; }

    public decimal Amount { get; private set; }

    public IReadOnlyList<ApplicationDocument> Documents { get; private set; } = [];

    /// <summary>When the current review stage must be done; null outside review.</summary>
    public DateTimeOffset? StageDueAt { get; private set; }

    /// <summary>The office that owns the current review stage: the township (pre-review) or the county (approval).</summary>
    public string? StageOwnerDivision { get; private set; }

    public string? PreReviewerId { get; private set; }

    public string? ApproverId { get; private set; }

    public DateTimeOffset? FirstSubmittedAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public IReadOnlyList<RejectionReason> RejectionReasons { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public uint RowVersion { get; private set; }

    public IReadOnlyList<ApplicationEvent> Timeline => _timeline;

    public TimeSpan? TimeToDecision => DecidedAt - FirstSubmittedAt;

    public bool IsInReview => Status is ApplicationStatus.PendingPreReview or ApplicationStatus.PendingApproval;

    public static SubsidyApplication Draft(
        Guid id, Guid policyId, int policyVersion, Guid workerId, Guid? businessId, string division, string caseWorkerId,
        decimal amount, IReadOnlyList<ApplicationDocument> documents, DateTimeOffset now)
    {
        var application = new SubsidyApplication
        {
            Id = id,
            PolicyId = policyId,
            PolicyVersion = policyVersion,
            WorkerId = workerId,
            BusinessId = businessId,
            Division = division,
            CaseWorkerId = caseWorkerId,
            Status = ApplicationStatus.Draft,
            Amount = amount,
            Documents = documents,
            CreatedAt = now,
        };
        application.Record(now, caseWorkerId, "drafted", null, $"{documents.Count(d => d.Source == DocumentSource.Platform)} document(s) filled in by the platform");
        return application;
    }

    /// <summary>Attaches an uploaded document to a draft or a returned application.</summary>
    public void AttachUpload(string code, Guid uploadId, string detail, string actor, DateTimeOffset now)
    {
        EnsureEditable();
        var document = Documents.FirstOrDefault(d => d.Code == code)
            ?? throw new DomainException("document-not-required", $"The policy does not ask for a document '{code}'.");
        Documents = [.. Documents.Select(d => d == document ? d with { Source = DocumentSource.Upload, Detail = detail, UploadId = uploadId } : d)];
        Record(now, actor, "documentUploaded", null, code);
    }

    /// <summary>Sends a draft or returned application to the township pre-review, with every required document present.</summary>
    public void Submit(int currentPolicyVersion, StageDeadlines deadlines, string actor, DateTimeOffset now)
    {
        EnsureEditable();
        if (Documents.Where(d => !d.IsPresent).Select(d => d.Code).ToList() is { Count: > 0 } missing)
        {
            throw new DomainException("documents-missing", $"These documents are still missing: {string.Join(", ", missing)}.");
        }

        PolicyVersion = currentPolicyVersion;
        FirstSubmittedAt ??= now;
        EnterStage(ApplicationStatus.PendingPreReview, now.AddDays(deadlines.PreReviewDays), TownshipOf(Division), actor, now, "submitted", null);
    }

    /// <summary>The township passes the application on to the county.</summary>
    public void Forward(StageDeadlines deadlines, string actor, DateTimeOffset now, string? note)
    {
        EnsureStatus(ApplicationStatus.PendingPreReview, "forwarded");
        EnsureNotCaseWorker(actor);
        PreReviewerId = actor;
        EnterStage(ApplicationStatus.PendingApproval, now.AddDays(deadlines.ApprovalDays), CountyOf(Division), actor, now, "forwarded", note);
    }

    /// <summary>The county grants the application; the budget was reserved before this is called.</summary>
    public void Approve(string actor, DateTimeOffset now, string? note)
    {
        EnsureStatus(ApplicationStatus.PendingApproval, "approved");
        EnsureNotCaseWorker(actor);
        if (actor == PreReviewerId)
        {
            throw new DomainException("four-eyes", "The approval is given by someone other than the pre-reviewer.");
        }

        ApproverId = actor;
        Decide(ApplicationStatus.Approved, actor, now, "approved", note);
    }

    /// <summary>Refuses the application in either review stage, with at least one reason code.</summary>
    public void Reject(IReadOnlyList<RejectionReason> reasons, string actor, DateTimeOffset now, string? note)
    {
        if (!IsInReview)
        {
            throw Forbidden("rejected");
        }

        EnsureNotCaseWorker(actor);
        if (reasons.Count == 0)
        {
            throw new DomainException("rejection-reason-required", "A rejection names at least one reason code.");
        }

        RejectionReasons = [.. reasons.Distinct()];
        Decide(ApplicationStatus.Rejected, actor, now, "rejected", note);
    }

    /// <summary>Sends the application back to the case worker to revise, from either review stage; the clock of the stage stops.</summary>
    public void ReturnForRevision(string actor, DateTimeOffset now, string note)
    {
        if (!IsInReview)
        {
            throw Forbidden("returned");
        }

        EnsureNotCaseWorker(actor);
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new DomainException("revision-note-required", "A return for revision says what to revise.");
        }

        var from = Status;
        Status = ApplicationStatus.ReturnedForRevision;
        StageDueAt = null;
        StageOwnerDivision = null;
        Record(now, actor, "returnedForRevision", from, note);
    }

    public bool IsOverdueAt(DateTimeOffset now) => IsInReview && StageDueAt < now;

    /// <summary>The township (9-digit prefix) of a 12-digit village code, as a 12-digit code.</summary>
    public static string TownshipOf(string division) => division[..9] + "000";

    /// <summary>The county (6-digit prefix) of a 12-digit code, as a 12-digit code.</summary>
    public static string CountyOf(string division) => division[..6] + "000000";

    private void EnterStage(ApplicationStatus status, DateTimeOffset dueAt, string owner, string actor, DateTimeOffset now, string action, string? note)
    {
        var from = Status;
        Status = status;
        StageDueAt = dueAt;
        StageOwnerDivision = owner;
        Record(now, actor, action, from, note);
    }

    private void Decide(ApplicationStatus status, string actor, DateTimeOffset now, string action, string? note)
    {
        var from = Status;
        Status = status;
        StageDueAt = null;
        StageOwnerDivision = null;
        DecidedAt = now;
        Record(now, actor, action, from, note);
    }

    private void Record(DateTimeOffset now, string actor, string action, ApplicationStatus? from, string? note) =>
        _timeline.Add(new ApplicationEvent(Guid.CreateVersion7(now), Id, now, actor, action, from, Status, note));

    private void EnsureEditable()
    {
        if (Status is not (ApplicationStatus.Draft or ApplicationStatus.ReturnedForRevision))
        {
            throw new DomainException("application-not-editable", $"An application that is {Status} cannot be changed or submitted.");
        }
    }

    private void EnsureStatus(ApplicationStatus expected, string action)
    {
        if (Status != expected)
        {
            throw Forbidden(action);
        }
    }

    private void EnsureNotCaseWorker(string actor)
    {
        if (actor == CaseWorkerId)
        {
            throw new DomainException("four-eyes", "The applicant's case worker cannot review their own application.");
        }
    }

    private DomainException Forbidden(string action) =>
        new("transition-not-allowed", $"An application that is {Status} cannot be {action}.");
}

/// <summary>One step of an application's timeline: who did what when, from which status to which.</summary>
public sealed record ApplicationEvent(
    Guid Id,
    Guid ApplicationId,
    DateTimeOffset At,
    string Actor,
    string Action,
    ApplicationStatus? From,
    ApplicationStatus To,
    string? Note);

/// <summary>The content of a document uploaded for an application, with its SHA-256 hash.</summary>
public sealed class ApplicationUpload
{
    private ApplicationUpload()
    {
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public string DocumentCode { get; private set; } = string.Empty;

    public string ContentType { get; private set; } = string.Empty;

    public long Size { get; private set; }

    public byte[] Sha256 { get; private set; } = [];

    public byte[] Content { get; private set; } = [];

    public DateTimeOffset UploadedAt { get; private set; }

    public string UploadedBy { get; private set; } = string.Empty;

    public static ApplicationUpload Create(Guid id, Guid applicationId, string code, string contentType, byte[] content, DateTimeOffset now, string actor) => new()
    {
        Id = id,
        ApplicationId = applicationId,
        DocumentCode = code,
        ContentType = contentType,
        Size = content.LongLength,
        Sha256 = System.Security.Cryptography.SHA256.HashData(content),
        Content = content,
        UploadedAt = now,
        UploadedBy = actor,
    };
}
