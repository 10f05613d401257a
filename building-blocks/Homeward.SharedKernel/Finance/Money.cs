using System.Globalization;

namespace Homeward.SharedKernel.Finance;

/// <summary>
/// An amount of Chinese yuan with at most two decimals (fen). Amounts are never negative: a refund or reversal is
/// its own record, not a negative payment. Input with more precision is refused rather than silently rounded.
/// </summary>
public readonly record struct Money : IComparable<Money>
{
    public const string Currency = "CNY";

    private Money(decimal amount) => Amount = amount;

    public static Money Zero { get; } = new(0m);

    public decimal Amount { get; }

    public static Money Yuan(decimal amount)
    {
        if (amount < 0)
        {
            throw new DomainException("money-negative", "An amount of money cannot be negative.");
        }

        if (decimal.Round(amount, 2) != amount)
        {
            throw new DomainException("money-precision", "An amount of money has at most two decimals (fen).");
        }

        return new Money(decimal.Round(amount, 2));
    }

    public static bool IsValidAmount(decimal amount) => amount >= 0 && decimal.Round(amount, 2) == amount;

    public static Money operator +(Money left, Money right) => new(left.Amount + right.Amount);

    public static Money operator -(Money left, Money right) => Yuan(left.Amount - right.Amount);

    public static bool operator <(Money left, Money right) => left.Amount < right.Amount;

    public static bool operator >(Money left, Money right) => left.Amount > right.Amount;

    public static bool operator <=(Money left, Money right) => left.Amount <= right.Amount;

    public static bool operator >=(Money left, Money right) => left.Amount >= right.Amount;

    public static Money Sum(IEnumerable<Money> amounts) => amounts.Aggregate(Zero, (total, next) => total + next);

    public int CompareTo(Money other) => Amount.CompareTo(other.Amount);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"¥{Amount:N2}");
}
