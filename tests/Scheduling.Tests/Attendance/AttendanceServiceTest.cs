using System.Security.Cryptography;
using System.Text;
using Scheduling.Paging;
using Scheduling.Sessions;
using Scheduling.Stores;
using Scheduling.Stores.ContractTests;
using Scheduling.Stores.ContractTests.Attendance;
using Scheduling.Stores.InMemory;

namespace Scheduling.Tests.Attendance;

// Inside the namespace, so that "Attendance" names the type rather than the namespace Scheduling.Attendance.
using Scheduling.Attendance;

/// <summary>
/// <see cref="AttendanceService"/> over the in-memory stores, the embedded default: the whole service contract
/// (<see cref="AttendanceServiceContract"/>, which every store runs), plus the policy that does not depend on a store:
/// limits set in the options, cursors that are signed but not attendance cursors, and arguments that are not there.
/// </summary>
public sealed class AttendanceServiceTest : AttendanceServiceContract
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public async Task The_default_limit_and_the_largest_page_come_from_the_options()
    {
        var (service, _) = await ServiceWithAsync(new SchedulingOptions { DefaultAttendancePageSize = 3, DefaultPageSize = 5, MaxPageSize = 5 }, marks: 8);

        (await service.QueryAttendanceAsync(Host, new AttendanceQuery())).Items.Should().HaveCount(3);
        (await service.QueryAttendanceAsync(Host, new AttendanceQuery { Limit = 5 })).Items.Should().HaveCount(5);
        await FailsAsync(() => service.QueryAttendanceAsync(Host, new AttendanceQuery { Limit = 6 }).AsTask(), SchedulingErrorCode.LimitExceeded, "limit");
    }

    [Fact]
    public async Task The_largest_bulk_set_comes_from_the_options()
    {
        var (service, _) = await ServiceWithAsync(new SchedulingOptions { MaxAttendanceBatchSize = 2 }, marks: 0);

        await FailsAsync(
            () => service.BulkSetAttendanceAsync(Host, [Mark("b1", YogaClass), Mark("b2", YogaClass), Mark("b3", YogaClass)]).AsTask(),
            SchedulingErrorCode.LimitExceeded,
            "marks");
        (await service.BulkSetAttendanceAsync(Host, [Mark("b1", YogaClass), Mark("b2", YogaClass)])).AllSucceeded.Should().BeTrue();
    }

    [Theory]
    [InlineData("bookingId")]
    [InlineData("sessionId")]
    [InlineData("id")]
    public async Task An_attendance_id_past_the_longest_allowed_is_refused_naming_it(string field)
    {
        var (service, _) = await ServiceWithAsync(new SchedulingOptions(), marks: 0);
        var tooLong = new string('x', PayloadLimits.Default.MaxIdLength + 1);
        var mark = field switch
        {
            "bookingId" => Mark(tooLong, YogaClass),
            "sessionId" => Mark("b1", tooLong),
            _ => Mark("b1", YogaClass) with { Id = tooLong },
        };

        await FailsAsync(() => service.SetAttendanceAsync(Host, mark).AsTask(), SchedulingErrorCode.LimitExceeded, field);

        (await service.QueryAttendanceAsync(Host, new AttendanceQuery())).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task Cursors_outlive_the_service_when_the_host_sets_the_key()
    {
        var options = new SchedulingOptions { CursorKey = Key };
        var (service, stores) = await ServiceWithAsync(options, marks: 5);
        var cursor = (await service.QueryAttendanceAsync(Host, new AttendanceQuery { Limit = 2 })).NextCursor!;
        var restarted = new AttendanceService(stores.Attendance, new SessionService(stores.Sessions, stores.Series, Clock, options), Clock, options);

        (await restarted.QueryAttendanceAsync(Host, cursor)).Items.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_signed_session_cursor_is_not_an_attendance_cursor()
    {
        var options = new SchedulingOptions { CursorKey = Key };
        var (service, _) = await ServiceWithAsync(options, marks: 0);
        var sessionCursor = CursorCodec.Seal(CursorKind.Sessions, CursorSigningKey.Of(Key, "key"), Tenant, new SessionCursor(Time.Utc(2025, 3, 1), Time.Utc(2025, 4, 1), "{}", SessionFieldset.Default, 10, Time.Utc(2025, 3, 2), "s1").ToPayload());

        await FailsAsync(() => service.QueryAttendanceAsync(Host, sessionCursor).AsTask(), SchedulingErrorCode.InvalidArgument, "cursor");
    }

    [Theory]
    [InlineData("""{"v":2,"filter":"{}","sortField":0,"sortOrder":0,"limit":5,"direction":0}""")]
    [InlineData("""{"v":1,"filter":"{}","sortField":9,"sortOrder":0,"limit":5,"direction":0}""")]
    [InlineData("""{"v":1,"filter":"{}","sortField":0,"sortOrder":0,"limit":5,"direction":4}""")]
    [InlineData("""{"v":1,"filter":"{\"nope\":1}","sortField":0,"sortOrder":0,"limit":5,"direction":0}""")]
    [InlineData("""{"v":1,"filter":"{}","sortField":0,"sortOrder":0,"limit":5000,"direction":0}""")]
    [InlineData("""{"v":1,"filter":"{}","sortField":0,"sortOrder":0,"limit":5,"direction":0,"atId":"a"}""")]
    [InlineData("""[1,2,3]""")]
    public async Task A_signed_cursor_with_a_payload_no_page_made_is_refused(string payload)
    {
        var options = new SchedulingOptions { CursorKey = Key };
        var (service, _) = await ServiceWithAsync(options, marks: 0);
        var cursor = CursorCodec.Seal(CursorKind.Attendance, CursorSigningKey.Of(Key, "key"), Tenant, Encoding.UTF8.GetBytes(payload));

        await FailsAsync(() => service.QueryAttendanceAsync(Host, cursor).AsTask(), SchedulingErrorCode.InvalidArgument, "cursor");
    }

    [Fact]
    public void A_cursor_reads_back_what_it_was_made_with()
    {
        var cursor = new AttendanceCursor("""{"bookingId":{"$in":["b1"]}}""", AttendanceSort.NumberOfAttendeesDescending, 7, SeekDirection.Backward, new AttendancePosition(3, "a-1"));

        AttendanceCursor.FromPayload(cursor.ToPayload()).Should().Be(cursor);
        AttendanceCursor.FromPayload((cursor with { Position = null }).ToPayload()).Position.Should().BeNull();
    }

    [Fact]
    public async Task Missing_arguments_are_programming_errors()
    {
        await ((Func<Task>)(() => Service.SetAttendanceAsync(null!, Mark("b1", YogaClass)).AsTask())).Should().ThrowAsync<ArgumentNullException>();
        await ((Func<Task>)(() => Service.SetAttendanceAsync(Host, null!).AsTask())).Should().ThrowAsync<ArgumentNullException>();
        await ((Func<Task>)(() => Service.BulkSetAttendanceAsync(Host, null!).AsTask())).Should().ThrowAsync<ArgumentNullException>();
        await FailsAsync(() => Service.BulkSetAttendanceAsync(Host, [Mark("b1", YogaClass), null!]).AsTask(), SchedulingErrorCode.InvalidArgument, "marks");
        await ((Func<Task>)(() => Service.QueryAttendanceAsync(Host, (AttendanceQuery)null!).AsTask())).Should().ThrowAsync<ArgumentNullException>();
        ((Action)(() => _ = new AttendanceService(null!, Sessions, Clock))).Should().Throw<ArgumentNullException>();
        ((Action)(() => _ = new AttendanceService(new InMemoryAttendanceStore(), null!, Clock))).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public async Task An_undefined_bulk_mode_is_invalid()
    {
        await FailsAsync(() => Service.BulkSetAttendanceAsync(Host, [], (BulkAttendanceMode)9).AsTask(), SchedulingErrorCode.InvalidArgument, "mode");
    }

    [Fact]
    public void Invalid_attendance_options_are_refused()
    {
        ((Action)(() => new SchedulingOptions { DefaultAttendancePageSize = 0 }.Validate())).Should().Throw<ArgumentException>().WithMessage("*DefaultAttendancePageSize*");
        ((Action)(() => new SchedulingOptions { DefaultAttendancePageSize = 2_000 }.Validate())).Should().Throw<ArgumentException>().WithMessage("*DefaultAttendancePageSize*");
        ((Action)(() => new SchedulingOptions { MaxAttendanceBatchSize = 0 }.Validate())).Should().Throw<ArgumentException>().WithMessage("*MaxAttendanceBatchSize*");
    }

    protected override ValueTask<(ISessionStore Sessions, IRecurringSessionStore RecurringSessions, IAttendanceStore Attendance)> CreateStoresAsync() =>
        ValueTask.FromResult<(ISessionStore, IRecurringSessionStore, IAttendanceStore)>((new InMemorySessionStore(), new InMemoryRecurringSessionStore(), new InMemoryAttendanceStore()));

    /// <summary>A service over fresh in-memory stores with other options, the yoga class made, and <paramref name="marks"/> bookings marked at it.</summary>
    private async Task<(AttendanceService Service, (InMemorySessionStore Sessions, InMemoryRecurringSessionStore Series, InMemoryAttendanceStore Attendance) Stores)> ServiceWithAsync(SchedulingOptions options, int marks)
    {
        var stores = (new InMemorySessionStore(), new InMemoryRecurringSessionStore(), new InMemoryAttendanceStore());
        var sessions = new SessionService(stores.Item1, stores.Item2, Clock, options);
        var service = new AttendanceService(stores.Item3, sessions, Clock, options);
        await sessions.CreateSessionAsync(Host, new NewSession
        {
            Id = YogaClass,
            ScheduleId = "room-1",
            ScheduleOwnerId = "teacher-ana",
            Start = Time.At(Time.Utc(2025, 3, 3, 10)),
            End = Time.At(Time.Utc(2025, 3, 3, 11)),
        });
        for (var i = 0; i < marks; i++)
        {
            await service.SetAttendanceAsync(Host, Mark($"booking-{i}", YogaClass));
        }

        return (service, stores);
    }
}
