using Scheduling.Sessions;

namespace Scheduling.Tests.Sessions;

/// <summary>
/// The lifecycle of a session: derived from the clock unless marked, cancelled above all; which changes are allowed;
/// the status names.
/// </summary>
public sealed class SessionLifecycleTest
{
    private static readonly Instant Start = Instant.FromUtc(2025, 3, 10, 9, 0);
    private static readonly Instant End = Instant.FromUtc(2025, 3, 10, 10, 0);

    [Fact]
    public void Before_its_start_an_unmarked_session_is_scheduled()
    {
        SessionLifecycle.StatusAt(Session(), Start - Duration.Epsilon).Should().Be(LifecycleStatus.Scheduled);
    }

    [Fact]
    public void At_its_start_an_unmarked_session_is_in_progress()
    {
        SessionLifecycle.StatusAt(Session(), Start).Should().Be(LifecycleStatus.InProgress);
    }

    [Fact]
    public void Until_its_end_an_unmarked_session_is_in_progress()
    {
        SessionLifecycle.StatusAt(Session(), End - Duration.Epsilon).Should().Be(LifecycleStatus.InProgress);
    }

    [Fact]
    public void At_its_end_an_unmarked_session_is_completed()
    {
        SessionLifecycle.StatusAt(Session(), End).Should().Be(LifecycleStatus.Completed);
    }

    [Fact]
    public void After_its_end_an_unmarked_session_is_completed()
    {
        SessionLifecycle.StatusAt(Session(), End + Duration.FromDays(30)).Should().Be(LifecycleStatus.Completed);
    }

    [Fact]
    public void A_session_without_length_is_completed_from_its_start()
    {
        var instantaneous = Session() with { End = CalendarDateTime.AtInstant(Start) };

        SessionLifecycle.StatusAt(instantaneous, Start - Duration.Epsilon).Should().Be(LifecycleStatus.Scheduled);
        SessionLifecycle.StatusAt(instantaneous, Start).Should().Be(LifecycleStatus.Completed);
    }

    [Fact]
    public void A_session_marked_in_progress_before_its_start_is_in_progress()
    {
        SessionLifecycle.StatusAt(Session(ProgressMark.InProgress), Start - Duration.FromMinutes(10)).Should().Be(LifecycleStatus.InProgress);
    }

    [Fact]
    public void A_session_marked_in_progress_stays_so_when_it_runs_over()
    {
        SessionLifecycle.StatusAt(Session(ProgressMark.InProgress), End + Duration.FromHours(2)).Should().Be(LifecycleStatus.InProgress);
    }

    [Fact]
    public void A_session_marked_completed_early_is_completed()
    {
        SessionLifecycle.StatusAt(Session(ProgressMark.Completed), Start + Duration.FromMinutes(20)).Should().Be(LifecycleStatus.Completed);
        SessionLifecycle.StatusAt(Session(ProgressMark.Completed), Start - Duration.FromDays(1)).Should().Be(LifecycleStatus.Completed);
    }

    [Theory]
    [InlineData(ProgressMark.None)]
    [InlineData(ProgressMark.InProgress)]
    [InlineData(ProgressMark.Completed)]
    public void A_cancelled_session_is_cancelled_whatever_its_mark_and_the_clock_say(ProgressMark mark)
    {
        var cancelled = Session(mark) with { Status = SessionStatus.Cancelled };

        SessionLifecycle.StatusAt(cancelled, Start - Duration.FromDays(1)).Should().Be(LifecycleStatus.Cancelled);
        SessionLifecycle.StatusAt(cancelled, Start).Should().Be(LifecycleStatus.Cancelled);
        SessionLifecycle.StatusAt(cancelled, End + Duration.FromDays(1)).Should().Be(LifecycleStatus.Cancelled);
    }

    [Fact]
    public void A_local_start_and_end_are_compared_by_their_instants()
    {
        var newYork = DateTimeZoneProviders.Tzdb["America/New_York"];
        var session = Session() with
        {
            Start = CalendarDateTime.AtLocal(new LocalDateTime(2025, 3, 10, 9, 0), newYork),
            End = CalendarDateTime.AtLocal(new LocalDateTime(2025, 3, 10, 10, 0), newYork),
        };

        SessionLifecycle.StatusAt(session, Instant.FromUtc(2025, 3, 10, 12, 59)).Should().Be(LifecycleStatus.Scheduled);
        SessionLifecycle.StatusAt(session, Instant.FromUtc(2025, 3, 10, 13, 0)).Should().Be(LifecycleStatus.InProgress);
    }

    [Fact]
    public void StatusAt_needs_a_session()
    {
        var status = () => SessionLifecycle.StatusAt(null!, Start);

        status.Should().Throw<ArgumentNullException>();
    }

    [Theory]
    [InlineData(LifecycleStatus.Scheduled, LifecycleStatus.Scheduled, true)]
    [InlineData(LifecycleStatus.Scheduled, LifecycleStatus.InProgress, true)]
    [InlineData(LifecycleStatus.Scheduled, LifecycleStatus.Completed, false)]
    [InlineData(LifecycleStatus.Scheduled, LifecycleStatus.Cancelled, true)]
    [InlineData(LifecycleStatus.InProgress, LifecycleStatus.Scheduled, false)]
    [InlineData(LifecycleStatus.InProgress, LifecycleStatus.InProgress, true)]
    [InlineData(LifecycleStatus.InProgress, LifecycleStatus.Completed, true)]
    [InlineData(LifecycleStatus.InProgress, LifecycleStatus.Cancelled, true)]
    [InlineData(LifecycleStatus.Completed, LifecycleStatus.Scheduled, false)]
    [InlineData(LifecycleStatus.Completed, LifecycleStatus.InProgress, false)]
    [InlineData(LifecycleStatus.Completed, LifecycleStatus.Completed, true)]
    [InlineData(LifecycleStatus.Completed, LifecycleStatus.Cancelled, false)]
    [InlineData(LifecycleStatus.Cancelled, LifecycleStatus.Scheduled, false)]
    [InlineData(LifecycleStatus.Cancelled, LifecycleStatus.InProgress, false)]
    [InlineData(LifecycleStatus.Cancelled, LifecycleStatus.Completed, false)]
    [InlineData(LifecycleStatus.Cancelled, LifecycleStatus.Cancelled, true)]
    public void A_session_moves_forward_through_its_lifecycle_or_is_cancelled_before_it_completes(LifecycleStatus from, LifecycleStatus to, bool allowed)
    {
        SessionLifecycle.CanChange(from, to).Should().Be(allowed);
    }

    [Theory]
    [InlineData(LifecycleStatus.Scheduled, "scheduled")]
    [InlineData(LifecycleStatus.InProgress, "in-progress")]
    [InlineData(LifecycleStatus.Completed, "completed")]
    [InlineData(LifecycleStatus.Cancelled, "cancelled")]
    public void Each_status_has_a_name_that_reads_back_as_the_status(LifecycleStatus status, string name)
    {
        SessionLifecycle.Name(status).Should().Be(name);
        SessionLifecycle.TryParse(name, out var parsed).Should().BeTrue();
        parsed.Should().Be(status);
    }

    [Theory]
    [InlineData("SCHEDULED", LifecycleStatus.Scheduled)]
    [InlineData("In-Progress", LifecycleStatus.InProgress)]
    [InlineData("Completed", LifecycleStatus.Completed)]
    [InlineData("cAnCeLlEd", LifecycleStatus.Cancelled)]
    public void Names_are_read_whatever_their_case(string text, LifecycleStatus status)
    {
        SessionLifecycle.TryParse(text, out var parsed).Should().BeTrue();
        parsed.Should().Be(status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("done")]
    [InlineData("InProgress")]
    [InlineData("in_progress")]
    [InlineData("IN_PROGRESS")]
    [InlineData("canceled")]
    [InlineData(" scheduled")]
    [InlineData("1")]
    public void Other_text_is_not_a_status(string? text)
    {
        SessionLifecycle.TryParse(text, out var parsed).Should().BeFalse();
        parsed.Should().Be(default(LifecycleStatus));
    }

    [Fact]
    public void An_undefined_status_has_no_name()
    {
        var name = () => SessionLifecycle.Name((LifecycleStatus)42);

        name.Should().Throw<SchedulingException>().Where(e => e.Code == SchedulingErrorCode.InvalidArgument).Which.Field.Should().Be("status");
    }

    private static Session Session(ProgressMark mark = ProgressMark.None) => new()
    {
        Id = "s1",
        ScheduleId = "schedule",
        ScheduleOwnerId = "staff",
        Start = CalendarDateTime.AtInstant(Start),
        End = CalendarDateTime.AtInstant(End),
        Progress = mark,
    };
}
