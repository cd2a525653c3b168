using Scheduling.Paging;
using Scheduling.Recurrence;
using Scheduling.Security;
using Scheduling.Sessions;

namespace Scheduling.Stores.ContractTests.Sessions;

/// <summary>
/// The behaviour of <see cref="SessionService"/> over a store pair: every store runs the whole suite, so a store is
/// correct when the API behaves the same on it as on the in-memory default. The aspects are in the partial files
/// (<c>SessionServiceContract.Create.cs</c>, <c>.Instances.cs</c>, ...).
/// </summary>
/// <remarks>
/// The clock starts at 2025-01-01 00:00 UTC, before every example, unless a test moves it. The examples use
/// America/New_York, whose clocks go forward on 2025-03-09.
/// </remarks>
public abstract partial class SessionServiceContract : IAsyncLifetime
{
    protected const string Tenant = "tenant-a";
    protected const string OtherTenant = "tenant-b";

    /// <summary>March 2025 in UTC: the window most tests query.</summary>
    protected static readonly Instant MarchStart = Time.Utc(2025, 3, 1);

    /// <inheritdoc cref="MarchStart"/>
    protected static readonly Instant MarchEnd = Time.Utc(2025, 4, 1);

    private ISessionStore _sessions = null!;
    private IRecurringSessionStore _recurringSessions = null!;

    /// <summary>Gets the clock the service reads.</summary>
    protected FakeClock Clock { get; } = new(Time.Utc(2025, 1, 1));

    /// <summary>Gets the service under test, over empty stores.</summary>
    protected SessionService Service { get; private set; } = null!;

    /// <summary>Gets the trusted host of <see cref="Tenant"/>: it holds every permission.</summary>
    protected static CallerContext Host { get; } = CallerContext.Host(Tenant);

    /// <summary>Gets the trusted host of <see cref="OtherTenant"/>.</summary>
    protected static CallerContext OtherHost { get; } = CallerContext.Host(OtherTenant);

    /// <summary>Makes an empty store pair.</summary>
    protected abstract ValueTask<(ISessionStore Sessions, IRecurringSessionStore RecurringSessions)> CreateStoresAsync();

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        (_sessions, _recurringSessions) = await CreateStoresAsync();
        Service = new SessionService(_sessions, _recurringSessions, Clock);
    }

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        foreach (var store in new object[] { _sessions, _recurringSessions }.Distinct())
        {
            await StoreDisposal.DisposeAsync(store);
        }
    }

    /// <summary>A one-hour session on schedule-1 (owner-1) that starts at <paramref name="start"/>.</summary>
    protected static NewSession OneHour(string id, Instant start) => new()
    {
        Id = id,
        ScheduleId = "schedule-1",
        ScheduleOwnerId = "owner-1",
        Start = Time.At(start),
        End = Time.At(start + Duration.FromHours(1)),
    };

    /// <summary>A weekly class on schedule-1 (owner-1): Mondays at 18:30 in New York from 2025-03-03, an hour long, tagged "yoga".</summary>
    protected static NewRecurringSession WeeklyYoga(string id = "yoga", string rule = "FREQ=WEEKLY") => new()
    {
        Id = id,
        ScheduleId = "schedule-1",
        ScheduleOwnerId = "owner-1",
        Details = new SessionDetails
        {
            Title = "Yoga",
            Tags = ["yoga"],
            Location = "Studio",
            Capacity = 10,
        },
        Start = Time.Local(2025, 3, 3, 18, 30),
        Zone = Time.NewYork,
        Duration = Duration.FromHours(1),
        Rule = RecurrenceRule.Parse(rule),
    };

    /// <summary>The id of the instance of <paramref name="seriesId"/> that the series first gave this local start.</summary>
    protected static string InstanceId(string seriesId, int month, int day, int hour = 18, int minute = 30) =>
        SessionInstanceId.Format(seriesId, Time.Local(2025, month, day, hour, minute));

    protected Task<Session> CreateAsync(NewSession request) => Service.CreateSessionAsync(Host, request).AsTask();

    protected Task<RecurringSession> CreateAsync(NewRecurringSession request) => Service.CreateRecurringSessionAsync(Host, request).AsTask();

    protected Task<Session> GetAsync(string id) => Service.GetSessionAsync(Host, id).AsTask();

    /// <summary>The first page of a query for the host.</summary>
    protected Task<CursorPage<Session>> QueryAsync(Instant from, Instant to, SessionFilter? filter = null, int? pageSize = null, CallerContext? caller = null) =>
        Service.QuerySessionsAsync(caller ?? Host, new SessionQuery { From = from, To = to, Filter = filter ?? SessionFilter.All, PageSize = pageSize }).AsTask();

    /// <summary>Everything a query returns, walking every page (one page of 1,000 unless a page size is given).</summary>
    protected async Task<List<Session>> QueryAllAsync(Instant from, Instant to, SessionFilter? filter = null, int? pageSize = null, CallerContext? caller = null)
    {
        var page = await QueryAsync(from, to, filter, pageSize ?? 1_000, caller);
        var all = new List<Session>(page.Items);
        for (var pages = 1; page.NextCursor is { } cursor; pages++)
        {
            pages.Should().BeLessThan(10_000, "a walk must end");
            page = await Service.QuerySessionsAsync(caller ?? Host, cursor);
            all.AddRange(page.Items);
        }

        return all;
    }

    /// <summary>The ids of everything in March 2025 the filter admits, in query order.</summary>
    protected async Task<List<string>> MarchIdsAsync(SessionFilter? filter = null) =>
        [.. (await QueryAllAsync(MarchStart, MarchEnd, filter)).Select(s => s.Id)];

    protected static Task<SchedulingException> FailsAsync(Func<Task> call, SchedulingErrorCode code, string? field = null) =>
        SchedulingAssert.FailsAsync(call, code, field);
}
