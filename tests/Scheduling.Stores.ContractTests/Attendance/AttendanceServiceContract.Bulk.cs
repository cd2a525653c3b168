namespace Scheduling.Stores.ContractTests.Attendance;

// Inside the namespace, so that "Attendance" names the type rather than the namespace Scheduling.Attendance.
using Scheduling.Attendance;

/// <summary>Bulk set: a result for every item, in order, nothing skipped silently; all-or-nothing on request.</summary>
public abstract partial class AttendanceServiceContract
{
    [Fact]
    public async Task A_bulk_set_writes_the_valid_items_and_says_why_each_other_one_failed()
    {
        await CreateClassAsync(capacity: 10);
        var cancelled = await CreateClassAsync("cancelled-class", daysLater: 1);
        await Sessions.CancelSessionAsync(Host, "cancelled-class", cancelled.Revision);

        var result = await Service.BulkSetAttendanceAsync(Host,
        [
            Mark("booking-1", YogaClass),
            Mark("booking-2", "no-such-session"),
            Mark("booking-3", "cancelled-class"),
            Mark("booking-4", YogaClass, AttendanceStatus.NotAttended, 2),
            Mark("booking-5", YogaClass, AttendanceStatus.Attended, 11),
            Mark("booking-6", YogaClass, AttendanceStatus.NotAttended),
        ]);

        result.Items.Select(i => i.Index).Should().Equal(0, 1, 2, 3, 4, 5);
        result.Items.Select(i => i.Outcome).Should().Equal(
            BulkAttendanceOutcome.Succeeded,
            BulkAttendanceOutcome.Failed,
            BulkAttendanceOutcome.Failed,
            BulkAttendanceOutcome.Failed,
            BulkAttendanceOutcome.Failed,
            BulkAttendanceOutcome.Succeeded);
        result.Items.Select(i => (i.ErrorCode, i.ErrorField)).Should().Equal(
            (null, null),
            (SchedulingErrorCode.InvalidArgument, "sessionId"),
            (SchedulingErrorCode.InvalidArgument, "sessionId"),
            (SchedulingErrorCode.InvalidArgument, "numberOfAttendees"),
            (SchedulingErrorCode.InvalidArgument, "numberOfAttendees"),
            (null, null));
        result.Items.Where(i => i.Outcome == BulkAttendanceOutcome.Failed).Should().AllSatisfy(i => i.Message.Should().NotBeNullOrWhiteSpace());
        result.Items[2].Message.Should().Contain("cancelled");
        (result.Succeeded, result.Failed, result.NotApplied, result.AllSucceeded).Should().Be((2, 4, 0, false));
        (await QueryAsync()).Items.Select(a => a.BookingId).Should().BeEquivalentTo(["booking-1", "booking-6"]);
    }

    [Fact]
    public async Task Each_written_item_carries_the_attendance_as_stored()
    {
        await CreateCourseAsync();
        await SetAsync("booking-1", Lesson(1), AttendanceStatus.NotSet);

        var result = await Service.BulkSetAttendanceAsync(Host, [Mark("booking-1", Lesson(1)), Mark("booking-1", Lesson(2), AttendanceStatus.Attended, 2)]);

        result.AllSucceeded.Should().BeTrue();
        result.Items[0].Attendance!.Revision.Should().Be(2);
        result.Items[1].Attendance!.Revision.Should().Be(1);
        result.Items[1].Attendance!.RecurringSessionId.Should().Be("course");
        (await GetAsync(result.Items[1].Attendance!.Id)).Should().Be(result.Items[1].Attendance);
    }

    [Fact]
    public async Task An_all_or_nothing_bulk_set_with_a_failure_writes_nothing_and_says_so_for_every_item()
    {
        await CreateClassAsync(capacity: 10);
        var before = await SetAsync("booking-1", YogaClass, AttendanceStatus.Attended, 1);

        var result = await Service.BulkSetAttendanceAsync(
            Host,
            [Mark("booking-1", YogaClass, AttendanceStatus.Attended, 3), Mark("booking-2", YogaClass, AttendanceStatus.Attended, 0), Mark("booking-3", YogaClass)],
            BulkAttendanceMode.AllOrNothing);

        result.Items.Select(i => i.Outcome).Should().Equal(BulkAttendanceOutcome.NotApplied, BulkAttendanceOutcome.Failed, BulkAttendanceOutcome.NotApplied);
        result.Items[1].ErrorField.Should().Be("numberOfAttendees");
        result.Items[0].Message.Should().Contain("all-or-nothing").And.Contain("1");
        result.Items[0].ErrorCode.Should().BeNull();
        result.Items.Should().AllSatisfy(i => i.Attendance.Should().BeNull());
        (await QueryAsync()).Items.Should().ContainSingle().Which.Should().Be(before);
    }

    [Fact]
    public async Task An_all_or_nothing_bulk_set_of_valid_items_writes_them_all()
    {
        await CreateCourseAsync();
        await SetAsync("booking-1", Lesson(1), AttendanceStatus.NotSet);

        var result = await Service.BulkSetAttendanceAsync(
            Host,
            [Mark("booking-1", Lesson(1)), Mark("booking-2", Lesson(1), AttendanceStatus.NotAttended), Mark("booking-1", Lesson(2), AttendanceStatus.Attended, 2)],
            BulkAttendanceMode.AllOrNothing);

        result.AllSucceeded.Should().BeTrue();
        var stored = (await QueryAsync(AttendanceFilter.RecurringSessionIdIn("course"))).Items;
        stored.Should().HaveCount(3);
        stored.Should().BeEquivalentTo(result.Items.Select(i => i.Attendance));
        stored.Single(a => a.BookingId == "booking-1" && a.SessionId == Lesson(1)).Revision.Should().Be(2);
    }

    [Fact]
    public async Task An_all_or_nothing_bulk_set_with_a_stale_revision_reports_the_conflict_and_writes_nothing()
    {
        await CreateClassAsync();
        var first = await SetAsync("booking-1", YogaClass);
        await SetAsync("booking-1", YogaClass, AttendanceStatus.Attended, 2);

        var result = await Service.BulkSetAttendanceAsync(
            Host,
            [Mark("booking-2", YogaClass), Mark("booking-1", YogaClass, AttendanceStatus.NotAttended) with { ExpectedRevision = first.Revision }],
            BulkAttendanceMode.AllOrNothing);

        result.Items.Select(i => i.Outcome).Should().Equal(BulkAttendanceOutcome.NotApplied, BulkAttendanceOutcome.Failed);
        result.Items[1].ErrorCode.Should().Be(SchedulingErrorCode.Conflict);
        result.Items[1].ErrorField.Should().Be("expectedRevision");
        (await QueryAsync()).Items.Should().ContainSingle().Which.NumberOfAttendees.Should().Be(2);
    }

    [Theory]
    [InlineData(BulkAttendanceMode.Independent)]
    [InlineData(BulkAttendanceMode.AllOrNothing)]
    public async Task A_booking_and_session_named_twice_fail_the_second_time(BulkAttendanceMode mode)
    {
        await CreateClassAsync();

        var result = await Service.BulkSetAttendanceAsync(Host, [Mark("booking-1", YogaClass), Mark("booking-2", YogaClass), Mark("booking-1", YogaClass, AttendanceStatus.NotAttended)], mode);

        result.Items[2].Outcome.Should().Be(BulkAttendanceOutcome.Failed);
        result.Items[2].ErrorCode.Should().Be(SchedulingErrorCode.InvalidArgument);
        result.Items[2].ErrorField.Should().Be("sessionId");
        result.Items[2].Message.Should().Contain("item 0");
    }

    [Fact]
    public async Task An_empty_bulk_set_does_nothing_and_succeeds()
    {
        var result = await Service.BulkSetAttendanceAsync(Host, [], BulkAttendanceMode.AllOrNothing);

        result.Items.Should().BeEmpty();
        result.AllSucceeded.Should().BeTrue();
    }

    [Fact]
    public async Task A_bulk_set_of_more_than_1000_items_is_a_limit_exceeded()
    {
        var marks = Enumerable.Range(0, 1_001).Select(i => Mark($"booking-{i}", YogaClass)).ToList();

        await FailsAsync(() => Service.BulkSetAttendanceAsync(Host, marks).AsTask(), SchedulingErrorCode.LimitExceeded, "marks");
    }

    [Fact]
    public async Task A_bulk_set_of_a_whole_class_marks_everyone()
    {
        await CreateClassAsync(capacity: 30);
        var marks = Enumerable.Range(1, 30).Select(i => Mark($"booking-{i:00}", YogaClass, i % 5 == 0 ? AttendanceStatus.NotAttended : AttendanceStatus.Attended)).ToList();

        var result = await Service.BulkSetAttendanceAsync(Host, marks, BulkAttendanceMode.AllOrNothing);

        result.Succeeded.Should().Be(30);
        var summary = await Service.SummarizeSessionAsync(Host, YogaClass);
        (summary.Attended, summary.NotAttended, summary.TotalAttendees).Should().Be((24, 6, 24L));
    }
}
