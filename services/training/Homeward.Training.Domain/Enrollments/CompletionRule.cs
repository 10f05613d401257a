namespace Homeward.Training.Domain.Enrollments;

/// <summary>Hours a trainee attended against the hours held, by kind of lesson.</summary>
public sealed record AttendanceTally(decimal TheoryHeld, decimal TheoryAttended, decimal PracticalHeld, decimal PracticalAttended)
{
    public decimal AllHeld => TheoryHeld + PracticalHeld;

    public decimal AttendanceShare => AllHeld == 0 ? 0m : (TheoryAttended + PracticalAttended) / AllHeld;

    /// <summary>Share of the practical hours attended; a session without practical lessons gives no practical share at all.</summary>
    public decimal PracticalShare => PracticalHeld == 0 ? 0m : PracticalAttended / PracticalHeld;
}

/// <summary>
/// A trainee completes a session who attended at least <see cref="MinimumAttendance"/> of all hours held and at
/// least <see cref="MinimumPracticalAttendance"/> of the practical hours; otherwise they drop out of it.
/// </summary>
public sealed record CompletionRule(decimal MinimumAttendance, decimal MinimumPracticalAttendance)
{
    public bool IsMetBy(AttendanceTally tally) =>
        tally.AllHeld > 0 && tally.AttendanceShare >= MinimumAttendance && tally.PracticalShare >= MinimumPracticalAttendance;
}
