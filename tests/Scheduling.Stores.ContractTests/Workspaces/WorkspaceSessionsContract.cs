using System.Collections.Immutable;
using Scheduling.Paging;
using Scheduling.Recurrence;
using Scheduling.Security;
using Scheduling.Sessions;
using Scheduling.Workspaces;

namespace Scheduling.Stores.ContractTests.Workspaces;

/// <summary>
/// The behaviour of <see cref="WorkspaceSessionService"/>, the workspace "list sessions" view, over a store pair:
/// every store runs the whole suite, so the view reads the same sessions through the same store contracts whatever
/// keeps them. The aspects are in the partial files (<c>.Filters.cs</c>, <c>.Lifecycle.cs</c>, <c>.Shape.cs</c>,
/// <c>.Access.cs</c>).
/// </summary>
/// <remarks>
/// The example is a clinic in New York (clocks go forward on 2025-03-09 and back on 2025-11-02) with two doctors,
/// three services and two clients, and a week of appointments from Monday 2025-03-03 (<see cref="BookWeekAsync"/>).
/// A second clinic shares client and service ids, to show that workspaces never see each other. The clock reads
/// 2025-01-01 unless a test moves it.
/// </remarks>
public abstract partial class WorkspaceSessionsContract : IAsyncLifetime
{
    protected const string Clinic = "clinic-a";
    protected const string OtherClinic = "clinic-b";

    protected const string Smith = "dr-smith";
    protected const string Jones = "dr-jones";
    protected const string John = "john";
    protected const string Mary = "mary";
    protected const string Consultation = "consultation";
    protected const string Checkup = "checkup";
    protected const string XRay = "x-ray";

    /// <summary>The weekly physiotherapy series <see cref="BookWeekAsync"/> books: Mondays at 15:00, four times from 2025-03-03.</summary>
    protected const string Physio = "physio";

    private ISessionStore _sessions = null!;
    private IRecurringSessionStore _recurringSessions = null!;

    /// <summary>Gets the clock both services read.</summary>
    protected FakeClock Clock { get; } = new(Time.Utc(2025, 1, 1));

    /// <summary>Gets the host's directory: both clinics, with names for the first.</summary>
    protected InMemoryWorkspaceDirectory Directory { get; } = new();

    /// <summary>Gets the options both services share, as a host's registration shares them (one cursor key).</summary>
    protected SchedulingOptions Options { get; } = new();

    /// <summary>Gets the sessions API under the view.</summary>
    protected SessionService Sessions { get; private set; } = null!;

    /// <summary>Gets the service under test, over empty stores.</summary>
    protected WorkspaceSessionService Service { get; private set; } = null!;

    /// <summary>Gets the trusted host of <see cref="Clinic"/>.</summary>
    protected static CallerContext Host { get; } = CallerContext.Host(Clinic);

    /// <summary>Gets the trusted host of <see cref="OtherClinic"/>.</summary>
    protected static CallerContext OtherHost { get; } = CallerContext.Host(OtherClinic);

    /// <summary>Makes an empty store pair.</summary>
    protected abstract ValueTask<(ISessionStore Sessions, IRecurringSessionStore RecurringSessions)> CreateStoresAsync();

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        (_sessions, _recurringSessions) = await CreateStoresAsync();
        Directory.AddOrReplaceWorkspace(new Workspace(Clinic, Time.NewYork,
        [
            new FieldDefinition("referral", "Referred by", FieldKind.Choice, ["gp", "self"]),
            new FieldDefinition("referral-date", "Referral date", FieldKind.Date),
            new FieldDefinition("fee", "Fee", FieldKind.Number),
        ]) { Name = "Riverside Clinic" });
        Directory.AddOrReplaceWorkspace(new Workspace(OtherClinic, DateTimeZoneProviders.Tzdb["Europe/London"]));
        Directory.SetName(Clinic, DirectoryEntryKind.Staff, Smith, "Dr. Smith");
        Directory.SetName(Clinic, DirectoryEntryKind.Staff, Jones, "Dr. Jones");
        Directory.SetName(Clinic, DirectoryEntryKind.Client, John, "John Doe");
        Directory.SetName(Clinic, DirectoryEntryKind.Client, Mary, "Mary Major");
        Directory.SetName(Clinic, DirectoryEntryKind.Service, Consultation, "استشارة طبية");
        Directory.SetName(Clinic, DirectoryEntryKind.Service, Checkup, "فحص عام");
        Directory.SetName(Clinic, DirectoryEntryKind.Service, XRay, "X-ray");
        Directory.SetName(OtherClinic, DirectoryEntryKind.Client, John, "John Smith of London");
        Sessions = new SessionService(_sessions, _recurringSessions, Clock, Options);
        Service = new WorkspaceSessionService(Directory, Sessions, Clock, Options);
    }

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        foreach (var store in new object[] { _sessions, _recurringSessions }.Distinct())
        {
            await StoreDisposal.DisposeAsync(store);
        }
    }

    /// <summary>
    /// Books the week of 2025-03-03 in <see cref="Clinic"/>, in New York wall-clock time:
    /// a1 Monday 09:00-10:00 Smith/John/consultation; a2 Tuesday 10:00-11:30 Smith/Mary/consultation+checkup;
    /// a3 Wednesday 14:00-14:45 Jones/John/checkup; a4 Thursday 11:00-12:00 Jones/Mary/x-ray; a5 Friday 16:00-17:00
    /// Smith/John/no service; and <see cref="Physio"/>, Jones/Mary/x-ray, Mondays 15:00-16:00 on 3, 10, 17 and 24 March.
    /// </summary>
    protected async Task BookWeekAsync()
    {
        await BookAsync("a1", Smith, John, Local(3, 3, 9), 60, Consultation);
        await BookAsync("a2", Smith, Mary, Local(3, 4, 10), 90, Consultation, Checkup);
        await BookAsync("a3", Jones, John, Local(3, 5, 14), 45, Checkup);
        await BookAsync("a4", Jones, Mary, Local(3, 6, 11), 60, XRay);
        await BookAsync("a5", Smith, John, Local(3, 7, 16), 60);
        await Service.CreateRecurringSessionAsync(Host, Clinic, new NewRecurringSession
        {
            Id = Physio,
            ScheduleId = $"{Jones}-calendar",
            ScheduleOwnerId = Jones,
            Details = new SessionDetails { Title = "Physiotherapy", ClientId = Mary, ServiceIds = [XRay] },
            Start = Local(3, 3, 15),
            Zone = Time.NewYork,
            Duration = Duration.FromHours(1),
            Rule = RecurrenceRule.Parse("FREQ=WEEKLY;COUNT=4"),
        });
    }

    /// <summary>The id of the physiotherapy instance on that March day (a Monday).</summary>
    protected static string PhysioOn(int day) => SessionInstanceId.Format(Physio, Local(3, day, 15));

    /// <summary>A local date-time in 2025.</summary>
    protected static LocalDateTime Local(int month, int day, int hour, int minute = 0) => Time.Local(2025, month, day, hour, minute);

    /// <summary>An appointment in New York wall-clock time; its end is <paramref name="minutes"/> of elapsed time after its start.</summary>
    protected static NewSession Appointment(string id, string staffId, string? clientId, LocalDateTime start, int minutes, params string[] serviceIds)
    {
        var begins = CalendarDateTime.AtLocal(start, Time.NewYork);
        return new NewSession
        {
            Id = id,
            ScheduleId = $"{staffId}-calendar",
            ScheduleOwnerId = staffId,
            Details = new SessionDetails { Title = "Appointment", ClientId = clientId, ServiceIds = [.. serviceIds] },
            Start = begins,
            End = CalendarDateTime.AtInstant(begins.Timestamp + Duration.FromMinutes(minutes)),
        };
    }

    /// <summary>Books an appointment in <see cref="Clinic"/> as its host.</summary>
    protected Task<WorkspaceSession> BookAsync(string id, string staffId, string? clientId, LocalDateTime start, int minutes, params string[] serviceIds) =>
        Service.CreateSessionAsync(Host, Clinic, Appointment(id, staffId, clientId, start, minutes, serviceIds)).AsTask();

    /// <summary>A query over March 2025 in the clinic's local dates, narrowed by <paramref name="narrow"/>.</summary>
    protected static WorkspaceSessionQuery March(Func<WorkspaceSessionQuery, WorkspaceSessionQuery>? narrow = null)
    {
        var query = new WorkspaceSessionQuery { DateFrom = DateBound.OnDate(new LocalDate(2025, 3, 1)), DateTo = DateBound.OnDate(new LocalDate(2025, 3, 31)) };
        return narrow is null ? query : narrow(query);
    }

    /// <summary>Everything a list returns for <paramref name="caller"/>, walking every page.</summary>
    protected async Task<List<WorkspaceSession>> ListAllAsync(WorkspaceSessionQuery query, CallerContext? caller = null, string workspaceId = Clinic)
    {
        var page = await Service.ListSessionsAsync(caller ?? Host, workspaceId, query);
        var all = new List<WorkspaceSession>(page.Items);
        for (var pages = 1; page.NextCursor is { } cursor; pages++)
        {
            pages.Should().BeLessThan(1_000, "a walk must end");
            page = await Service.ListSessionsAsync(caller ?? Host, workspaceId, cursor);
            all.AddRange(page.Items);
        }

        return all;
    }

    /// <summary>The ids a list returns, in list order.</summary>
    protected async Task<List<string>> IdsAsync(WorkspaceSessionQuery query, CallerContext? caller = null) =>
        [.. (await ListAllAsync(query, caller)).Select(s => s.Id)];

    /// <summary>The one session of <see cref="Clinic"/> with this id, as the list shows it.</summary>
    protected Task<WorkspaceSession> GetAsync(string id) => Service.GetSessionAsync(Host, Clinic, id).AsTask();

    protected static Task<SchedulingException> FailsAsync(Func<Task> call, SchedulingErrorCode code, string? field = null) =>
        SchedulingAssert.FailsAsync(call, code, field);

    /// <summary>The first page of a list, for tests about a single page.</summary>
    protected Task<CursorPage<WorkspaceSession>> FirstPageAsync(WorkspaceSessionQuery query, CallerContext? caller = null, string workspaceId = Clinic) =>
        Service.ListSessionsAsync(caller ?? Host, workspaceId, query).AsTask();

    /// <summary>Service ids as the list shows them, for short assertions.</summary>
    protected static ImmutableArray<string> Services(params string[] ids) => [.. ids];
}
