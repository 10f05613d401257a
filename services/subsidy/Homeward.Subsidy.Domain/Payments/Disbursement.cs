using Homeward.SharedKernel;
using Homeward.SharedKernel.Privacy;

namespace Homeward.Subsidy.Domain.Payments;

public enum DisbursementStatus
{
    /// <summary>Sent to the bank, not confirmed yet.</summary>
    Instructed,

    Paid,

    /// <summary>The bank could not pay (e.g. a closed account); a new instruction may follow.</summary>
    Failed,

    /// <summary>Paid, then returned; a new instruction may follow.</summary>
    Reversed,
}

/// <summary>
/// The instruction to pay an approved application's amount into a bank account. The account is stored encrypted and
/// shown masked. At most one instruction per application is instructed or paid at a time.
/// </summary>
public sealed class Disbursement : IHasRowVersion
{
    private Disbursement()
    {
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public Guid PolicyId { get; private set; }

    public Guid WorkerId { get; private set; }

    public Guid? BusinessId { get; private set; }

    public string Division { get; private set; } = string.Empty;

    public decimal Amount { get; private set; }

    public string BankName { get; private set; } = string.Empty;

    public ProtectedValue BankAccount { get; private set; } = null!;

    public DisbursementStatus Status { get; private set; }

    public DateTimeOffset InstructedAt { get; private set; }

    public string InstructedBy { get; private set; } = string.Empty;

    public DateOnly? PaidOn { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public string? Note { get; private set; }

    public uint RowVersion { get; private set; }

    public static Disbursement Instruct(
        Guid id, Guid applicationId, Guid policyId, Guid workerId, Guid? businessId, string division, decimal amount,
        string bankName, ProtectedValue bankAccount, string actor, DateTimeOffset now) => new()
    {
        Id = id,
        ApplicationId = applicationId,
        PolicyId = policyId,
        WorkerId = workerId,
        BusinessId = businessId,
        Division = division,
        Amount = amount,
        BankName = bankName,
        BankAccount = bankAccount,
        Status = DisbursementStatus.Instructed,
        InstructedAt = now,
        InstructedBy = actor,
    };

    public void ConfirmPaid(DateOnly paidOn, DateTimeOffset now)
    {
        Ensure(DisbursementStatus.Instructed, "confirmed as paid");
        Status = DisbursementStatus.Paid;
        PaidOn = paidOn;
        ClosedAt = now;
    }

    public void Fail(string reason, DateTimeOffset now)
    {
        Ensure(DisbursementStatus.Instructed, "failed");
        Status = DisbursementStatus.Failed;
        Note = reason;
        ClosedAt = now;
    }

    public void Reverse(string reason, DateTimeOffset now)
    {
        Ensure(DisbursementStatus.Paid, "reversed");
        Status = DisbursementStatus.Reversed;
        Note = reason;
        ClosedAt = now;
    }

    private void Ensure(DisbursementStatus expected, string action)
    {
        if (Status != expected)
        {
            throw new DomainException("disbursement-transition-not-allowed", $"A disbursement that is {Status} cannot be {action}.");
        }
    }
}
