using System.Text.Json.Nodes;
using Scheduling.Attendance;
using Scheduling.Recurrence;
using Scheduling.Security;
using Scheduling.Sessions;
using Scheduling.Workspaces;

namespace Scheduling.Stores.ContractTests.Sessions;

/// <summary>
/// A stored record that no longer reads (a body written by a later version, edited by hand or broken, a time zone
/// the tz database dropped, a rule the parser refuses) never takes its tenant down: only calls that need that record
/// fail, with <see cref="SchedulingErrorCode.UnreadableRecord"/> naming it; queries whose window reaches it fail the
/// same way; deleting it works without reading it; everything else in the tenant keeps working. For durable stores:
/// each derives and plants bad bodies with its own SQL (<see cref="RewriteBodyAsync"/>), after the records were
/// written through the API.
/// </summary>
/// <remarks>
/// A store remembers what it parsed for a row while the row's revision stands, so an edit behind its back that keeps
/// the revision is seen by the stores opened after it (another host, or this one restarted): after planting, each test
/// goes on over stores opened anew on the same database (<see cref="OpenStoresAsync"/>), as a host reading the damage
/// for the first time would.
/// </remarks>
/// <remarks>
/// The tenant holds two single sessions (<c>s-feb</c> on 2025-02-10, <c>s-mar</c> on 2025-03-03) and two weekly
/// series in New York (<c>pilates</c> on Tuesdays from 2025-02-04, <c>yoga</c> on Mondays from 2025-03-03). A February
/// window reaches <c>s-feb</c> and <c>pilates</c> only; a March window reaches everything.
/// </remarks>
public abstract class UnreadableRecordContract : IAsyncLifetime
{
    protected const string Tenant = "clinic-a";

    private static readonly Instant FebruaryStart = Time.Utc(2025, 2, 1);
    private static readonly Instant MarchStart = Time.Utc(2025, 3, 1);
    private static readonly Instant MarchEnd = Time.Utc(2025, 4, 1);

    private readonly List<object> _opened = [];

    /// <summary>The tables that keep a body.</summary>
    public enum StoredTable
    {
        /// <summary>Single sessions, keyed by tenant and id.</summary>
        Sessions,

        /// <summary>Recurring sessions, keyed by tenant and id.</summary>
        RecurringSessions,

        /// <summary>Instance overrides, keyed by tenant, series id and identity start (ISO local text).</summary>
        InstanceOverrides,
    }

    /// <summary>The ways a series body is planted so that it no longer reads.</summary>
    public static TheoryData<string> SeriesDamage => ["rule the parser refuses", "zone the tz database lacks", "broken JSON", "type of a later version", "field of another type", "start outside the supported years"];

    /// <summary>The ways a single session's body is planted so that it no longer reads.</summary>
    public static TheoryData<string> SessionDamage => ["zone the tz database lacks", "broken JSON", "status of a later version", "id missing"];

    /// <summary>The ways an override's body is planted so that it no longer reads.</summary>
    public static TheoryData<string> OverrideDamage => ["broken JSON", "zone the tz database lacks", "field of another type"];

    protected static CallerContext Host { get; } = CallerContext.Host(Tenant);

    protected FakeClock Clock { get; } = new(Time.Utc(2025, 1, 1));

    protected SessionService Sessions { get; private set; } = null!;

    protected AttendanceService Attendance { get; private set; } = null!;

    protected WorkspaceSessionService Workspace { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await OpenServicesAsync();
        await Sessions.CreateSessionAsync(Host, OneHour("s-feb", Time.Utc(2025, 2, 10, 15)));
        await Sessions.CreateSessionAsync(Host, OneHour("s-mar", Time.Utc(2025, 3, 3, 15)));
        await Sessions.CreateRecurringSessionAsync(Host, Weekly("pilates", Time.Local(2025, 2, 4, 9)));
        await Sessions.CreateRecurringSessionAsync(Host, Weekly("yoga", Time.Local(2025, 3, 3, 18, 30)));
    }

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        foreach (var store in _opened.Distinct())
        {
            await StoreDisposal.DisposeAsync(store);
        }
    }

    [Theory]
    [MemberData(nameof(SeriesDamage))]
    public async Task A_series_that_does_not_read_fails_its_get_and_its_instances_naming_it(string damage)
    {
        await DamageSeriesAsync("yoga", damage);

        var error = await FailsAsync(() => Sessions.GetRecurringSessionAsync(Host, "yoga").AsTask(), "yoga");
        error.Message.Should().Contain("yoga");
        await FailsAsync(() => Sessions.GetSessionAsync(Host, YogaOn(10)).AsTask(), "yoga");
    }

    [Theory]
    [MemberData(nameof(SeriesDamage))]
    public async Task A_query_whose_window_reaches_a_series_that_does_not_read_fails_naming_it(string damage)
    {
        await DamageSeriesAsync("yoga", damage);

        await FailsAsync(() => QueryAllAsync(MarchStart, MarchEnd), "yoga");
        await FailsAsync(() => QueryAllAsync(Time.Utc(2030, 1, 1), Time.Utc(2030, 2, 1)), "yoga");
    }

    [Theory]
    [MemberData(nameof(SeriesDamage))]
    public async Task Everything_else_in_the_tenant_keeps_working_beside_a_series_that_does_not_read(string damage)
    {
        await DamageSeriesAsync("yoga", damage);

        (await QueryAllAsync(FebruaryStart, MarchStart)).Select(s => s.Id).Should().Equal(
            PilatesOn(2, 4), "s-feb", PilatesOn(2, 11), PilatesOn(2, 18), PilatesOn(2, 25));
        (await Sessions.GetSessionAsync(Host, "s-mar")).Id.Should().Be("s-mar");
        (await Sessions.GetRecurringSessionAsync(Host, "pilates")).Id.Should().Be("pilates");
        var retitled = await Sessions.UpdateSessionAsync(Host, PilatesOn(3, 4), new SessionChanges { Details = new SessionDetailsChanges { Title = "Pilates, room 2" } }, expectedRevision: 0);
        retitled.Details.Title.Should().Be("Pilates, room 2");
        await Sessions.UpdateRecurringSessionAsync(Host, "pilates", new RecurringSessionChanges { Details = new SessionDetailsChanges { Location = "Hall" } }, expectedRevision: 1);
        await Sessions.CreateSessionAsync(Host, OneHour("s-new", Time.Utc(2025, 3, 20, 12)));
        (await Sessions.ListSessionsAsync(Host, ["s-feb", "s-mar", PilatesOn(3, 4)])).Should().HaveCount(3);
    }

    [Theory]
    [MemberData(nameof(SeriesDamage))]
    public async Task A_series_that_does_not_read_can_be_deleted_and_the_tenant_reads_whole_again(string damage)
    {
        await DamageSeriesAsync("yoga", damage);

        await Sessions.DeleteRecurringSessionAsync(Host, "yoga", expectedRevision: 1);

        await SchedulingAssert.FailsAsync(() => Sessions.GetRecurringSessionAsync(Host, "yoga").AsTask(), SchedulingErrorCode.NotFound);
        (await QueryAllAsync(MarchStart, MarchEnd)).Should().NotContain(s => s.RecurringSessionId == "yoga").And.Contain(s => s.Id == "s-mar");
    }

    [Fact]
    public async Task Deleting_a_series_that_does_not_read_still_checks_the_revision_the_store_keeps()
    {
        await DamageSeriesAsync("yoga", "broken JSON");

        await SchedulingAssert.FailsAsync(() => Sessions.DeleteRecurringSessionAsync(Host, "yoga", expectedRevision: 2).AsTask(), SchedulingErrorCode.Conflict, "expectedRevision");

        await FailsAsync(() => Sessions.GetRecurringSessionAsync(Host, "yoga").AsTask(), "yoga");
    }

    [Fact]
    public async Task The_error_of_a_series_that_does_not_read_says_at_which_revision_it_can_be_deleted()
    {
        await DamageSeriesAsync("yoga", "rule the parser refuses");

        var error = await FailsAsync(() => Sessions.GetRecurringSessionAsync(Host, "yoga").AsTask(), "yoga");

        error.Message.Should().Contain("revision 1").And.Contain("COUNT");
    }

    [Fact]
    public async Task Writes_that_need_a_series_that_does_not_read_fail_naming_it_and_change_nothing()
    {
        await DamageSeriesAsync("yoga", "zone the tz database lacks");

        await FailsAsync(() => Sessions.UpdateRecurringSessionAsync(Host, "yoga", new RecurringSessionChanges { Details = new SessionDetailsChanges { Title = "Hot yoga" } }, 1).AsTask(), "yoga");
        await FailsAsync(() => Sessions.UpdateSessionAsync(Host, YogaOn(10), new SessionChanges { Details = new SessionDetailsChanges { Title = "Hot yoga" } }, 0).AsTask(), "yoga");
        await FailsAsync(() => Sessions.UpdateFollowingAsync(Host, YogaOn(17), new RecurringSessionChanges { Details = new SessionDetailsChanges { Title = "Hot yoga" } }, 1).AsTask(), "yoga");
        await FailsAsync(() => Sessions.CancelRecurringSessionAsync(Host, "yoga", 1).AsTask(), "yoga");
        await FailsAsync(() => Sessions.AddParticipantAsync(Host, YogaOn(10), new Participant("p1")).AsTask(), "yoga");

        await Sessions.DeleteRecurringSessionAsync(Host, "yoga", expectedRevision: 1);
    }

    [Theory]
    [MemberData(nameof(SessionDamage))]
    public async Task A_session_that_does_not_read_fails_only_what_needs_it_and_can_be_deleted(string damage)
    {
        await PlantAsync(StoredTable.Sessions, "s-mar", null, damage);

        await FailsAsync(() => Sessions.GetSessionAsync(Host, "s-mar").AsTask(), "s-mar");
        await FailsAsync(() => Sessions.ListSessionsAsync(Host, ["s-feb", "s-mar"]).AsTask(), "s-mar");
        await FailsAsync(() => QueryAllAsync(MarchStart, MarchEnd), "s-mar");
        await FailsAsync(() => Sessions.UpdateSessionAsync(Host, "s-mar", new SessionChanges { Details = new SessionDetailsChanges { Title = "Moved" } }, 1).AsTask(), "s-mar");
        (await Sessions.ListSessionsAsync(Host, ["s-feb"])).Single().Id.Should().Be("s-feb");
        (await QueryAllAsync(FebruaryStart, MarchStart)).Should().Contain(s => s.Id == "s-feb");

        await Sessions.DeleteSessionAsync(Host, "s-mar", expectedRevision: 1);

        await SchedulingAssert.FailsAsync(() => Sessions.GetSessionAsync(Host, "s-mar").AsTask(), SchedulingErrorCode.NotFound);
        (await QueryAllAsync(MarchStart, MarchEnd)).Should().Contain(s => s.Id == YogaOn(3)).And.NotContain(s => s.Id == "s-mar");
    }

    [Theory]
    [MemberData(nameof(OverrideDamage))]
    public async Task An_override_that_does_not_read_fails_its_instance_and_queries_reaching_its_series_naming_the_instance(string damage)
    {
        // Moved an hour later, so that the override holds a zone of its own.
        var later = CalendarDateTime.AtLocal(Time.Local(2025, 3, 10, 19, 30), Time.NewYork);
        await Sessions.UpdateSessionAsync(Host, YogaOn(10), new SessionChanges { Details = new SessionDetailsChanges { Title = "Guest teacher" }, Start = later }, 0);
        await PlantAsync(StoredTable.InstanceOverrides, "yoga", "2025-03-10T18:30:00", damage);

        await FailsAsync(() => Sessions.GetSessionAsync(Host, YogaOn(10)).AsTask(), YogaOn(10));
        await FailsAsync(() => Sessions.GetRecurringSessionAsync(Host, "yoga").AsTask(), YogaOn(10));
        await FailsAsync(() => QueryAllAsync(MarchStart, MarchEnd), YogaOn(10));
        (await QueryAllAsync(FebruaryStart, MarchStart)).Should().HaveCount(5);
    }

    [Fact]
    public async Task Editing_one_instance_reads_only_its_own_override_so_a_broken_other_one_does_not_stop_it()
    {
        await Sessions.UpdateSessionAsync(Host, YogaOn(10), new SessionChanges { Details = new SessionDetailsChanges { Title = "Guest teacher" } }, 0);
        await Sessions.UpdateSessionAsync(Host, YogaOn(17), new SessionChanges { Details = new SessionDetailsChanges { Title = "Outdoors" } }, 0);
        await PlantAsync(StoredTable.InstanceOverrides, "yoga", "2025-03-10T18:30:00", "broken JSON");

        (await Sessions.GetSessionAsync(Host, YogaOn(17))).Details.Title.Should().Be("Outdoors");
        var edited = await Sessions.UpdateSessionAsync(Host, YogaOn(17), new SessionChanges { Details = new SessionDetailsChanges { Location = "Park" } }, 1);
        var booked = await Sessions.AddParticipantAsync(Host, YogaOn(17), new Participant("p1"));
        var fresh = await Sessions.UpdateSessionAsync(Host, YogaOn(24), new SessionChanges { Details = new SessionDetailsChanges { Title = "Last one" } }, 0);
        var cancelled = await Sessions.CancelSessionAsync(Host, YogaOn(31), 0);

        edited.Should().Match<Session>(s => s.Details.Title == "Outdoors" && s.Details.Location == "Park" && s.Revision == 2);
        booked.Participants.Should().ContainSingle(p => p.Id == "p1");
        booked.Revision.Should().Be(3);
        fresh.Revision.Should().Be(1);
        cancelled.Status.Should().Be(SessionStatus.Cancelled);
        await SchedulingAssert.FailsAsync(() => Sessions.UpdateSessionAsync(Host, YogaOn(17), new SessionChanges { Details = new SessionDetailsChanges { Title = "Stale" } }, 2).AsTask(), SchedulingErrorCode.Conflict, "expectedRevision");
    }

    [Fact]
    public async Task A_series_whose_override_does_not_read_can_be_deleted()
    {
        await Sessions.UpdateSessionAsync(Host, YogaOn(10), new SessionChanges { Details = new SessionDetailsChanges { Title = "Guest teacher" } }, 0);
        await PlantAsync(StoredTable.InstanceOverrides, "yoga", "2025-03-10T18:30:00", "broken JSON");

        await Sessions.DeleteRecurringSessionAsync(Host, "yoga", expectedRevision: 1);

        (await QueryAllAsync(MarchStart, MarchEnd)).Should().NotContain(s => s.RecurringSessionId == "yoga");
    }

    [Fact]
    public async Task Attendance_that_needs_a_session_that_does_not_read_fails_naming_it_and_other_attendance_works()
    {
        await Attendance.SetAttendanceAsync(Host, new AttendanceMark { BookingId = "b1", SessionId = YogaOn(3), Status = AttendanceStatus.Attended });
        await DamageSeriesAsync("yoga", "rule the parser refuses");
        await PlantAsync(StoredTable.Sessions, "s-mar", null, "broken JSON");

        await FailsAsync(() => Attendance.SetAttendanceAsync(Host, new AttendanceMark { BookingId = "b2", SessionId = YogaOn(10), Status = AttendanceStatus.Attended }).AsTask(), "yoga");
        await FailsAsync(() => Attendance.SetAttendanceAsync(Host, new AttendanceMark { BookingId = "b2", SessionId = "s-mar", Status = AttendanceStatus.Attended }).AsTask(), "s-mar");
        var bulk = await Attendance.BulkSetAttendanceAsync(Host, [
            new AttendanceMark { BookingId = "b3", SessionId = YogaOn(10), Status = AttendanceStatus.Attended },
            new AttendanceMark { BookingId = "b3", SessionId = "s-feb", Status = AttendanceStatus.Attended },
        ]);
        var marked = await Attendance.SetAttendanceAsync(Host, new AttendanceMark { BookingId = "b2", SessionId = PilatesOn(3, 4), Status = AttendanceStatus.NotAttended });
        var listed = await Attendance.QueryAttendanceAsync(Host, new AttendanceQuery());
        var summary = await Attendance.SummarizeSessionAsync(Host, YogaOn(3));

        bulk.Items.Select(i => i.ErrorCode).Should().Equal(SchedulingErrorCode.UnreadableRecord, null);
        bulk.Items[0].ErrorField.Should().Be("yoga");
        marked.SessionId.Should().Be(PilatesOn(3, 4));
        listed.Items.Select(a => a.SessionId).Should().BeEquivalentTo([YogaOn(3), "s-feb", PilatesOn(3, 4)]);
        summary.Attended.Should().Be(1);
    }

    [Fact]
    public async Task A_workspace_list_whose_dates_reach_a_series_that_does_not_read_fails_naming_it_and_other_dates_list()
    {
        await DamageSeriesAsync("yoga", "zone the tz database lacks");

        await FailsAsync(
            () => Workspace.ListSessionsAsync(Host, Tenant, new WorkspaceSessionQuery { DateFrom = DateBound.OnDate(new LocalDate(2025, 3, 1)), DateTo = DateBound.OnDate(new LocalDate(2025, 3, 31)) }).AsTask(),
            "yoga");
        var february = await Workspace.ListSessionsAsync(Host, Tenant, new WorkspaceSessionQuery { DateFrom = DateBound.OnDate(new LocalDate(2025, 2, 1)), DateTo = DateBound.OnDate(new LocalDate(2025, 2, 28)) });

        february.Items.Should().HaveCount(5);
    }

    [Fact]
    public async Task A_series_created_with_a_count_of_a_billion_cannot_take_the_tenant_down()
    {
        // Built in code, not parsed: the rule refuses the count itself, so no series is written that its text cannot hold.
        var refused = await Record.ExceptionAsync(async () => await Sessions.CreateRecurringSessionAsync(
            Host,
            Weekly("billion", Time.Local(2025, 3, 4, 7)) with { Rule = new RecurrenceRule(RecurrenceFrequency.Daily, count: 1_000_000_000) }));
        await OpenServicesAsync();

        refused.Should().BeOfType<RecurrenceException>().Which.Error.Should().Match<RecurrenceError>(e => e.Code == RecurrenceErrorCode.OutOfRange && e.Part == "COUNT");
        (await QueryAllAsync(FebruaryStart, MarchStart)).Should().HaveCount(5);
        await SchedulingAssert.FailsAsync(() => Sessions.GetRecurringSessionAsync(Host, "billion").AsTask(), SchedulingErrorCode.NotFound);
        (await QueryAllAsync(MarchStart, MarchEnd)).Should().Contain(s => s.Id == "s-mar").And.Contain(s => s.RecurringSessionId == "yoga").And.NotContain(s => s.RecurringSessionId == "billion");
    }

    /// <summary>Opens a set of stores over the test's database: empty on the first call, the same database on every later one.</summary>
    protected abstract ValueTask<(ISessionStore Sessions, IRecurringSessionStore RecurringSessions, IAttendanceStore Attendance)> OpenStoresAsync();

    /// <summary>
    /// Replaces a stored body by what <paramref name="rewrite"/> makes of it, with the store's own SQL (a SELECT and an
    /// UPDATE of the body column, outside the store), as an operator's hand edit or another version would.
    /// </summary>
    /// <param name="table">The table.</param>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="id">The id: of the session, the series, or the series an override belongs to.</param>
    /// <param name="identityStart">For an override, its identity start as stored (ISO local text); null otherwise.</param>
    /// <param name="rewrite">The new body, from the stored one.</param>
    protected abstract Task RewriteBodyAsync(StoredTable table, string tenantId, string id, string? identityStart, Func<string, string> rewrite);

    private static Func<string, string> Damage(string damage) => damage switch
    {
        "rule the parser refuses" => body => With(body, "rule", "FREQ=DAILY;COUNT=1000000000"),
        "zone the tz database lacks" => body => body.Replace("America/New_York", "Mars/Olympus_Mons", StringComparison.Ordinal).Replace("\"UTC\"", "\"Mars/Olympus_Mons\"", StringComparison.Ordinal),
        "broken JSON" => body => body[..(body.Length / 2)],
        "type of a later version" => body => With(body, "type", 99),
        "status of a later version" => body => With(body, "status", 42),
        "field of another type" => body => body.Contains("\"durationNanoseconds\"", StringComparison.Ordinal) ? With(body, "durationNanoseconds", "one hour") : With(body, "isCancelled", "yes"),
        "start outside the supported years" => body => With(body, "start", "9999-12-31T12:00:00"),
        "id missing" => body => Without(body, "id"),
        _ => throw new ArgumentOutOfRangeException(nameof(damage), damage, "No such damage."),
    };

    private static string With(string body, string field, JsonNode value)
    {
        var root = JsonNode.Parse(body)!.AsObject();
        root[field] = value;
        return root.ToJsonString();
    }

    private static string Without(string body, string field)
    {
        var root = JsonNode.Parse(body)!.AsObject();
        root.Remove(field);
        return root.ToJsonString();
    }

    private static Task<SchedulingException> FailsAsync(Func<Task> call, string record) =>
        SchedulingAssert.FailsAsync(call, SchedulingErrorCode.UnreadableRecord, record);

    private static string YogaOn(int marchDay) => SessionInstanceId.Format("yoga", Time.Local(2025, 3, marchDay, 18, 30));

    private static string PilatesOn(int month, int day) => SessionInstanceId.Format("pilates", Time.Local(2025, month, day, 9));

    private static NewSession OneHour(string id, Instant start) => new()
    {
        Id = id,
        ScheduleId = "schedule-1",
        ScheduleOwnerId = "owner-1",
        Start = CalendarDateTime.AtLocal(start.InZone(Time.NewYork).LocalDateTime, Time.NewYork),
        End = CalendarDateTime.AtLocal((start + Duration.FromHours(1)).InZone(Time.NewYork).LocalDateTime, Time.NewYork),
    };

    private static NewRecurringSession Weekly(string id, LocalDateTime start) => new()
    {
        Id = id,
        ScheduleId = "schedule-1",
        ScheduleOwnerId = "owner-1",
        Details = new SessionDetails { Title = id },
        Start = start,
        Zone = Time.NewYork,
        Duration = Duration.FromHours(1),
        Rule = RecurrenceRule.Parse("FREQ=WEEKLY"),
    };

    private Task DamageSeriesAsync(string id, string damage) => PlantAsync(StoredTable.RecurringSessions, id, null, damage);

    /// <summary>Plants the damage, then goes on as a host that opens the database afterwards.</summary>
    private async Task PlantAsync(StoredTable table, string id, string? identityStart, string damage)
    {
        await RewriteBodyAsync(table, Tenant, id, identityStart, Damage(damage));
        await OpenServicesAsync();
    }

    private async Task OpenServicesAsync()
    {
        var (sessions, recurringSessions, attendance) = await OpenStoresAsync();
        _opened.AddRange([sessions, recurringSessions, attendance]);
        var options = new SchedulingOptions();
        var directory = new InMemoryWorkspaceDirectory();
        directory.AddOrReplaceWorkspace(new Workspace(Tenant, Time.NewYork));
        Sessions = new SessionService(sessions, recurringSessions, Clock, options);
        Attendance = new AttendanceService(attendance, Sessions, Clock, options);
        Workspace = new WorkspaceSessionService(directory, Sessions, Clock, options);
    }

    private async Task<List<Session>> QueryAllAsync(Instant from, Instant to)
    {
        var page = await Sessions.QuerySessionsAsync(Host, new SessionQuery { From = from, To = to, PageSize = 1_000 });
        var all = new List<Session>(page.Items);
        while (page.NextCursor is { } cursor)
        {
            page = await Sessions.QuerySessionsAsync(Host, cursor);
            all.AddRange(page.Items);
        }

        return all;
    }
}
