using Microsoft.Extensions.DependencyInjection;
using Scheduling.Attendance;
using Scheduling.Security;
using Scheduling.Sessions;
using Scheduling.Workspaces;

namespace Scheduling.Stores.ContractTests.Paging;

/// <summary>
/// Cursors over a durable store, across hosts: a host that starts later (a restart) or beside another (a fleet behind
/// a load balancer), with options of its own and no cursor key configured, continues every cursor the others issued,
/// of every kind, because the key lives in the database. A store's test project derives from this class and says how
/// a host reaches the shared database.
/// </summary>
/// <remarks>
/// Each host is a service provider of its own (<c>AddScheduling</c>, new store objects, new
/// <see cref="SchedulingOptions"/>, its own copy of the workspace directory); only the database is shared.
/// </remarks>
public abstract class CursorsAcrossHostsContract : IAsyncLifetime
{
    protected const string Tenant = "clinic-a";

    private static readonly Instant MarchStart = Time.Utc(2025, 3, 1);
    private static readonly Instant MarchEnd = Time.Utc(2025, 4, 1);
    private static readonly CallerContext Caller = CallerContext.Host(Tenant);

    private readonly List<ServiceProvider> _hosts = [];
    private readonly FakeClock _clock = new(Time.Utc(2025, 3, 1));

    /// <summary>Points <paramref name="builder"/> at the database every host of a test shares (new store objects each call).</summary>
    protected abstract void UseTheDatabase(SchedulingBuilder builder);

    /// <summary>Makes the shared database, empty.</summary>
    protected virtual Task CreateDatabaseAsync() => Task.CompletedTask;

    /// <summary>Drops the shared database, after every host of the test is disposed.</summary>
    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public Task InitializeAsync() => CreateDatabaseAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await DropDatabaseAsync();
    }

    [Fact]
    public async Task A_new_host_continues_every_outstanding_session_cursor_of_the_old_one()
    {
        var old = StartHost();
        await BookAsync(old);
        var cursors = await CursorsOfEveryPageAsync(p => p.GetRequiredService<SessionService>().QuerySessionsAsync(Caller, Sessions(), default), (p, c) => p.GetRequiredService<SessionService>().QuerySessionsAsync(Caller, c, default), old);
        await StopAsync(old);

        var restarted = StartHost();

        for (var page = 0; page < cursors.Count; page++)
        {
            var items = (await restarted.GetRequiredService<SessionService>().QuerySessionsAsync(Caller, cursors[page])).Items;
            items.Select(s => s.Id).Should().Equal($"s{page + 1}");
        }
    }

    [Fact]
    public async Task A_new_host_continues_every_outstanding_attendance_cursor_of_the_old_one()
    {
        var old = StartHost();
        await BookAsync(old);
        var cursors = await CursorsOfEveryPageAsync(p => p.GetRequiredService<AttendanceService>().QueryAttendanceAsync(Caller, Attendance(), default), (p, c) => p.GetRequiredService<AttendanceService>().QueryAttendanceAsync(Caller, c, default), old);
        await StopAsync(old);

        var restarted = StartHost();

        for (var page = 0; page < cursors.Count; page++)
        {
            var items = (await restarted.GetRequiredService<AttendanceService>().QueryAttendanceAsync(Caller, cursors[page])).Items;
            items.Select(a => a.BookingId).Should().Equal($"b{page + 1}");
        }
    }

    [Fact]
    public async Task A_new_host_continues_every_outstanding_workspace_cursor_of_the_old_one()
    {
        var old = StartHost();
        await BookAsync(old);
        var cursors = await CursorsOfEveryPageAsync(p => p.GetRequiredService<WorkspaceSessionService>().ListSessionsAsync(Caller, Tenant, Workspace(), default), (p, c) => p.GetRequiredService<WorkspaceSessionService>().ListSessionsAsync(Caller, Tenant, c, default), old);
        await StopAsync(old);

        var restarted = StartHost();

        for (var page = 0; page < cursors.Count; page++)
        {
            var items = (await restarted.GetRequiredService<WorkspaceSessionService>().ListSessionsAsync(Caller, Tenant, cursors[page])).Items;
            items.Select(s => s.Id).Should().Equal($"s{page + 1}");
        }
    }

    [Fact]
    public async Task Hosts_that_start_at_once_continue_each_others_cursors()
    {
        var setUp = StartHost();
        await BookAsync(setUp);
        await StopAsync(setUp);

        // Booking issues no cursor, so the database holds no cursor key yet: the two hosts' first cursors race to
        // create it.
        var (first, second) = (StartHost(), StartHost());
        var pages = await Task.WhenAll(
            Task.Run(() => FirstPagesAsync(first)),
            Task.Run(() => FirstPagesAsync(second)));

        // One key: the same query signs to the same cursor on both hosts.
        pages[0].Should().Equal(pages[1]);
        var (sessions, attendance, workspace) = (pages[0][0], pages[0][1], pages[0][2]);
        foreach (var host in new[] { first, second })
        {
            (await host.GetRequiredService<SessionService>().QuerySessionsAsync(Caller, sessions)).Items.Select(s => s.Id).Should().Equal("s1");
            (await host.GetRequiredService<AttendanceService>().QueryAttendanceAsync(Caller, attendance)).Items.Select(a => a.BookingId).Should().Equal("b1");
            (await host.GetRequiredService<WorkspaceSessionService>().ListSessionsAsync(Caller, Tenant, workspace)).Items.Select(s => s.Id).Should().Equal("s1");
        }

        // And each continues a cursor the other made from a later page.
        var fromFirst = (await first.GetRequiredService<SessionService>().QuerySessionsAsync(Caller, sessions)).NextCursor!;
        (await second.GetRequiredService<SessionService>().QuerySessionsAsync(Caller, fromFirst)).Items.Select(s => s.Id).Should().Equal("s2");
        var fromSecond = (await second.GetRequiredService<AttendanceService>().QueryAttendanceAsync(Caller, attendance)).NextCursor!;
        (await first.GetRequiredService<AttendanceService>().QueryAttendanceAsync(Caller, fromSecond)).Items.Select(a => a.BookingId).Should().Equal("b2");
    }

    /// <summary>Starts a host over the shared database: its own service provider, stores, options and directory.</summary>
    protected ServiceProvider StartHost()
    {
        var directory = new InMemoryWorkspaceDirectory();
        directory.AddOrReplaceWorkspace(new Workspace(Tenant, Time.NewYork));
        var host = new ServiceCollection()
            .AddSingleton<IClock>(_clock)
            .AddScheduling(s =>
            {
                UseTheDatabase(s);
                s.UseWorkspaceDirectory(directory).WithOptions(new SchedulingOptions());
            })
            .BuildServiceProvider();
        lock (_hosts)
        {
            _hosts.Add(host);
        }

        return host;
    }

    private static SessionQuery Sessions() => new() { From = MarchStart, To = MarchEnd, PageSize = 1 };

    private static AttendanceQuery Attendance() => new() { Sort = AttendanceSort.IdAscending, Limit = 1 };

    private static WorkspaceSessionQuery Workspace() => new()
    {
        DateFrom = DateBound.AtInstant(MarchStart),
        DateTo = DateBound.AtInstant(MarchEnd),
        PageSize = 1,
    };

    /// <summary>Four sessions s0..s3 in March, an hour each, and an attendance b0..b3 at each (ids in that order).</summary>
    private static async Task BookAsync(ServiceProvider host)
    {
        var sessions = host.GetRequiredService<SessionService>();
        var attendance = host.GetRequiredService<AttendanceService>();
        for (var i = 0; i < 4; i++)
        {
            var start = Time.Utc(2025, 3, 3 + i, 10);
            await sessions.CreateSessionAsync(Caller, new NewSession
            {
                Id = $"s{i}",
                ScheduleId = "room-1",
                ScheduleOwnerId = "dr-smith",
                Start = Time.At(start),
                End = Time.At(start + Duration.FromHours(1)),
            });
            await attendance.SetAttendanceAsync(Caller, new AttendanceMark { Id = $"a{i}", BookingId = $"b{i}", SessionId = $"s{i}", Status = AttendanceStatus.Attended });
        }
    }

    /// <summary>The cursors every page of a query returns, walked on <paramref name="host"/>: the cursor to page 2, 3 and 4.</summary>
    private static async Task<List<string>> CursorsOfEveryPageAsync<T>(
        Func<ServiceProvider, ValueTask<Scheduling.Paging.CursorPage<T>>> first,
        Func<ServiceProvider, string, ValueTask<Scheduling.Paging.CursorPage<T>>> next,
        ServiceProvider host)
    {
        var cursors = new List<string>();
        var page = await first(host);
        while (page.NextCursor is { } cursor)
        {
            cursors.Add(cursor);
            page = await next(host, cursor);
        }

        cursors.Should().HaveCount(3);
        return cursors;
    }

    /// <summary>The next cursors of the first pages of the three queries, run at once.</summary>
    private static async Task<string[]> FirstPagesAsync(ServiceProvider host)
    {
        var sessions = host.GetRequiredService<SessionService>().QuerySessionsAsync(Caller, Sessions()).AsTask();
        var attendance = host.GetRequiredService<AttendanceService>().QueryAttendanceAsync(Caller, Attendance()).AsTask();
        var workspace = host.GetRequiredService<WorkspaceSessionService>().ListSessionsAsync(Caller, Tenant, Workspace()).AsTask();
        return [(await sessions).NextCursor!, (await attendance).NextCursor!, (await workspace).NextCursor!];
    }

    private async Task StopAsync(ServiceProvider host)
    {
        lock (_hosts)
        {
            _hosts.Remove(host);
        }

        await host.DisposeAsync();
    }
}
