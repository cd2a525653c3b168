using Scheduling.Recurrence;
using Scheduling.Security;
using Scheduling.Sessions;
using Scheduling.Stores.ContractTests;
using Scheduling.Stores.InMemory;
using Scheduling.Tests.Stores;

namespace Scheduling.Tests.Sessions;

/// <summary>
/// How a call on one session id finds its target: resolved once, a plain id from the session store alone, an id of
/// the instance form from the recurring store after the session store says it holds no such session; and what the
/// edits that run in the store's atomic change cost in store calls.
/// </summary>
public sealed class SessionTargetTest
{
    private const string Tenant = "tenant-1";
    private static readonly CallerContext Host = CallerContext.Host(Tenant);
    private static readonly LocalDateTime Tenth = new(2025, 3, 10, 18, 30);
    private static readonly string Instance = SessionInstanceId.Format("yoga", Tenth);

    private readonly StoreCalls _calls = new();
    private readonly InMemorySessionStore _sessions = new();
    private readonly InMemoryRecurringSessionStore _recurringSessions = new();
    private readonly FakeClock _clock = new(Time.Utc(2025, 2, 1));
    private readonly SessionService _service;

    public SessionTargetTest()
    {
        _service = new SessionService(new CountingSessionStore(_sessions, _calls), new CountingRecurringSessionStore(_recurringSessions, _calls), _clock);
    }

    public static TheoryData<string> CallsOnOneSession =>
    [
        "get", "list", "update", "cancel", "lifecycle", "note", "book", "release", "delete",
    ];

    public static TheoryData<string> CallsThatFindAnInstance =>
    [
        "get", "update", "cancel", "lifecycle", "note", "book", "release", "following",
    ];

    [Theory]
    [MemberData(nameof(CallsOnOneSession))]
    public async Task A_plain_id_never_touches_the_recurring_store(string call)
    {
        await CreateSeriesAsync();
        await CreateSessionAsync("s1");
        _calls.Clear();

        await CallAsync(call, "s1");

        _calls.Made.Should().NotBeEmpty().And.OnlyContain(made => made.StartsWith("sessions.", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CallsOnOneSession))]
    public async Task A_plain_id_that_names_nothing_never_touches_the_recurring_store(string call)
    {
        await CreateSeriesAsync();
        _calls.Clear();

        var lookup = async () => await CallAsync(call, "nope");

        if (call == "list")
        {
            await lookup();
        }
        else
        {
            await SchedulingAssert.FailsAsync(lookup, SchedulingErrorCode.NotFound, "id");
        }

        _calls.Made.Should().NotBeEmpty().And.OnlyContain(made => made.StartsWith("sessions.", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CallsThatFindAnInstance))]
    public async Task An_instance_id_of_a_missing_series_is_not_found_on_id(string call)
    {
        await CreateSeriesAsync();

        var error = await SchedulingAssert.FailsAsync(() => CallAsync(call, SessionInstanceId.Format("pilates", Tenth)), SchedulingErrorCode.NotFound, "id");

        error.Message.Should().Contain("pilates_20250310T183000");
    }

    [Theory]
    [MemberData(nameof(CallsThatFindAnInstance))]
    public async Task An_instance_id_its_rule_does_not_produce_is_not_found_on_id(string call)
    {
        await CreateSeriesAsync();

        // A Tuesday: the weekly rule only produces Mondays.
        await SchedulingAssert.FailsAsync(() => CallAsync(call, SessionInstanceId.Format("yoga", Tenth.PlusDays(1))), SchedulingErrorCode.NotFound, "id");
    }

    [Fact]
    public async Task An_instance_id_of_another_tenants_series_is_not_found_on_id()
    {
        await CreateSeriesAsync();
        var other = CallerContext.Host("tenant-2");

        await SchedulingAssert.FailsAsync(() => _service.CancelSessionAsync(other, Instance, 0).AsTask(), SchedulingErrorCode.NotFound, "id");
        await SchedulingAssert.FailsAsync(() => _service.AddNoteAsync(other, Instance, "hello", "staff-1").AsTask(), SchedulingErrorCode.NotFound, "id");

        (await _service.GetSessionAsync(Host, Instance)).Revision.Should().Be(0, "nothing was written to the series of tenant-1");
    }

    [Fact]
    public async Task A_single_session_whose_id_has_the_instance_form_wins_over_the_instance()
    {
        // Such ids are refused on create now, but a session stored before (or written to the store directly) keeps its id.
        await CreateSeriesAsync();
        await _sessions.InsertAsync(Tenant, StoredSession(Instance), default);
        _calls.Clear();

        var cancelled = await _service.CancelSessionAsync(Host, Instance, 1);

        _calls.Made.Should().Equal("sessions.FindAsync", "sessions.ChangeAsync");
        cancelled.IsInstance.Should().BeFalse();
        cancelled.Status.Should().Be(SessionStatus.Cancelled);
        (await _recurringSessions.FindAsync(Tenant, "yoga", default))!.Overrides.Should().BeEmpty("the instance of the same id was not touched");
    }

    [Fact]
    public async Task Cancelling_an_instance_costs_two_store_calls()
    {
        await CreateSeriesAsync();
        _calls.Clear();

        var cancelled = await _service.CancelSessionAsync(Host, Instance, 0);

        _calls.Made.Should().Equal("sessions.FindAsync", "series.ChangeInstanceAsync");
        cancelled.Status.Should().Be(SessionStatus.Cancelled);
        cancelled.Revision.Should().Be(1);
        cancelled.Should().BeEquivalentTo(await _service.GetSessionAsync(Host, Instance));
    }

    [Fact]
    public async Task Changing_the_lifecycle_status_of_an_instance_costs_two_store_calls()
    {
        await CreateSeriesAsync();
        _clock.Now = Time.Utc(2025, 3, 10, 22, 45);
        _calls.Clear();

        var started = await _service.ChangeLifecycleStatusAsync(Host, Instance, LifecycleStatus.InProgress, 0);

        _calls.Made.Should().Equal("sessions.FindAsync", "series.ChangeInstanceAsync");
        started.Progress.Should().Be(ProgressMark.InProgress);
        started.Should().BeEquivalentTo(await _service.GetSessionAsync(Host, Instance));
    }

    [Fact]
    public async Task Asking_an_instance_for_the_status_it_has_costs_the_same_and_writes_nothing()
    {
        await CreateSeriesAsync();
        _calls.Clear();

        var scheduled = await _service.ChangeLifecycleStatusAsync(Host, Instance, LifecycleStatus.Scheduled, 0);

        _calls.Made.Should().Equal("sessions.FindAsync", "series.ChangeInstanceAsync");
        scheduled.Revision.Should().Be(0);
        (await _recurringSessions.FindAsync(Tenant, "yoga", default))!.Overrides.Should().BeEmpty();
    }

    [Fact]
    public async Task Editing_an_instance_and_adding_a_note_to_it_cost_two_store_calls_each()
    {
        await CreateSeriesAsync();

        _calls.Clear();
        var edited = await _service.UpdateSessionAsync(Host, Instance, new SessionChanges { Details = new SessionDetailsChanges { Title = "Special" } }, 0);
        _calls.Made.Should().Equal("sessions.FindAsync", "series.ChangeInstanceAsync");

        _calls.Clear();
        var noted = await _service.AddNoteAsync(Host, Instance, "Bring mats", "staff-1");
        _calls.Made.Should().Equal("sessions.FindAsync", "series.ChangeInstanceAsync");

        edited.Details.Title.Should().Be("Special");
        noted.Details.Title.Should().Be("Special");
        noted.Details.NoteLog.Select(n => n.Text).Should().Equal("Bring mats");
        noted.Revision.Should().Be(2);
        noted.Should().BeEquivalentTo(await _service.GetSessionAsync(Host, Instance));
    }

    [Fact]
    public async Task Editing_a_single_session_costs_one_store_call_for_each_kind_of_edit()
    {
        await CreateSessionAsync("s1");

        _calls.Clear();
        await _service.UpdateSessionAsync(Host, "s1", new SessionChanges { Details = new SessionDetailsChanges { Title = "Renamed" } }, 1);
        _calls.Made.Should().Equal("sessions.ChangeAsync");

        _calls.Clear();
        await _service.AddNoteAsync(Host, "s1", "Bring mats", "staff-1");
        _calls.Made.Should().Equal("sessions.ChangeAsync");

        _calls.Clear();
        var cancelled = await _service.CancelSessionAsync(Host, "s1", 3);
        _calls.Made.Should().Equal("sessions.ChangeAsync");

        cancelled.Details.Title.Should().Be("Renamed");
        cancelled.Details.NoteLog.Should().ContainSingle();
        cancelled.Revision.Should().Be(4);
    }

    [Theory]
    [InlineData("update")]
    [InlineData("cancel")]
    [InlineData("lifecycle")]
    public async Task A_stale_revision_of_an_instance_is_a_conflict_on_expectedRevision_and_writes_nothing(string call)
    {
        await CreateSeriesAsync();
        await _service.UpdateSessionAsync(Host, Instance, new SessionChanges { Details = new SessionDetailsChanges { Title = "Special" } }, 0);

        var error = await SchedulingAssert.FailsAsync(() => CallAsync(call, Instance, expectedRevision: 0), SchedulingErrorCode.Conflict, "expectedRevision");

        error.Message.Should().Be($"'{Instance}' is at revision 1, not 0: read it again and retry.");
        var instance = await _service.GetSessionAsync(Host, Instance);
        instance.Revision.Should().Be(1);
        instance.Status.Should().Be(SessionStatus.Confirmed);
    }

    [Fact]
    public async Task Of_two_cancellations_from_one_revision_exactly_one_lands()
    {
        await CreateSeriesAsync();
        await CreateSessionAsync("s1");

        foreach (var id in new[] { Instance, "s1" })
        {
            var revision = (await _service.GetSessionAsync(Host, id)).Revision;
            var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                try
                {
                    await _service.CancelSessionAsync(Host, id, revision);
                    return "cancelled";
                }
                catch (SchedulingException exception) when (exception.Code == SchedulingErrorCode.Conflict && exception.Field == "expectedRevision")
                {
                    return "conflict";
                }
            })));

            outcomes.Count(o => o == "cancelled").Should().Be(1, "each call checked the revision {0} of '{1}' in the store's atomic change", revision, id);
            (await _service.GetSessionAsync(Host, id)).Revision.Should().Be(revision + 1);
        }
    }

    [Fact]
    public async Task Notes_added_at_once_to_one_instance_all_land()
    {
        await CreateSeriesAsync();

        await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () => await _service.AddNoteAsync(Host, Instance, $"note {i}", "staff-1"))));

        var instance = await _service.GetSessionAsync(Host, Instance);
        instance.Details.NoteLog.Select(n => n.Text).Should().BeEquivalentTo(Enumerable.Range(0, 16).Select(i => $"note {i}"));
        instance.Revision.Should().Be(16);
    }

    private async Task CallAsync(string call, string id, long expectedRevision = 1)
    {
        switch (call)
        {
            case "get":
                await _service.GetSessionAsync(Host, id);
                break;
            case "list":
                await _service.ListSessionsAsync(Host, [id]);
                break;
            case "update":
                await _service.UpdateSessionAsync(Host, id, new SessionChanges { Details = new SessionDetailsChanges { Title = "Renamed" } }, expectedRevision);
                break;
            case "cancel":
                await _service.CancelSessionAsync(Host, id, expectedRevision);
                break;
            case "lifecycle":
                await _service.ChangeLifecycleStatusAsync(Host, id, LifecycleStatus.Cancelled, expectedRevision);
                break;
            case "note":
                await _service.AddNoteAsync(Host, id, "Bring mats", "staff-1");
                break;
            case "book":
                await _service.AddParticipantAsync(Host, id, new Participant("p1"));
                break;
            case "release":
                await _service.RemoveParticipantAsync(Host, id, "p1");
                break;
            case "delete":
                await _service.DeleteSessionAsync(Host, id, expectedRevision);
                break;
            case "following":
                await _service.UpdateFollowingAsync(Host, id, new RecurringSessionChanges { Details = new SessionDetailsChanges { Title = "Renamed" } }, expectedRevision);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(call), call, "No such call.");
        }
    }

    private Task CreateSeriesAsync() => _service.CreateRecurringSessionAsync(Host, new NewRecurringSession
    {
        Id = "yoga",
        ScheduleId = "schedule-1",
        ScheduleOwnerId = "owner-1",
        Details = new SessionDetails { Capacity = 10 },
        Start = new LocalDateTime(2025, 3, 3, 18, 30),
        Zone = Time.NewYork,
        Duration = Duration.FromHours(1),
        Rule = RecurrenceRule.Parse("FREQ=WEEKLY"),
    }).AsTask();

    private Task CreateSessionAsync(string id) => _service.CreateSessionAsync(Host, new NewSession
    {
        Id = id,
        ScheduleId = "schedule-1",
        ScheduleOwnerId = "owner-1",
        Start = Time.At(Time.Utc(2025, 3, 3, 10)),
        End = Time.At(Time.Utc(2025, 3, 3, 11)),
    }).AsTask();

    private static Session StoredSession(string id) => new()
    {
        Id = id,
        ScheduleId = "schedule-1",
        ScheduleOwnerId = "owner-1",
        Start = Time.At(Time.Utc(2025, 3, 3, 10)),
        End = Time.At(Time.Utc(2025, 3, 3, 11)),
        Revision = 1,
    };
}
