using Homeward.SharedKernel;
using Homeward.SharedKernel.Trades;
using Homeward.Training.Domain.Catalog;
using Homeward.Training.Domain.Enrollments;
using Homeward.Training.Domain.Sessions;

namespace Homeward.Training.Tests.Domain;

public sealed class TrainingRulesTests
{
    private static Course Draft(int theory, int practical) =>
        Course.Draft(Guid.NewGuid(), Guid.NewGuid(), "housekeeping", SkillLevel.Junior, "家政", theory, practical, ["保洁"], DateTimeOffset.UtcNow);

    [Fact]
    public void A_theory_only_course_cannot_be_published()
    {
        var course = Draft(80, 0);

        var refused = Assert.Throws<DomainException>(() => course.Publish(0.4m, DateTimeOffset.UtcNow));

        Assert.Equal("practical-share-too-low", refused.Code);
        Assert.Equal(CourseStatus.Draft, course.Status);
    }

    [Theory]
    [InlineData(60, 40, 0.4, true)]
    [InlineData(61, 39, 0.4, false)]
    [InlineData(0, 10, 1.0, true)]
    public void A_course_is_published_exactly_when_its_practical_share_reaches_the_minimum(int theory, int practical, double minimum, bool published)
    {
        var course = Draft(theory, practical);

        var refusal = Record.Exception(() => course.Publish((decimal)minimum, DateTimeOffset.UtcNow));

        Assert.Equal(published, refusal is null);
        Assert.Equal(published ? CourseStatus.Published : CourseStatus.Draft, course.Status);
    }

    [Fact]
    public void A_published_course_is_not_changed()
    {
        var course = Draft(40, 60);
        course.Publish(0.4m, DateTimeOffset.UtcNow);

        Assert.Equal("course-not-draft", Assert.Throws<DomainException>(() => course.Change("welder", SkillLevel.Junior, "x", 1, 1, ["y"])).Code);
    }

    [Theory]
    [InlineData(SessionStatus.Planned, SessionStatus.Open, true)]
    [InlineData(SessionStatus.Planned, SessionStatus.InProgress, false)]
    [InlineData(SessionStatus.Open, SessionStatus.InProgress, true)]
    [InlineData(SessionStatus.Open, SessionStatus.Completed, false)]
    [InlineData(SessionStatus.InProgress, SessionStatus.Completed, true)]
    [InlineData(SessionStatus.InProgress, SessionStatus.Open, false)]
    [InlineData(SessionStatus.Completed, SessionStatus.Cancelled, false)]
    [InlineData(SessionStatus.Cancelled, SessionStatus.Open, false)]
    [InlineData(SessionStatus.Open, SessionStatus.Cancelled, true)]
    public void Sessions_move_only_forward(SessionStatus from, SessionStatus to, bool allowed)
    {
        Assert.Equal(allowed, TrainingSession.MayMove(from, to));
    }

    [Fact]
    public void A_full_session_waitlists_the_next_arrival_and_numbers_every_arrival()
    {
        var session = TrainingSession.Plan(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "welder", SkillLevel.Junior, "419921000000",
            new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 10), 2, ["王"], DateTimeOffset.UtcNow);
        Assert.Equal("session-not-open", Assert.Throws<DomainException>(() => session.Arrive()).Code);
        session.MoveTo(SessionStatus.Open);

        Assert.Equal((1L, true), session.Arrive());
        Assert.Equal((2L, true), session.Arrive());
        Assert.Equal((3L, false), session.Arrive());
        Assert.Equal(0, session.SeatsLeft);
    }

    [Theory]
    [InlineData(20, 20, 30, 30, true)]
    [InlineData(20, 12, 30, 30, true)]
    [InlineData(20, 20, 30, 26, false)]
    [InlineData(20, 5, 30, 30, false)]
    [InlineData(0, 0, 0, 0, false)]
    public void The_completion_rule_needs_enough_of_all_hours_and_of_the_practical_hours(int theoryHeld, int theoryAttended, int practicalHeld, int practicalAttended, bool completes)
    {
        var rule = new CompletionRule(0.8m, 0.9m);

        Assert.Equal(completes, rule.IsMetBy(new AttendanceTally(theoryHeld, theoryAttended, practicalHeld, practicalAttended)));
    }
}
