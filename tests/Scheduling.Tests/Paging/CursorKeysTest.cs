using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Scheduling.Attendance;
using Scheduling.Paging;
using Scheduling.Security;
using Scheduling.Sessions;
using Scheduling.Stores;
using Scheduling.Stores.ContractTests;
using Scheduling.Stores.InMemory;
using Scheduling.Workspaces;

namespace Scheduling.Tests.Paging;

/// <summary>
/// Which keys sign and which are accepted: the host's list (the first signs, any is accepted), or else the key of the
/// cursor key store; the options check the keys; a cursor of a key the host does not hold says so.
/// </summary>
public sealed class CursorKeysTest
{
    private const string Tenant = "clinic-a";

    private static readonly CallerContext Host = CallerContext.Host(Tenant);
    private static readonly FakeClock Clock = new(Time.Utc(2025, 2, 1));
    private static readonly byte[] OldKey = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] NewKey = RandomNumberGenerator.GetBytes(48);

    private readonly InMemorySessionStore _sessions = new();
    private readonly InMemoryRecurringSessionStore _recurringSessions = new();

    [Fact]
    public async Task A_key_stays_accepted_while_it_is_listed_after_the_signing_key()
    {
        await BookAsync();
        var before = await SecondPageCursorAsync(Service(new SchedulingOptions { CursorKey = OldKey }));

        var rotated = Service(new SchedulingOptions { CursorKeys = [NewKey, OldKey] });

        (await rotated.QuerySessionsAsync(Host, before)).Items.Select(s => s.Id).Should().Equal("s1");
    }

    [Fact]
    public async Task A_key_removed_from_the_list_is_refused_as_another_deployments_not_as_altered()
    {
        await BookAsync();
        var before = await SecondPageCursorAsync(Service(new SchedulingOptions { CursorKeys = [OldKey] }));
        var oldId = CursorSigningKey.Of(OldKey, "old").IdText;

        var retired = Service(new SchedulingOptions { CursorKeys = [NewKey] });

        var error = await FailsOnCursorAsync(() => retired.QuerySessionsAsync(Host, before).AsTask());
        error.Message.Should().Contain(oldId).And.Contain("another deployment").And.Contain("key rotation").And.NotContain("altered");
    }

    [Fact]
    public async Task After_a_rotation_new_cursors_are_signed_with_the_first_key()
    {
        await BookAsync();
        var rotated = await SecondPageCursorAsync(Service(new SchedulingOptions { CursorKeys = [NewKey, OldKey] }));

        (await Service(new SchedulingOptions { CursorKey = NewKey }).QuerySessionsAsync(Host, rotated)).Items.Should().ContainSingle();
        await FailsOnCursorAsync(() => Service(new SchedulingOptions { CursorKey = OldKey }).QuerySessionsAsync(Host, rotated).AsTask());
    }

    [Fact]
    public async Task Without_configured_keys_services_over_one_cursor_key_store_share_cursors()
    {
        await BookAsync();
        var keys = new InMemoryCursorKeyStore();
        var cursor = await SecondPageCursorAsync(new SessionService(_sessions, _recurringSessions, keys, Clock, new SchedulingOptions()));

        var sameStore = new SessionService(_sessions, _recurringSessions, keys, Clock, new SchedulingOptions());

        (await sameStore.QuerySessionsAsync(Host, cursor)).Items.Select(s => s.Id).Should().Equal("s1");
    }

    [Fact]
    public async Task Without_configured_keys_a_cursor_of_another_cursor_key_store_is_from_another_deployment()
    {
        await BookAsync();
        var cursor = await SecondPageCursorAsync(new SessionService(_sessions, _recurringSessions, new InMemoryCursorKeyStore(), Clock));

        var elsewhere = new SessionService(_sessions, _recurringSessions, new InMemoryCursorKeyStore(), Clock);

        (await FailsOnCursorAsync(() => elsewhere.QuerySessionsAsync(Host, cursor).AsTask())).Message.Should().Contain("another deployment");
    }

    [Fact]
    public async Task Configured_keys_replace_the_stored_key_rather_than_join_it()
    {
        await BookAsync();
        var keys = new InMemoryCursorKeyStore();
        var storedKeyCursor = await SecondPageCursorAsync(new SessionService(_sessions, _recurringSessions, keys, Clock));

        var configured = new SessionService(_sessions, _recurringSessions, keys, Clock, new SchedulingOptions { CursorKey = OldKey });

        (await FailsOnCursorAsync(() => configured.QuerySessionsAsync(Host, storedKeyCursor).AsTask())).Message.Should().Contain("does not hold");
    }

    [Fact]
    public async Task A_store_that_fails_is_asked_again_on_the_next_call()
    {
        await BookAsync();
        var keys = new FailingOnceCursorKeyStore();
        var service = new SessionService(_sessions, _recurringSessions, keys, Clock);

        await service.Invoking(s => s.QuerySessionsAsync(Host, FirstPage()).AsTask()).Should().ThrowAsync<TimeoutException>();

        (await service.QuerySessionsAsync(Host, FirstPage())).NextCursor.Should().NotBeNull();
        keys.Calls.Should().Be(2);
    }

    [Fact]
    public async Task Attendance_and_workspace_services_sign_with_the_key_store_of_their_sessions_api()
    {
        await BookAsync();
        var keys = new InMemoryCursorKeyStore();
        var directory = new InMemoryWorkspaceDirectory();
        directory.AddOrReplaceWorkspace(new Workspace(Tenant, Time.NewYork));
        var attendanceStore = new InMemoryAttendanceStore();
        var first = new SessionService(_sessions, _recurringSessions, keys, Clock);
        await new AttendanceService(attendanceStore, first, Clock).SetAttendanceAsync(Host, new AttendanceMark { BookingId = "b0", SessionId = "s0", Status = AttendanceStatus.Attended });
        await new AttendanceService(attendanceStore, first, Clock).SetAttendanceAsync(Host, new AttendanceMark { BookingId = "b1", SessionId = "s1", Status = AttendanceStatus.Attended });
        var attendanceCursor = (await new AttendanceService(attendanceStore, first, Clock).QueryAttendanceAsync(Host, new AttendanceQuery { Limit = 1 })).NextCursor!;
        var listCursor = (await new WorkspaceSessionService(directory, first, Clock).ListSessionsAsync(Host, Tenant, new WorkspaceSessionQuery
        {
            DateFrom = DateBound.AtInstant(Time.Utc(2025, 3, 1)),
            DateTo = DateBound.AtInstant(Time.Utc(2025, 4, 1)),
            PageSize = 1,
        })).NextCursor!;

        var second = new SessionService(_sessions, _recurringSessions, keys, Clock);

        (await new AttendanceService(attendanceStore, second, Clock).QueryAttendanceAsync(Host, attendanceCursor)).Items.Should().ContainSingle();
        (await new WorkspaceSessionService(directory, second, Clock).ListSessionsAsync(Host, Tenant, listCursor)).Items.Select(s => s.Id).Should().Equal("s1");
    }

    [Fact]
    public async Task Cursors_of_one_kind_are_refused_by_the_queries_of_the_others()
    {
        await BookAsync();
        var directory = new InMemoryWorkspaceDirectory();
        directory.AddOrReplaceWorkspace(new Workspace(Tenant, Time.NewYork));
        var sessions = Service(new SchedulingOptions());
        var attendance = new AttendanceService(new InMemoryAttendanceStore(), sessions, Clock);
        var workspaces = new WorkspaceSessionService(directory, sessions, Clock);
        await attendance.SetAttendanceAsync(Host, new AttendanceMark { BookingId = "b0", SessionId = "s0", Status = AttendanceStatus.Attended });
        await attendance.SetAttendanceAsync(Host, new AttendanceMark { BookingId = "b1", SessionId = "s1", Status = AttendanceStatus.Attended });
        var sessionsCursor = await SecondPageCursorAsync(sessions);
        var attendanceCursor = (await attendance.QueryAttendanceAsync(Host, new AttendanceQuery { Limit = 1 })).NextCursor!;
        var listCursor = (await workspaces.ListSessionsAsync(Host, Tenant, new WorkspaceSessionQuery
        {
            DateFrom = DateBound.AtInstant(Time.Utc(2025, 3, 1)),
            DateTo = DateBound.AtInstant(Time.Utc(2025, 4, 1)),
            PageSize = 1,
        })).NextCursor!;

        (await FailsOnCursorAsync(() => sessions.QuerySessionsAsync(Host, attendanceCursor).AsTask())).Message.Should().Contain("an attendance query");
        (await FailsOnCursorAsync(() => sessions.QuerySessionsAsync(Host, listCursor).AsTask())).Message.Should().Contain("a workspace session list");
        (await FailsOnCursorAsync(() => attendance.QueryAttendanceAsync(Host, sessionsCursor).AsTask())).Message.Should().Contain("a session query");
        (await FailsOnCursorAsync(() => attendance.QueryAttendanceAsync(Host, listCursor).AsTask())).Message.Should().Contain("a workspace session list");
        (await FailsOnCursorAsync(() => workspaces.ListSessionsAsync(Host, Tenant, sessionsCursor).AsTask())).Message.Should().Contain("a session query");
        (await FailsOnCursorAsync(() => workspaces.ListSessionsAsync(Host, Tenant, attendanceCursor).AsTask())).Message.Should().Contain("an attendance query");
    }

    [Fact]
    public async Task Hosts_on_the_in_memory_default_each_keep_their_own_key()
    {
        using var first = new ServiceCollection().AddScheduling().BuildServiceProvider();
        using var second = new ServiceCollection().AddScheduling().BuildServiceProvider();
        first.GetRequiredService<ICursorKeyStore>().Should().BeOfType<InMemoryCursorKeyStore>();
        var service = first.GetRequiredService<SessionService>();
        for (var i = 0; i < 2; i++)
        {
            await service.CreateSessionAsync(Host, OneHour($"s{i}", Time.Utc(2025, 3, 3 + i, 9)));
        }

        var cursor = await SecondPageCursorAsync(service);

        (await service.QuerySessionsAsync(Host, cursor)).Items.Should().ContainSingle();
        (await FailsOnCursorAsync(() => second.GetRequiredService<SessionService>().QuerySessionsAsync(Host, cursor).AsTask())).Message.Should().Contain("does not hold");
    }

    [Fact]
    public void A_host_registers_its_own_cursor_key_store_through_the_builder()
    {
        var keys = new InMemoryCursorKeyStore();
        using var provider = new ServiceCollection().AddScheduling(s => s.UseCursorKeyStore(_ => keys)).BuildServiceProvider();

        provider.GetRequiredService<ICursorKeyStore>().Should().BeSameAs(keys);
        provider.GetRequiredService<SessionService>().CursorKeyStore.Should().BeSameAs(keys);
    }

    [Fact]
    public void Keys_shorter_than_32_bytes_are_refused_and_named()
    {
        Invalid(new SchedulingOptions { CursorKey = new byte[31] }).WithParameterName("CursorKey").WithMessage("*31 bytes*32*");
        Invalid(new SchedulingOptions { CursorKeys = [NewKey, new byte[16]] }).WithParameterName("CursorKeys").WithMessage("*CursorKeys[1]*16 bytes*");
        Invalid(new SchedulingOptions { CursorKeys = [ReadOnlyMemory<byte>.Empty] }).WithMessage("*CursorKeys[0]*0 bytes*");
    }

    [Fact]
    public void A_single_key_and_a_list_of_keys_are_not_set_together()
    {
        Invalid(new SchedulingOptions { CursorKey = OldKey, CursorKeys = [NewKey] }).WithMessage("*CursorKey or CursorKeys*");
    }

    [Fact]
    public void No_key_is_configured_by_default()
    {
        var options = new SchedulingOptions();

        options.CursorKey.IsEmpty.Should().BeTrue();
        options.CursorKeys.Should().BeEmpty();
        options.Invoking(o => o.Validate()).Should().NotThrow();
    }

    private static FluentAssertions.Specialized.ExceptionAssertions<ArgumentException> Invalid(SchedulingOptions options) =>
        options.Invoking(o => o.Validate()).Should().Throw<ArgumentException>();

    private static async Task<SchedulingException> FailsOnCursorAsync(Func<Task> call)
    {
        var error = (await call.Should().ThrowAsync<SchedulingException>()).Which;
        error.Code.Should().Be(SchedulingErrorCode.InvalidArgument);
        error.Field.Should().Be("cursor");
        return error;
    }

    private static NewSession OneHour(string id, Instant start) => new()
    {
        Id = id,
        ScheduleId = "room-1",
        ScheduleOwnerId = "dr-smith",
        Start = Time.At(start),
        End = Time.At(start + Duration.FromHours(1)),
    };

    private static SessionQuery FirstPage() => new() { From = Time.Utc(2025, 3, 1), To = Time.Utc(2025, 4, 1), PageSize = 1 };

    private static async Task<string> SecondPageCursorAsync(SessionService service) =>
        (await service.QuerySessionsAsync(Host, FirstPage())).NextCursor!;

    private SessionService Service(SchedulingOptions options) => new(_sessions, _recurringSessions, Clock, options);

    private async Task BookAsync()
    {
        var service = Service(new SchedulingOptions());
        for (var i = 0; i < 2; i++)
        {
            await service.CreateSessionAsync(Host, OneHour($"s{i}", Time.Utc(2025, 3, 3 + i, 9)));
        }
    }

    /// <summary>A cursor key store whose first call fails, as a database that is briefly down would; later calls keep a key in memory.</summary>
    private sealed class FailingOnceCursorKeyStore : ICursorKeyStore
    {
        private readonly InMemoryCursorKeyStore _keys = new();

        public int Calls { get; private set; }

        public ValueTask<ReadOnlyMemory<byte>> GetOrCreateAsync(ReadOnlyMemory<byte> candidate, CancellationToken cancellationToken)
        {
            Calls++;
            return Calls == 1 ? throw new TimeoutException("The database did not answer.") : _keys.GetOrCreateAsync(candidate, cancellationToken);
        }
    }
}
