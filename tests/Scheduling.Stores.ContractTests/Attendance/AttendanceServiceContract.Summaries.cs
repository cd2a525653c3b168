namespace Scheduling.Stores.ContractTests.Attendance;

// Inside the namespace, so that "Attendance" names the type rather than the namespace Scheduling.Attendance.
using Scheduling.Attendance;

/// <summary>Summaries: who came to a session, and how a booking attended its course.</summary>
public abstract partial class AttendanceServiceContract
{
    [Fact]
    public async Task A_session_summary_counts_each_status_and_the_attendees()
    {
        await CreateClassAsync();
        await SetAsync("booking-1", YogaClass, AttendanceStatus.Attended, 2);
        await SetAsync("booking-2", YogaClass, AttendanceStatus.Attended, 3);
        await SetAsync("booking-3", YogaClass, AttendanceStatus.NotAttended);
        await SetAsync("booking-4", YogaClass, AttendanceStatus.NotSet);

        var summary = await Service.SummarizeSessionAsync(Host, YogaClass);

        summary.Should().Be(new SessionAttendanceSummary(YogaClass, Attended: 2, NotAttended: 1, NotSet: 1, TotalAttendees: 5));
        summary.Total.Should().Be(4);
    }

    [Fact]
    public async Task A_session_with_nothing_marked_sums_to_zero()
    {
        await CreateClassAsync();

        (await Service.SummarizeSessionAsync(Host, YogaClass)).Should().Be(new SessionAttendanceSummary(YogaClass, 0, 0, 0, 0));
    }

    [Fact]
    public async Task Summaries_of_every_lesson_come_in_the_order_asked_each_once()
    {
        await CreateCourseAsync();
        await SetAsync("booking-1", Lesson(1));
        await SetAsync("booking-2", Lesson(1), AttendanceStatus.Attended, 2);
        await SetAsync("booking-1", Lesson(2), AttendanceStatus.NotAttended);
        await SetAsync("booking-1", Lesson(4), AttendanceStatus.NotSet);

        var summaries = await Service.SummarizeSessionsAsync(Host, [Lesson(4), Lesson(1), Lesson(2), Lesson(3), Lesson(1)]);

        summaries.Should().Equal(
            new SessionAttendanceSummary(Lesson(4), 0, 0, 1, 0),
            new SessionAttendanceSummary(Lesson(1), 2, 0, 0, 3),
            new SessionAttendanceSummary(Lesson(2), 0, 1, 0, 0),
            new SessionAttendanceSummary(Lesson(3), 0, 0, 0, 0));
    }

    [Fact]
    public async Task A_booking_summary_gives_the_attendance_rate_over_the_course()
    {
        await CreateCourseAsync();
        await SetAsync("booking-1", Lesson(1));
        await SetAsync("booking-1", Lesson(2), AttendanceStatus.NotAttended);
        await SetAsync("booking-1", Lesson(3), AttendanceStatus.Attended, 2);
        await SetAsync("booking-1", Lesson(4), AttendanceStatus.Attended);
        await SetAsync("booking-2", Lesson(1), AttendanceStatus.NotAttended);

        var summary = await Service.SummarizeBookingAsync(Host, "booking-1");

        summary.Should().Be(new BookingAttendanceSummary("booking-1", Attended: 3, NotAttended: 1, NotSet: 0, TotalAttendees: 4));
        summary.AttendanceRate.Should().Be(0.75);
    }

    [Fact]
    public async Task Sessions_not_set_yet_do_not_count_toward_the_rate()
    {
        await CreateCourseAsync();
        await SetAsync("booking-1", Lesson(1));
        await SetAsync("booking-1", Lesson(2), AttendanceStatus.NotSet);
        await SetAsync("booking-1", Lesson(3), AttendanceStatus.NotSet);

        var summary = await Service.SummarizeBookingAsync(Host, "booking-1");

        summary.AttendanceRate.Should().Be(1.0);
        summary.NotSet.Should().Be(2);
    }

    [Fact]
    public async Task A_booking_with_nothing_attended_or_missed_has_no_rate()
    {
        await CreateCourseAsync();
        await SetAsync("booking-1", Lesson(1), AttendanceStatus.NotSet);

        (await Service.SummarizeBookingAsync(Host, "booking-1")).AttendanceRate.Should().BeNull();
        (await Service.SummarizeBookingAsync(Host, "booking-nobody")).Should().Be(new BookingAttendanceSummary("booking-nobody", 0, 0, 0, 0));
    }

    [Fact]
    public async Task A_booking_that_missed_every_session_has_a_rate_of_zero()
    {
        await CreateCourseAsync();
        await SetAsync("booking-1", Lesson(1), AttendanceStatus.NotAttended);
        await SetAsync("booking-1", Lesson(2), AttendanceStatus.NotAttended);

        (await Service.SummarizeBookingAsync(Host, "booking-1")).AttendanceRate.Should().Be(0.0);
    }

    [Fact]
    public async Task Summaries_follow_changes_and_deletions()
    {
        await CreateClassAsync();
        var first = await SetAsync("booking-1", YogaClass, AttendanceStatus.Attended, 4);
        var second = await SetAsync("booking-2", YogaClass, AttendanceStatus.Attended, 1);

        await SetAsync("booking-1", YogaClass, AttendanceStatus.NotAttended);
        await Service.DeleteAttendanceAsync(Host, second.Id);

        (await Service.SummarizeSessionAsync(Host, YogaClass)).Should().Be(new SessionAttendanceSummary(YogaClass, 0, 1, 0, 0));
        (await Service.SummarizeBookingAsync(Host, "booking-1")).AttendanceRate.Should().Be(0.0);
        (await Service.SummarizeBookingAsync(Host, "booking-2")).Total.Should().Be(0);
        first.Id.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Summaries_need_at_least_one_id_and_at_most_100()
    {
        await FailsAsync(() => Service.SummarizeSessionsAsync(Host, []).AsTask(), SchedulingErrorCode.InvalidArgument, "sessionIds");
        await FailsAsync(() => Service.SummarizeBookingAsync(Host, "").AsTask(), SchedulingErrorCode.InvalidArgument, "bookingIds");
        await FailsAsync(() => Service.SummarizeBookingsAsync(Host, [.. Enumerable.Range(0, 101).Select(i => $"b{i}")]).AsTask(), SchedulingErrorCode.LimitExceeded, "bookingIds");
    }
}
