using BenchmarkDotNet.Attributes;
using NodaTime;
using Scheduling.Paging;
using Scheduling.Recurrence;
using Scheduling.Security;
using Scheduling.Sessions;
using Scheduling.Stores.InMemory;
using Scheduling.Workspaces;

namespace Scheduling.Benchmarks;

/// <summary>
/// Measures the workspace "list sessions" view on the in-memory store for a busy clinic group: 50 staff, 1,000
/// clients, 30 services, 2,000 weekly appointments and 20,000 single appointments over the year, in Europe/London.
/// The baseline is the same first page through the sessions API with the same filter, so the difference is what the
/// view costs: the workspace and access checks, three directory lookups and the mapping to <see cref="WorkspaceSession"/>.
/// </summary>
/// <remarks>March 2025 is listed: it holds London's spring-forward change.</remarks>
[MemoryDiagnoser]
public class WorkspaceListBenchmarks
{
    private const string Clinic = "clinic";
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private readonly CallerContext _caller = CallerContext.Member(Clinic, "reception", Permissions.SessionsView);
    private SessionService _sessions = null!;
    private WorkspaceSessionService _workspaces = null!;
    private WorkspaceSessionQuery _march = null!;
    private SessionQuery _marchAsSessions = null!;

    /// <summary>Books the clinic group and names everyone in the directory.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var clock = new FixedClock(Instant.FromUtc(2025, 3, 12, 12, 0));
        var options = new SchedulingOptions();
        _sessions = new SessionService(new InMemorySessionStore(), new InMemoryRecurringSessionStore(), clock, options);
        var directory = new InMemoryWorkspaceDirectory();
        directory.AddOrReplaceWorkspace(new Workspace(Clinic, London));
        for (var i = 0; i < 50; i++)
        {
            directory.SetName(Clinic, DirectoryEntryKind.Staff, Staff(i), $"Dr. Staff {i}");
        }

        for (var i = 0; i < 1_000; i++)
        {
            directory.SetName(Clinic, DirectoryEntryKind.Client, Client(i), $"Client {i}");
        }

        for (var i = 0; i < 30; i++)
        {
            directory.SetName(Clinic, DirectoryEntryKind.Service, Service(i), $"Service {i}");
        }

        _workspaces = new WorkspaceSessionService(directory, _sessions, clock, options);
        var host = CallerContext.Host(Clinic);
        var weekly = RecurrenceRule.Parse("FREQ=WEEKLY");
        for (var i = 0; i < 2_000; i++)
        {
            _workspaces.CreateRecurringSessionAsync(host, Clinic, new NewRecurringSession
            {
                ScheduleId = Staff(i % 50),
                ScheduleOwnerId = Staff(i % 50),
                Details = new SessionDetails
                {
                    Title = "Weekly appointment",
                    ClientId = Client(i % 1_000),
                    ServiceIds = i % 3 == 0 ? [Service(i % 30), Service((i + 7) % 30)] : [Service(i % 30)],
                },
                Start = new LocalDateTime(2025, 1, 6, 8 + (i % 9), i % 4 * 15).PlusDays(i % 5),
                Zone = London,
                Duration = Duration.FromMinutes(45),
                Rule = weekly,
            }).AsTask().GetAwaiter().GetResult();
        }

        for (var i = 0; i < 20_000; i++)
        {
            var start = CalendarDateTime.AtLocal(new LocalDateTime(2025, 1, 1, 8, 0).PlusMinutes(i * 26L), London);
            _workspaces.CreateSessionAsync(host, Clinic, new NewSession
            {
                ScheduleId = Staff(i % 50),
                ScheduleOwnerId = Staff(i % 50),
                Details = new SessionDetails { Title = "Appointment", ClientId = Client((i * 7) % 1_000), ServiceIds = [Service(i % 30)] },
                Start = start,
                End = CalendarDateTime.AtInstant(start.Timestamp + Duration.FromMinutes(30)),
            }).AsTask().GetAwaiter().GetResult();
        }

        _march = WorkspaceSessionQuery.FromParameters(dateFrom: "2025-03-01", dateTo: "2025-03-31");
        _marchAsSessions = new SessionQuery
        {
            From = new LocalDate(2025, 3, 1).AtStartOfDayInZone(London).ToInstant(),
            To = new LocalDate(2025, 4, 1).AtStartOfDayInZone(London).ToInstant(),
            Filter = SessionFilter.TypeIs(SessionType.Event).And(SessionFilter.StatusIn(SessionStatus.Confirmed, SessionStatus.Cancelled)),
        };
    }

    /// <summary>The baseline: the first page of 100 of March through the sessions API, same window and filter.</summary>
    [Benchmark(Baseline = true)]
    public CursorPage<Session> SessionsApiFirstPage() => _sessions.QuerySessionsAsync(_caller, _marchAsSessions).AsTask().GetAwaiter().GetResult();

    /// <summary>The first page of 100 of March through the workspace view, names resolved.</summary>
    [Benchmark]
    public CursorPage<WorkspaceSession> FirstPage() => _workspaces.ListSessionsAsync(_caller, Clinic, _march).AsTask().GetAwaiter().GetResult();

    /// <summary>One client's March (about a dozen sessions, most of them instances).</summary>
    [Benchmark]
    public CursorPage<WorkspaceSession> ByClient() => _workspaces.ListSessionsAsync(_caller, Clinic, _march with { ClientId = Client(42) }).AsTask().GetAwaiter().GetResult();

    /// <summary>The first page of March's sessions with either of two services.</summary>
    [Benchmark]
    public CursorPage<WorkspaceSession> ByAnyOfTwoServices() => _workspaces.ListSessionsAsync(_caller, Clinic, _march with { ServiceIds = [Service(3), Service(17)] }).AsTask().GetAwaiter().GetResult();

    /// <summary>The first page of March's sessions still scheduled at the clock's instant (12 March, noon).</summary>
    [Benchmark]
    public CursorPage<WorkspaceSession> ByStatusScheduled() => _workspaces.ListSessionsAsync(_caller, Clinic, _march with { Status = LifecycleStatus.Scheduled }).AsTask().GetAwaiter().GetResult();

    /// <summary>One staff member's March, first page.</summary>
    [Benchmark]
    public CursorPage<WorkspaceSession> ByStaff() => _workspaces.ListSessionsAsync(_caller, Clinic, _march with { StaffId = Staff(7) }).AsTask().GetAwaiter().GetResult();

    private static string Staff(int i) => $"staff-{i}";

    private static string Client(int i) => $"client-{i}";

    private static string Service(int i) => $"service-{i}";
}
