using Scheduling.Sessions;

namespace Scheduling.Stores.ContractTests.Attendance;

// Inside the namespace, so that "Attendance" names the type rather than the namespace Scheduling.Attendance.
using Scheduling.Attendance;

/// <summary>Setting attendance: what is stored, and every rule a mark must pass (each failure names its field).</summary>
public abstract partial class AttendanceServiceContract
{
    [Fact]
    public async Task Setting_attendance_for_the_first_time_creates_it_at_revision_1()
    {
        await CreateClassAsync();
        Clock.Now = Time.Utc(2025, 3, 3, 11, 5);

        var attendance = await SetAsync("booking-1", YogaClass, AttendanceStatus.Attended, 2);

        attendance.Id.Should().NotBeNullOrWhiteSpace();
        attendance.BookingId.Should().Be("booking-1");
        attendance.SessionId.Should().Be(YogaClass);
        attendance.RecurringSessionId.Should().BeNull();
        attendance.Status.Should().Be(AttendanceStatus.Attended);
        attendance.NumberOfAttendees.Should().Be(2);
        attendance.Revision.Should().Be(1);
        attendance.CreatedAt.Should().Be(Clock.Now);
        attendance.UpdatedAt.Should().Be(Clock.Now);
        (await GetAsync(attendance.Id)).Should().Be(attendance);
    }

    [Fact]
    public async Task Attended_counts_one_attendee_unless_told_otherwise()
    {
        await CreateClassAsync();

        var attendance = await SetAsync("booking-1", YogaClass, AttendanceStatus.Attended);

        attendance.NumberOfAttendees.Should().Be(1);
    }

    [Theory]
    [InlineData(AttendanceStatus.NotAttended, null)]
    [InlineData(AttendanceStatus.NotAttended, 0)]
    [InlineData(AttendanceStatus.NotSet, null)]
    [InlineData(AttendanceStatus.NotSet, 0)]
    public async Task Not_attended_and_not_set_count_no_attendees(AttendanceStatus status, int? numberOfAttendees)
    {
        await CreateClassAsync();

        var attendance = await SetAsync("booking-1", YogaClass, status, numberOfAttendees);

        attendance.Status.Should().Be(status);
        attendance.NumberOfAttendees.Should().Be(0);
    }

    [Fact]
    public async Task Setting_again_replaces_the_attendance_and_keeps_its_id_and_creation()
    {
        await CreateClassAsync();
        var first = await SetAsync("booking-1", YogaClass, AttendanceStatus.Attended, 3);
        Clock.Advance(Duration.FromHours(1));

        var second = await SetAsync("booking-1", YogaClass, AttendanceStatus.NotAttended);

        second.Id.Should().Be(first.Id);
        second.CreatedAt.Should().Be(first.CreatedAt);
        second.UpdatedAt.Should().Be(Clock.Now);
        second.Revision.Should().Be(2);
        second.Status.Should().Be(AttendanceStatus.NotAttended);
        second.NumberOfAttendees.Should().Be(0);
        (await QueryAsync()).Items.Should().ContainSingle().Which.Should().Be(second);
    }

    [Fact]
    public async Task A_booking_has_one_attendance_per_session_and_one_per_lesson_of_a_course()
    {
        await CreateClassAsync();
        await CreateCourseAsync();

        await SetAsync("booking-1", YogaClass);
        await SetAsync("booking-1", Lesson(1));
        await SetAsync("booking-1", Lesson(2), AttendanceStatus.NotAttended);
        await SetAsync("booking-1", Lesson(1), AttendanceStatus.Attended, 2);
        await SetAsync("booking-2", Lesson(1));

        var all = (await QueryAsync()).Items;
        all.Should().HaveCount(4);
        all.Select(a => (a.BookingId, a.SessionId)).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Attendance_at_a_lesson_names_the_course_it_belongs_to()
    {
        await CreateCourseAsync();

        var attendance = await SetAsync("booking-1", Lesson(3));

        attendance.SessionId.Should().Be(Lesson(3));
        attendance.RecurringSessionId.Should().Be("course");
    }

    [Fact]
    public async Task Attendance_stays_attached_to_its_lesson_when_the_course_moves()
    {
        var course = await CreateCourseAsync();
        var attendance = await SetAsync("booking-1", Lesson(2));

        await Sessions.UpdateRecurringSessionAsync(Host, "course", new RecurringSessionChanges { Start = Time.Local(2025, 3, 3, 19, 0) }, course.Revision);
        var lesson = await Sessions.GetSessionAsync(Host, Lesson(2));
        var changed = await SetAsync("booking-1", Lesson(2), AttendanceStatus.Attended, 2);

        lesson.Start.LocalDateTime.Should().Be(Time.Local(2025, 3, 10, 19, 0));
        changed.Id.Should().Be(attendance.Id);
        (await QueryAsync(AttendanceFilter.SessionIdIn(lesson.Id))).Items.Should().ContainSingle().Which.NumberOfAttendees.Should().Be(2);
    }

    [Fact]
    public async Task An_id_chosen_by_the_caller_is_kept()
    {
        await CreateClassAsync();

        var attendance = await SetAsync("booking-1", YogaClass, id: "attendance-1");

        attendance.Id.Should().Be("attendance-1");
        (await GetAsync("attendance-1")).BookingId.Should().Be("booking-1");
    }

    [Fact]
    public async Task An_id_another_attendance_holds_is_a_conflict()
    {
        await CreateClassAsync();
        await SetAsync("booking-1", YogaClass, id: "attendance-1");

        await FailsAsync(() => SetAsync("booking-2", YogaClass, id: "attendance-1"), SchedulingErrorCode.Conflict, "id");

        (await QueryAsync()).Items.Should().ContainSingle();
    }

    [Fact]
    public async Task Another_id_for_an_attendance_that_exists_is_invalid()
    {
        await CreateClassAsync();
        await SetAsync("booking-1", YogaClass, id: "attendance-1");

        await FailsAsync(() => SetAsync("booking-1", YogaClass, id: "attendance-2"), SchedulingErrorCode.InvalidArgument, "id");
    }

    [Fact]
    public async Task Zero_attendees_is_never_a_way_to_say_nobody_came()
    {
        await CreateClassAsync();

        var error = await FailsAsync(() => SetAsync("booking-1", YogaClass, AttendanceStatus.Attended, 0), SchedulingErrorCode.InvalidArgument, "numberOfAttendees");

        error.Message.Should().Contain("NOT_ATTENDED");
        (await QueryAsync()).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task A_negative_number_of_attendees_is_invalid()
    {
        await CreateClassAsync();

        await FailsAsync(() => SetAsync("booking-1", YogaClass, AttendanceStatus.Attended, -1), SchedulingErrorCode.InvalidArgument, "numberOfAttendees");
        await FailsAsync(() => SetAsync("booking-1", YogaClass, AttendanceStatus.NotAttended, -1), SchedulingErrorCode.InvalidArgument, "numberOfAttendees");
    }

    [Theory]
    [InlineData(AttendanceStatus.NotAttended)]
    [InlineData(AttendanceStatus.NotSet)]
    public async Task Not_attended_and_not_set_carry_no_positive_count(AttendanceStatus status)
    {
        await CreateClassAsync();

        await FailsAsync(() => SetAsync("booking-1", YogaClass, status, 2), SchedulingErrorCode.InvalidArgument, "numberOfAttendees");

        (await QueryAsync()).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task More_attendees_than_the_session_takes_is_invalid()
    {
        await CreateClassAsync(capacity: 10);

        await FailsAsync(() => SetAsync("booking-1", YogaClass, AttendanceStatus.Attended, 11), SchedulingErrorCode.InvalidArgument, "numberOfAttendees");
    }

    [Fact]
    public async Task As_many_attendees_as_the_session_takes_is_fine()
    {
        await CreateClassAsync(capacity: 10);

        (await SetAsync("booking-1", YogaClass, AttendanceStatus.Attended, 10)).NumberOfAttendees.Should().Be(10);
    }

    [Fact]
    public async Task A_session_without_capacity_takes_any_number_of_attendees()
    {
        await CreateClassAsync(capacity: null);

        (await SetAsync("booking-1", YogaClass, AttendanceStatus.Attended, 500)).NumberOfAttendees.Should().Be(500);
    }

    [Fact]
    public async Task A_lesson_is_limited_by_the_course_capacity()
    {
        await CreateCourseAsync(capacity: 8);

        await FailsAsync(() => SetAsync("booking-1", Lesson(1), AttendanceStatus.Attended, 9), SchedulingErrorCode.InvalidArgument, "numberOfAttendees");
        (await SetAsync("booking-1", Lesson(1), AttendanceStatus.Attended, 8)).NumberOfAttendees.Should().Be(8);
    }

    [Fact]
    public async Task A_lesson_with_its_own_capacity_is_limited_by_it()
    {
        await CreateCourseAsync(capacity: 8);
        await Sessions.UpdateSessionAsync(Host, Lesson(2), new SessionChanges { Details = new SessionDetailsChanges { Capacity = 3 } }, 0);

        await FailsAsync(() => SetAsync("booking-1", Lesson(2), AttendanceStatus.Attended, 4), SchedulingErrorCode.InvalidArgument, "numberOfAttendees");
        (await SetAsync("booking-1", Lesson(1), AttendanceStatus.Attended, 4)).NumberOfAttendees.Should().Be(4);
    }

    [Fact]
    public async Task A_session_that_does_not_exist_takes_no_attendance()
    {
        var error = await FailsAsync(() => SetAsync("booking-1", "no-such-session"), SchedulingErrorCode.InvalidArgument, "sessionId");

        error.Message.Should().Contain("no-such-session");
    }

    [Fact]
    public async Task A_lesson_the_course_does_not_have_takes_no_attendance()
    {
        await CreateCourseAsync();

        await FailsAsync(() => SetAsync("booking-1", Lesson(5)), SchedulingErrorCode.InvalidArgument, "sessionId");
        await FailsAsync(() => SetAsync("booking-1", SessionInstanceId.Format("course", Time.Local(2025, 3, 4, 18, 30))), SchedulingErrorCode.InvalidArgument, "sessionId");
        await FailsAsync(() => SetAsync("booking-1", Lesson(1, "no-such-course")), SchedulingErrorCode.InvalidArgument, "sessionId");
    }

    [Fact]
    public async Task A_cancelled_session_takes_no_attendance()
    {
        var session = await CreateClassAsync();
        await SetAsync("booking-1", YogaClass);
        await Sessions.CancelSessionAsync(Host, YogaClass, session.Revision);

        var error = await FailsAsync(() => SetAsync("booking-2", YogaClass), SchedulingErrorCode.InvalidArgument, "sessionId");
        await FailsAsync(() => SetAsync("booking-1", YogaClass, AttendanceStatus.NotAttended), SchedulingErrorCode.InvalidArgument, "sessionId");

        error.Message.Should().Contain("cancelled");
    }

    [Fact]
    public async Task A_cancelled_lesson_takes_no_attendance_while_the_others_do()
    {
        await CreateCourseAsync();
        await Sessions.CancelSessionAsync(Host, Lesson(2), 0);

        await FailsAsync(() => SetAsync("booking-1", Lesson(2)), SchedulingErrorCode.InvalidArgument, "sessionId");
        (await SetAsync("booking-1", Lesson(3))).SessionId.Should().Be(Lesson(3));
    }

    [Fact]
    public async Task Lessons_of_a_course_cancelled_from_now_on_take_no_attendance_but_earlier_ones_do()
    {
        var course = await CreateCourseAsync();
        Clock.Now = Time.Utc(2025, 3, 12);
        await Sessions.CancelRecurringSessionAsync(Host, "course", course.Revision);

        (await SetAsync("booking-1", Lesson(2))).Status.Should().Be(AttendanceStatus.Attended);
        await FailsAsync(() => SetAsync("booking-1", Lesson(3)), SchedulingErrorCode.InvalidArgument, "sessionId");
    }

    [Fact]
    public async Task Attendance_already_set_stays_when_its_session_is_cancelled_or_deleted()
    {
        var session = await CreateClassAsync();
        var attendance = await SetAsync("booking-1", YogaClass);

        await Sessions.DeleteSessionAsync(Host, YogaClass, session.Revision);

        (await GetAsync(attendance.Id)).Should().Be(attendance);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task A_booking_id_is_required(string? bookingId)
    {
        await CreateClassAsync();

        await FailsAsync(() => SetAsync(bookingId!, YogaClass), SchedulingErrorCode.InvalidArgument, "bookingId");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task A_session_id_is_required(string? sessionId)
    {
        await FailsAsync(() => SetAsync("booking-1", sessionId!), SchedulingErrorCode.InvalidArgument, "sessionId");
    }

    [Fact]
    public async Task An_empty_chosen_id_is_invalid()
    {
        await CreateClassAsync();

        await FailsAsync(() => SetAsync("booking-1", YogaClass, id: " "), SchedulingErrorCode.InvalidArgument, "id");
    }

    [Fact]
    public async Task A_status_outside_the_three_is_invalid()
    {
        await CreateClassAsync();

        await FailsAsync(() => SetAsync("booking-1", YogaClass, (AttendanceStatus)7), SchedulingErrorCode.InvalidArgument, "status");
    }

    [Fact]
    public async Task The_expected_revision_guards_a_replacement()
    {
        await CreateClassAsync();
        var first = await SetAsync("booking-1", YogaClass);

        var second = await SetAsync("booking-1", YogaClass, AttendanceStatus.Attended, 2, expectedRevision: first.Revision);
        await FailsAsync(() => SetAsync("booking-1", YogaClass, AttendanceStatus.NotAttended, expectedRevision: first.Revision), SchedulingErrorCode.Conflict, "expectedRevision");

        (await GetAsync(first.Id)).Should().Be(second);
    }

    [Fact]
    public async Task Expected_revision_0_creates_but_never_replaces()
    {
        await CreateClassAsync();

        var created = await SetAsync("booking-1", YogaClass, expectedRevision: 0);
        await FailsAsync(() => SetAsync("booking-1", YogaClass, AttendanceStatus.NotAttended, expectedRevision: 0), SchedulingErrorCode.Conflict, "expectedRevision");

        (await GetAsync(created.Id)).Status.Should().Be(AttendanceStatus.Attended);
    }

    [Fact]
    public async Task An_expected_revision_for_attendance_that_does_not_exist_is_a_conflict()
    {
        await CreateClassAsync();

        await FailsAsync(() => SetAsync("booking-1", YogaClass, expectedRevision: 1), SchedulingErrorCode.Conflict, "expectedRevision");

        (await QueryAsync()).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task A_negative_expected_revision_is_invalid()
    {
        await CreateClassAsync();

        await FailsAsync(() => SetAsync("booking-1", YogaClass, expectedRevision: -1), SchedulingErrorCode.InvalidArgument, "expectedRevision");
    }

    [Fact]
    public async Task Getting_an_unknown_id_is_not_found()
    {
        await FailsAsync(() => GetAsync("nope"), SchedulingErrorCode.NotFound, "id");
        await FailsAsync(() => GetAsync(""), SchedulingErrorCode.InvalidArgument, "id");
    }

    [Fact]
    public async Task Deleting_removes_the_attendance_and_lets_it_be_set_anew()
    {
        await CreateClassAsync();
        var first = await SetAsync("booking-1", YogaClass, AttendanceStatus.Attended, 4);

        await Service.DeleteAttendanceAsync(Host, first.Id);

        await FailsAsync(() => GetAsync(first.Id), SchedulingErrorCode.NotFound, "id");
        var again = await SetAsync("booking-1", YogaClass, AttendanceStatus.NotAttended);
        again.Id.Should().NotBe(first.Id);
        again.Revision.Should().Be(1);
    }

    [Fact]
    public async Task Deleting_with_a_stale_revision_is_a_conflict_and_keeps_the_attendance()
    {
        await CreateClassAsync();
        var first = await SetAsync("booking-1", YogaClass);
        await SetAsync("booking-1", YogaClass, AttendanceStatus.Attended, 2);

        await FailsAsync(() => Service.DeleteAttendanceAsync(Host, first.Id, first.Revision).AsTask(), SchedulingErrorCode.Conflict, "expectedRevision");
        await Service.DeleteAttendanceAsync(Host, first.Id, 2);

        await FailsAsync(() => GetAsync(first.Id), SchedulingErrorCode.NotFound);
    }

    [Fact]
    public async Task Deleting_an_unknown_id_is_not_found()
    {
        await FailsAsync(() => Service.DeleteAttendanceAsync(Host, "nope").AsTask(), SchedulingErrorCode.NotFound, "id");
    }
}
