using System.Collections.Concurrent;

namespace Scheduling.Stores.ContractTests.Attendance;

// Inside the namespace, so that "Attendance" names the type rather than the namespace Scheduling.Attendance.
using Scheduling.Attendance;

/// <summary>Concurrent writers on the same attendance: revisions decide, and no write is lost.</summary>
public abstract partial class AttendanceServiceContract
{
    [Fact]
    public async Task Concurrent_writers_with_the_same_expected_revision_let_exactly_one_win()
    {
        await CreateClassAsync(capacity: null);
        var first = await SetAsync("booking-1", YogaClass);

        var outcomes = await Task.WhenAll(Enumerable.Range(2, 20).Select(n => Task.Run(async () =>
        {
            try
            {
                return (Number: n, Written: await SetAsync("booking-1", YogaClass, AttendanceStatus.Attended, n, expectedRevision: first.Revision), Error: (SchedulingException?)null);
            }
            catch (SchedulingException error)
            {
                return (Number: n, Written: (Attendance?)null, Error: error);
            }
        })));

        var winner = outcomes.Should().ContainSingle(o => o.Written != null).Subject;
        outcomes.Where(o => o.Written is null).Should().AllSatisfy(o =>
        {
            o.Error!.Code.Should().Be(SchedulingErrorCode.Conflict);
            o.Error.Field.Should().Be("expectedRevision");
        });
        var stored = await GetAsync(first.Id);
        stored.Revision.Should().Be(2);
        stored.NumberOfAttendees.Should().Be(winner.Number);
    }

    [Fact]
    public async Task Concurrent_writers_that_read_again_after_a_conflict_lose_no_update()
    {
        await CreateClassAsync(capacity: null);
        var first = await SetAsync("booking-1", YogaClass, AttendanceStatus.Attended, 1);

        // Each writer adds one attendee at a time: read, add, write with the revision read, and on a conflict read again.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var added = 0; added < 5;)
            {
                var current = await GetAsync(first.Id);
                try
                {
                    await SetAsync("booking-1", YogaClass, AttendanceStatus.Attended, current.NumberOfAttendees + 1, expectedRevision: current.Revision);
                    added++;
                }
                catch (SchedulingException error) when (error.Code == SchedulingErrorCode.Conflict)
                {
                }
            }
        })));

        var stored = await GetAsync(first.Id);
        stored.NumberOfAttendees.Should().Be(1 + (8 * 5));
        stored.Revision.Should().Be(1 + (8 * 5));
    }

    [Fact]
    public async Task Concurrent_writers_without_an_expected_revision_are_all_applied_one_after_another()
    {
        await CreateClassAsync(capacity: null);
        var revisions = new ConcurrentBag<long>();

        await Task.WhenAll(Enumerable.Range(1, 20).Select(n => Task.Run(async () =>
            revisions.Add((await SetAsync("booking-1", YogaClass, AttendanceStatus.Attended, n)).Revision))));

        revisions.Should().BeEquivalentTo(Enumerable.Range(1, 20).Select(r => (long)r), "every write got its own revision: none was lost or merged");
        var stored = (await QueryAsync()).Items.Should().ContainSingle().Subject;
        stored.Revision.Should().Be(20);
    }

    [Fact]
    public async Task Concurrent_first_marks_with_expected_revision_0_create_exactly_one_attendance()
    {
        await CreateClassAsync(capacity: null);

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 20).Select(n => Task.Run(async () =>
        {
            try
            {
                await SetAsync("booking-1", YogaClass, AttendanceStatus.Attended, n, expectedRevision: 0);
                return (SchedulingErrorCode?)null;
            }
            catch (SchedulingException error)
            {
                return error.Code;
            }
        })));

        outcomes.Count(o => o is null).Should().Be(1);
        outcomes.Where(o => o is not null).Should().AllBeEquivalentTo(SchedulingErrorCode.Conflict);
        (await QueryAsync()).Items.Should().ContainSingle().Which.Revision.Should().Be(1);
    }

    [Fact]
    public async Task Concurrent_bulk_sets_of_the_same_class_leave_one_attendance_per_booking()
    {
        await CreateClassAsync(capacity: null);
        var marks = Enumerable.Range(1, 10).Select(i => Mark($"booking-{i:00}", YogaClass)).ToList();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
            await Service.BulkSetAttendanceAsync(Host, marks, i % 2 == 0 ? BulkAttendanceMode.AllOrNothing : BulkAttendanceMode.Independent))));

        results.Should().AllSatisfy(r => r.AllSucceeded.Should().BeTrue());
        var stored = (await QueryAsync()).Items;
        stored.Should().HaveCount(10);
        stored.Should().AllSatisfy(a => a.Revision.Should().Be(6));
    }
}
