using Scheduling.Paging;
using Scheduling.Recurrence;
using Scheduling.Security;
using Scheduling.Sessions;

namespace Scheduling.Stores.ContractTests.Attendance;

// Inside the namespace, so that "Attendance" names the type rather than the namespace Scheduling.Attendance.
using Scheduling.Attendance;

/// <summary>
/// The behaviour of <see cref="AttendanceService"/> over a set of stores: every store runs the whole suite, so a store
/// is correct when attendance behaves the same on it as on the in-memory default. The aspects are in the partial
/// files (<c>AttendanceServiceContract.Rules.cs</c>, <c>.Query.cs</c>, <c>.Paging.cs</c>, ...).
/// </summary>
/// <remarks>
/// The examples: a yoga class (a single session on 2025-03-03 at 10:00 UTC with 10 places) and a course (four Monday
/// lessons at 18:30 in New York from 2025-03-03, with 8 places). The clock reads 2025-01-01 unless a test moves it.
/// </remarks>
public abstract partial class AttendanceServiceContract : IAsyncLifetime
{
    protected const string Tenant = "tenant-a";
    protected const string OtherTenant = "tenant-b";
    protected const string YogaClass = "yoga-class";

    private ISessionStore _sessionStore = null!;
    private IRecurringSessionStore _recurringSessionStore = null!;

    /// <summary>Gets the clock both services read.</summary>
    protected FakeClock Clock { get; } = new(Time.Utc(2025, 1, 1));

    /// <summary>Gets the sessions API the attendance refers to.</summary>
    protected SessionService Sessions { get; private set; } = null!;

    /// <summary>Gets the service under test, over empty stores.</summary>
    protected AttendanceService Service { get; private set; } = null!;

    /// <summary>Gets the attendance store under the service.</summary>
    protected IAttendanceStore AttendanceStore { get; private set; } = null!;

    /// <summary>Gets the trusted host of <see cref="Tenant"/>: it holds every permission.</summary>
    protected static CallerContext Host { get; } = CallerContext.Host(Tenant);

    /// <summary>Gets the trusted host of <see cref="OtherTenant"/>.</summary>
    protected static CallerContext OtherHost { get; } = CallerContext.Host(OtherTenant);

    /// <summary>Makes an empty set of stores.</summary>
    protected abstract ValueTask<(ISessionStore Sessions, IRecurringSessionStore RecurringSessions, IAttendanceStore Attendance)> CreateStoresAsync();

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        (_sessionStore, _recurringSessionStore, var attendance) = await CreateStoresAsync();
        AttendanceStore = attendance;
        Sessions = new SessionService(_sessionStore, _recurringSessionStore, Clock);
        Service = new AttendanceService(AttendanceStore, Sessions, Clock);
    }

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        foreach (var store in new object[] { _sessionStore, _recurringSessionStore, AttendanceStore }.Distinct())
        {
            await StoreDisposal.DisposeAsync(store);
        }
    }

    /// <summary>The id of lesson <paramref name="number"/> (1 to 4) of a course made by <see cref="CreateCourseAsync"/>.</summary>
    protected static string Lesson(int number, string course = "course") =>
        SessionInstanceId.Format(course, Time.Local(2025, 3, 3 + (7 * (number - 1)), 18, 30));

    /// <summary>A mark of one booking at one session.</summary>
    protected static AttendanceMark Mark(string bookingId, string sessionId, AttendanceStatus status = AttendanceStatus.Attended, int? numberOfAttendees = null) => new()
    {
        BookingId = bookingId,
        SessionId = sessionId,
        Status = status,
        NumberOfAttendees = numberOfAttendees,
    };

    /// <summary>Creates a one-hour single session on 2025-03-03 at 10:00 UTC (plus <paramref name="daysLater"/> days).</summary>
    protected Task<Session> CreateClassAsync(string id = YogaClass, int? capacity = 10, int daysLater = 0, CallerContext? caller = null) =>
        Sessions.CreateSessionAsync(caller ?? Host, new NewSession
        {
            Id = id,
            ScheduleId = "room-1",
            ScheduleOwnerId = "teacher-ana",
            Details = new SessionDetails { Title = "Yoga", Capacity = capacity },
            Start = Time.At(Time.Utc(2025, 3, 3 + daysLater, 10)),
            End = Time.At(Time.Utc(2025, 3, 3 + daysLater, 11)),
        }).AsTask();

    /// <summary>Creates a course: Mondays at 18:30 in New York from 2025-03-03, four lessons unless the rule says otherwise.</summary>
    protected Task<RecurringSession> CreateCourseAsync(string id = "course", int? capacity = 8, string rule = "FREQ=WEEKLY;COUNT=4") =>
        Sessions.CreateRecurringSessionAsync(Host, new NewRecurringSession
        {
            Id = id,
            ScheduleId = "room-2",
            ScheduleOwnerId = "teacher-ben",
            Details = new SessionDetails { Title = "Pottery course", Capacity = capacity },
            Start = Time.Local(2025, 3, 3, 18, 30),
            Zone = Time.NewYork,
            Duration = Duration.FromHours(2),
            Rule = RecurrenceRule.Parse(rule),
        }).AsTask();

    /// <summary>Sets attendance as the host (or <paramref name="caller"/>).</summary>
    protected Task<Attendance> SetAsync(
        string bookingId,
        string sessionId,
        AttendanceStatus status = AttendanceStatus.Attended,
        int? numberOfAttendees = null,
        long? expectedRevision = null,
        string? id = null,
        CallerContext? caller = null) =>
        Service.SetAttendanceAsync(caller ?? Host, Mark(bookingId, sessionId, status, numberOfAttendees) with { ExpectedRevision = expectedRevision, Id = id }).AsTask();

    protected Task<Attendance> GetAsync(string id) => Service.GetAttendanceAsync(Host, id).AsTask();

    /// <summary>The first page of a query.</summary>
    protected Task<CursorPage<Attendance>> QueryAsync(AttendanceFilter? filter = null, AttendanceSort? sort = null, int? limit = null, CallerContext? caller = null) =>
        Service.QueryAttendanceAsync(caller ?? Host, new AttendanceQuery { Filter = filter ?? AttendanceFilter.All, Sort = sort ?? AttendanceSort.IdAscending, Limit = limit }).AsTask();

    /// <summary>The page a cursor points to.</summary>
    protected Task<CursorPage<Attendance>> PageAsync(string cursor, CallerContext? caller = null) =>
        Service.QueryAttendanceAsync(caller ?? Host, cursor).AsTask();

    /// <summary>Every page of a query, first to last, following next cursors.</summary>
    protected async Task<List<CursorPage<Attendance>>> WalkForwardAsync(AttendanceFilter? filter = null, AttendanceSort? sort = null, int? limit = null)
    {
        var pages = new List<CursorPage<Attendance>> { await QueryAsync(filter, sort, limit) };
        while (pages[^1].NextCursor is { } cursor)
        {
            pages.Count.Should().BeLessThan(10_000, "a walk must end");
            pages.Add(await PageAsync(cursor));
        }

        return pages;
    }

    /// <summary>Every page before <paramref name="page"/>, nearest first, following previous cursors.</summary>
    protected async Task<List<CursorPage<Attendance>>> WalkBackAsync(CursorPage<Attendance> page)
    {
        var pages = new List<CursorPage<Attendance>>();
        while (page.PreviousCursor is { } cursor)
        {
            pages.Count.Should().BeLessThan(10_000, "a walk must end");
            page = await PageAsync(cursor);
            pages.Add(page);
        }

        return pages;
    }

    protected static List<string> Ids(IEnumerable<Attendance> attendance) => [.. attendance.Select(a => a.Id)];

    protected static Task<SchedulingException> FailsAsync(Func<Task> call, SchedulingErrorCode code, string? field = null) =>
        SchedulingAssert.FailsAsync(call, code, field);
}
