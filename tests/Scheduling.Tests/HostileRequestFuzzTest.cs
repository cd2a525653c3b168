using System.Collections.Immutable;
using Scheduling.Attendance;
using Scheduling.Security;
using Scheduling.Sessions;
using Scheduling.Stores.ContractTests;
using Scheduling.Stores.InMemory;
using Scheduling.Testing;
using Scheduling.Workspaces;

namespace Scheduling.Tests;

/// <summary>
/// Generated hostile requests through the whole public service API (sessions, attendance, workspaces) over the
/// in-memory stores: nulls in members, garbage rule text and unknown zones through <see cref="SessionText"/>, empty
/// and strange ids, values out of range, undefined enum values, broken filters, sorts and cursors. Whatever a call
/// refuses, the refusal is a <see cref="SchedulingException"/>, and an invalid argument names its field.
/// </summary>
/// <remarks>
/// Every request starts from a valid one and changes a few of its values, so that some calls succeed and the state
/// grows (sessions, series, bookings, attendance) while later calls meet it. Whole arguments are never null here:
/// that is a programming error, an <see cref="ArgumentNullException"/>, tested beside each service (<c>SessionServiceTest.Errors.cs</c>).
/// </remarks>
public sealed class HostileRequestFuzzTest
{
    private const string Tenant = "tenant-a";

    private static readonly string?[] Ids =
    [
        null, "", " ", "\t\n", "s1", "s2", "yoga", "yoga_20250303T183000", "yoga_20250310T183000", "yoga_99999999T999999",
        "_", "a_b", "\u0000", "caf\u00e9", "\ud800", new string('x', 5_000), "b1", "p1", Tenant, "tenant-b",
    ];

    private static readonly string?[] Texts = [null, "", "   ", "Yoga", "\u0000\u0001", "\ud800", new string('t', 100_000)];

    private static readonly string?[] RuleTexts =
    [
        null, "", " ", "FREQ=WEEKLY", "FREQ=DAILY;COUNT=3", "FREQ=WEEKLY;BYDAY=MO,WE", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=SECONDLY", "FREQ=MINUTELY;INTERVAL=999999999", "FREQ=DAILY;COUNT=1000000", "FREQ=DAILY;UNTIL=20250101T000000Z",
        "FREQ=DAILY;UNTIL=99991230T000000Z", "FREQ=WEEKLY;UNTIL=00010103", "FREQ=MONTHLY;BYDAY=6MO", "FREQ=DAILY;COUNT=0",
        "FREQ=WEEKLY;COUNT=2;UNTIL=20250401T000000Z", "FREQ=HOURLY;BYSETPOS=0", "freq=weekly;;", "FREQ=WEEKLY;BYDAY=XX",
        "FREQ=DAILY;BYHOUR=25", "RRULE:FREQ=DAILY", "FREQ=YEARLY;BYWEEKNO=53;BYDAY=MO", new string(';', 10_000),
        "FREQ=DAILY;INTERVAL=" + new string('9', 400),
    ];

    private static readonly string?[] ZoneIds =
    [
        null, "", " ", "UTC", "America/New_York", "Europe/Zurich", "Mars/Olympus_Mons", "america/new_york", "Etc/GMT+14", "+01:00",
        new string('Z', 10_000),
    ];

    private static readonly Instant[] Instants =
    [
        Instant.MinValue, Instant.MaxValue, Time.Utc(1, 1, 1), Time.Utc(1, 1, 2), Time.Utc(2025, 3, 3, 23, 30), Time.Utc(2025, 3, 10),
        Time.Utc(9999, 12, 30), Time.Utc(9999, 12, 31), Instant.FromUnixTimeTicks(1), Time.Utc(2025, 3, 9, 7),
    ];

    private static readonly LocalDateTime[] LocalTimes =
    [
        new(1, 1, 1, 0, 0), new(1, 1, 2, 0, 0), new(2025, 3, 3, 18, 30), new(2025, 3, 9, 2, 30), new(2025, 11, 2, 1, 30),
        new LocalDateTime(2025, 3, 3, 18, 30).PlusMilliseconds(500), new(9999, 12, 30, 23, 59), new(9999, 12, 31, 23, 59),
    ];

    private static readonly Duration[] Durations =
    [
        Duration.Zero, Duration.Epsilon, -Duration.Epsilon, Duration.FromHours(1), Duration.FromDays(-1), Duration.FromDays(400),
        Duration.FromDays(3_650_000), Duration.MaxValue, Duration.MinValue, Duration.FromMilliseconds(1),
    ];

    private static readonly int?[] Numbers = [null, int.MinValue, -1, 0, 1, 2, 5, 100, 1_001, int.MaxValue];

    private static readonly long[] Revisions = [long.MinValue, -1, 0, 1, 2, 3, long.MaxValue];

    private readonly FakeClock _clock = new(Time.Utc(2025, 1, 1));
    private readonly SessionService _sessions;
    private readonly AttendanceService _attendance;
    private readonly WorkspaceSessionService _workspaces;
    private readonly InMemoryWorkspaceDirectory _directory = new();
    private readonly List<string> _cursors = [];

    public HostileRequestFuzzTest()
    {
        _sessions = new SessionService(new InMemorySessionStore(), new InMemoryRecurringSessionStore(), _clock);
        _attendance = new AttendanceService(new InMemoryAttendanceStore(), _sessions, _clock);
        _workspaces = new WorkspaceSessionService(_directory, _sessions, _clock);
        _directory.AddOrReplaceWorkspace(new Workspace(Tenant, Time.NewYork, [new FieldDefinition("referral", "Referral", FieldKind.Text)]));
    }

    [Fact]
    public async Task Every_refusal_of_a_hostile_request_is_a_scheduling_exception_naming_its_field()
    {
        var random = PropertyRuns.RandomSource(salt: 11);
        var operations = Operations();
        var refused = new Dictionary<SchedulingErrorCode, int>();
        var succeeded = 0;
        for (var i = 0; i < PropertyRuns.Cases(1_500); i++)
        {
            var (name, call) = operations[random.Next(operations.Length)];
            var run = call(random);
            var failure = await Record(run);
            if (failure is null)
            {
                succeeded++;
                continue;
            }

            failure.Should().BeOfType<SchedulingException>("call {0} (case {1}) failed with {2}", name, i, failure);
            var error = (SchedulingException)failure;
            if (error.Code == SchedulingErrorCode.InvalidArgument)
            {
                error.Field.Should().NotBeNullOrWhiteSpace("an invalid argument names its field ({0}, case {1}: {2})", name, i, error.Message);
            }

            error.Message.Should().NotBeNullOrWhiteSpace();
            refused[error.Code] = refused.GetValueOrDefault(error.Code) + 1;
        }

        // The requests are hostile, not hopeless: both outcomes are exercised.
        succeeded.Should().BeGreaterThan(PropertyRuns.Cases(1_500) / 20);
        refused.GetValueOrDefault(SchedulingErrorCode.InvalidArgument).Should().BeGreaterThan(PropertyRuns.Cases(1_500) / 10);
    }

    private static async Task<Exception?> Record(Func<Task> call)
    {
        try
        {
            await call().WaitAsync(TimeSpan.FromSeconds(30));
            return null;
        }
        catch (TimeoutException exception)
        {
            return exception;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    private (string Name, Func<Random, Func<Task>> Call)[] Operations() =>
    [
        ("CreateSession", r => async () => await _sessions.CreateSessionAsync(Caller(r), NewSession(r))),
        ("CreateRecurringSession", r => async () => await _sessions.CreateRecurringSessionAsync(Caller(r), NewSeries(r))),
        ("GetSession", r => async () => await _sessions.GetSessionAsync(Caller(r), Pick(r, Ids)!, Pick(r, Fieldsets))),
        ("GetRecurringSession", r => async () => await _sessions.GetRecurringSessionAsync(Caller(r), Pick(r, Ids)!)),
        ("ListSessions", r => async () => await _sessions.ListSessionsAsync(Caller(r), IdList(r), Pick(r, Fieldsets))),
        ("UpdateSession", r => async () => await _sessions.UpdateSessionAsync(Caller(r), Pick(r, Ids)!, SessionChanges(r), Pick(r, Revisions))),
        ("UpdateRecurringSession", r => async () => await _sessions.UpdateRecurringSessionAsync(Caller(r), Pick(r, Ids)!, SeriesChanges(r), Pick(r, Revisions))),
        ("UpdateFollowing", r => async () => await _sessions.UpdateFollowingAsync(Caller(r), Pick(r, Ids)!, SeriesChanges(r), Pick(r, Revisions))),
        ("CancelSession", r => async () => await _sessions.CancelSessionAsync(Caller(r), Pick(r, Ids)!, Pick(r, Revisions))),
        ("CancelRecurringSession", r => async () => await _sessions.CancelRecurringSessionAsync(Caller(r), Pick(r, Ids)!, Pick(r, Revisions))),
        ("DeleteSession", r => async () => await _sessions.DeleteSessionAsync(Caller(r), Pick(r, Ids)!, Pick(r, Revisions))),
        ("DeleteRecurringSession", r => async () => await _sessions.DeleteRecurringSessionAsync(Caller(r), Pick(r, Ids)!, Pick(r, Revisions))),
        ("AddParticipant", r => async () => await _sessions.AddParticipantAsync(Caller(r), Pick(r, Ids)!, Participant(r))),
        ("ChangeLifecycleStatus", r => async () => await _sessions.ChangeLifecycleStatusAsync(Caller(r), Pick(r, Ids)!, (LifecycleStatus)r.Next(-1, 6), Pick(r, Revisions))),
        ("AddNote", r => async () => await _sessions.AddNoteAsync(Caller(r), Pick(r, Ids)!, Pick(r, Texts)!, Pick(r, Ids))),
        ("QuerySessions", r => async () => Keep((await _sessions.QuerySessionsAsync(Caller(r), SessionQuery(r))).NextCursor)),
        ("QuerySessionsByCursor", r => async () => Keep((await _sessions.QuerySessionsAsync(Caller(r), Cursor(r))).NextCursor)),
        ("SetAttendance", r => async () => await _attendance.SetAttendanceAsync(Caller(r), Mark(r))),
        ("BulkSetAttendance", r => async () => await _attendance.BulkSetAttendanceAsync(Caller(r), [.. Enumerable.Range(0, r.Next(0, 4)).Select(_ => r.Next(8) == 0 ? null! : Mark(r))], (BulkAttendanceMode)r.Next(-1, 3))),
        ("GetAttendance", r => async () => await _attendance.GetAttendanceAsync(Caller(r), Pick(r, Ids)!)),
        ("DeleteAttendance", r => async () => await _attendance.DeleteAttendanceAsync(Caller(r), Pick(r, Ids)!, r.Next(2) == 0 ? null : Pick(r, Revisions))),
        ("QueryAttendance", r => async () => Keep((await _attendance.QueryAttendanceAsync(Caller(r), AttendanceQuery(r))).NextCursor)),
        ("QueryAttendanceByCursor", r => async () => Keep((await _attendance.QueryAttendanceAsync(Caller(r), Cursor(r))).NextCursor)),
        ("SummarizeSession", r => async () => await _attendance.SummarizeSessionAsync(Caller(r), Pick(r, Ids)!)),
        ("SummarizeSessions", r => async () => await _attendance.SummarizeSessionsAsync(Caller(r), IdList(r))),
        ("SummarizeBooking", r => async () => await _attendance.SummarizeBookingAsync(Caller(r), Pick(r, Ids)!)),
        ("SummarizeBookings", r => async () => await _attendance.SummarizeBookingsAsync(Caller(r), IdList(r))),
        ("ListWorkspaceSessions", r => async () => Keep((await _workspaces.ListSessionsAsync(Caller(r), Pick(r, Ids)!, WorkspaceQuery(r))).NextCursor)),
        ("ListWorkspaceSessionsByCursor", r => async () => Keep((await _workspaces.ListSessionsAsync(Caller(r), Pick(r, Ids)!, Cursor(r))).NextCursor)),
        ("GetWorkspaceSession", r => async () => await _workspaces.GetSessionAsync(Caller(r), Pick(r, Ids)!, Pick(r, Ids)!)),
        ("CreateWorkspaceSession", r => async () => await _workspaces.CreateSessionAsync(Caller(r), Pick(r, Ids)!, NewSession(r))),
        ("CreateWorkspaceRecurringSession", r => async () => await _workspaces.CreateRecurringSessionAsync(Caller(r), Pick(r, Ids)!, NewSeries(r))),
        ("UpdateWorkspaceSession", r => async () => await _workspaces.UpdateSessionAsync(Caller(r), Pick(r, Ids)!, Pick(r, Ids)!, SessionChanges(r), Pick(r, Revisions))),
        ("UpdateWorkspaceRecurringSession", r => async () => await _workspaces.UpdateRecurringSessionAsync(Caller(r), Pick(r, Ids)!, Pick(r, Ids)!, SeriesChanges(r), Pick(r, Revisions))),
        ("ChangeWorkspaceStatus", r => async () => await _workspaces.ChangeStatusAsync(Caller(r), Pick(r, Ids)!, Pick(r, Ids)!, (LifecycleStatus)r.Next(-1, 6), Pick(r, Revisions))),
        ("AddWorkspaceNote", r => async () => await _workspaces.AddNoteAsync(Caller(r), Pick(r, Ids)!, Pick(r, Ids)!, Pick(r, Texts)!, Pick(r, Ids))),
        ("Advance clock", r => () =>
        {
            _clock.Advance(Duration.FromHours(r.Next(-48, 24 * 30)));
            return Task.CompletedTask;
        }),
    ];

    private static readonly SessionFieldset[] Fieldsets = [SessionFieldset.Default, SessionFieldset.AllPersonalInformation, (SessionFieldset)7];

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];

    /// <summary>Mostly the host or a member of staff of the tenant; now and then another tenant or a caller with an empty id.</summary>
    private static CallerContext Caller(Random random) => random.Next(10) switch
    {
        < 6 => CallerContext.Host(Tenant),
        6 => CallerContext.Staff(Tenant, Pick(random, Ids)!, Permissions.SessionsManage, Permissions.SessionsView, Permissions.AttendanceManage, Permissions.AttendanceView),
        7 => CallerContext.Member(Pick(random, Ids)!, Pick(random, Ids)!, Permissions.SessionsView),
        8 => CallerContext.Anonymous(Tenant),
        _ => CallerContext.Host(Pick(random, Ids)!).Elevate(),
    };

    private static IReadOnlyCollection<string> IdList(Random random) => [.. Enumerable.Range(0, random.Next(0, 5)).Select(_ => Pick(random, Ids)!)];

    private static CalendarDateTime CalendarTime(Random random) => random.Next(3) switch
    {
        0 => CalendarDateTime.AtInstant(Pick(random, Instants)),
        1 => CalendarDateTime.AtLocal(Pick(random, LocalTimes), SessionText.ParseZone(Pick(random, ZoneIds))),
        _ => default,
    };

    private static ImmutableArray<string> Strings(Random random) => random.Next(4) switch
    {
        0 => default,
        1 => [],
        2 => [Pick(random, Ids)!],
        _ => [.. Enumerable.Range(0, random.Next(1, 120)).Select(i => $"t{i % 60}")],
    };

    private static ImmutableArray<Participant> Participants(Random random) => random.Next(4) switch
    {
        0 => default,
        1 => [],
        2 => [null!],
        _ => [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => Participant(random))],
    };

    private static Participant Participant(Random random) => new(Pick(random, Ids)!, Pick(random, Texts), Pick(random, Texts), Pick(random, Texts));

    private static ImmutableArray<FieldValue> FieldValues(Random random) => random.Next(5) switch
    {
        0 => default,
        1 => [],
        2 => [null!],
        3 => [FieldValue.OfText(Pick(random, Ids)!, Pick(random, Texts)!)],
        _ => [FieldValue.OfChoice(Pick(random, Ids)!, Pick(random, Ids)!), FieldValue.OfNumber("referral", 1m)],
    };

    private static ImmutableArray<Attachment> Attachments(Random random) => random.Next(4) switch
    {
        0 => default,
        1 => [null!],
        2 => [new Attachment(Pick(random, Ids)!, Pick(random, Texts)!, Pick(random, Ids)!, Pick(random, Instants)) { SizeBytes = Pick(random, Numbers) }],
        _ => [],
    };

    private static ImmutableArray<SessionNote> Notes(Random random) => random.Next(3) switch
    {
        0 => default,
        1 => [null!],
        _ => [new SessionNote(Pick(random, Ids)!, Pick(random, Ids)!, Pick(random, Texts)!, Pick(random, Instants))],
    };

    private static NameSnapshot? Names(Random random) => random.Next(3) switch
    {
        0 => null,
        1 => NameSnapshot.Empty.WithClient(Pick(random, Ids)!, Pick(random, Texts)!),
        _ => NameSnapshot.Empty.WithStaff(Pick(random, Ids)!, Pick(random, Texts)!).WithService(Pick(random, Ids)!, Pick(random, Texts)!),
    };

    private static NewSession NewSession(Random random)
    {
        var start = Time.Utc(2025, 3, 3, 23, 30) + Duration.FromHours(random.Next(0, 24 * 30));
        var request = new NewSession
        {
            Id = random.Next(3) == 0 ? null : $"s{random.Next(6)}",
            ScheduleId = "schedule-1",
            ScheduleOwnerId = "owner-1",
            Start = CalendarDateTime.AtInstant(start),
            End = CalendarDateTime.AtInstant(start + Duration.FromHours(1)),
        };
        for (var changes = random.Next(0, 4); changes > 0; changes--)
        {
            request = random.Next(17) switch
            {
                0 => request with { Id = Pick(random, Ids) },
                1 => request with { ScheduleId = Pick(random, Ids)! },
                2 => request with { ScheduleOwnerId = Pick(random, Ids)! },
                3 => request with { Type = (SessionType)random.Next(-1, 5) },
                4 => request with { Details = request.Details with { Title = Pick(random, Texts) } },
                5 => request with { Details = request.Details with { Tags = Strings(random) } },
                6 => request with { Details = request.Details with { Capacity = Pick(random, Numbers) } },
                7 => request with { Participants = Participants(random) },
                8 => request with { Details = request.Details with { ClientId = Pick(random, Ids) } },
                9 => request with { Details = request.Details with { ServiceIds = Strings(random) } },
                10 => request with { Details = request.Details with { FieldValues = FieldValues(random) } },
                11 => request with { Details = request.Details with { Attachments = Attachments(random) } },
                12 => request with { Details = request.Details with { NoteLog = Notes(random) } },
                13 => request with { Details = request.Details with { Invoice = random.Next(2) == 0 ? null : new InvoiceReference(Pick(random, Ids)!) { Number = Pick(random, Texts) } } },
                14 => request with { Details = request.Details with { Names = Names(random) } },
                15 => request with { Start = CalendarTime(random) },
                _ => request with { End = CalendarTime(random) },
            };
        }

        return request;
    }

    private static NewRecurringSession NewSeries(Random random)
    {
        var request = new NewRecurringSession
        {
            Id = random.Next(2) == 0 ? "yoga" : $"r{random.Next(4)}",
            ScheduleId = "schedule-1",
            ScheduleOwnerId = "owner-1",
            Start = new LocalDateTime(2025, 3, 3, 18, 30),
            Zone = Time.NewYork,
            Duration = Duration.FromHours(1),
            Rule = SessionText.ParseRule("FREQ=WEEKLY"),
        };
        for (var changes = random.Next(0, 4); changes > 0; changes--)
        {
            request = random.Next(13) switch
            {
                0 => request with { Id = Pick(random, Ids) },
                1 => request with { ScheduleId = Pick(random, Ids)! },
                2 => request with { Details = request.Details with { Title = Pick(random, Texts) } },
                3 => request with { Details = request.Details with { Tags = Strings(random) } },
                4 => request with { Details = request.Details with { Capacity = Pick(random, Numbers) } },
                5 => request with { Details = request.Details with { ClientId = Pick(random, Ids) } },
                6 => request with { Details = request.Details with { FieldValues = FieldValues(random) } },
                7 => request with { Start = Pick(random, LocalTimes) },
                8 => request with { Zone = random.Next(3) == 0 ? null! : SessionText.ParseZone(Pick(random, ZoneIds)) },
                9 => request with { Duration = Pick(random, Durations) },
                10 => request with { Rule = random.Next(4) == 0 ? null! : SessionText.ParseRule(Pick(random, RuleTexts)) },
                11 => request with { Details = request.Details with { Attachments = Attachments(random), NoteLog = Notes(random) } },
                _ => request with { Details = request.Details with { ServiceIds = Strings(random), Names = Names(random) } },
            };
        }

        return request;
    }

    private static SessionChanges SessionChanges(Random random)
    {
        var changes = new SessionChanges();
        for (var count = random.Next(0, 4); count > 0; count--)
        {
            changes = random.Next(10) switch
            {
                0 => changes with { Details = changes.Details with { Title = Pick(random, Texts) } },
                1 => changes with { Details = changes.Details with { Tags = Strings(random) } },
                2 => changes with { Details = changes.Details with { Capacity = Pick(random, Numbers) } },
                3 => changes with { Details = changes.Details with { ClientId = Pick(random, Ids) } },
                4 => changes with { Details = changes.Details with { ServiceIds = Strings(random) } },
                5 => changes with { Details = changes.Details with { FieldValues = FieldValues(random) } },
                6 => changes with { Details = changes.Details with { Attachments = Attachments(random) } },
                7 => changes with { Start = CalendarTime(random) },
                8 => changes with { End = CalendarTime(random) },
                _ => changes with { Details = changes.Details with { Names = Names(random), Invoice = null, Notes = Pick(random, Texts), Location = Pick(random, Texts) } },
            };
        }

        return changes;
    }

    private static RecurringSessionChanges SeriesChanges(Random random)
    {
        var changes = new RecurringSessionChanges();
        for (var count = random.Next(0, 4); count > 0; count--)
        {
            changes = random.Next(8) switch
            {
                0 => changes with { Details = changes.Details with { Title = Pick(random, Texts) } },
                1 => changes with { Details = changes.Details with { Tags = Strings(random) } },
                2 => changes with { Details = changes.Details with { Capacity = Pick(random, Numbers) } },
                3 => changes with { Start = Pick(random, LocalTimes) },
                4 => changes with { Duration = Pick(random, Durations) },
                5 => changes with { Rule = random.Next(4) == 0 ? new Optional<Scheduling.Recurrence.RecurrenceRule>(null!) : SessionText.ParseRule(Pick(random, RuleTexts)) },
                6 => changes with { Details = changes.Details with { FieldValues = FieldValues(random), Attachments = Attachments(random) } },
                _ => changes with { Details = changes.Details with { ClientId = Pick(random, Ids), ServiceIds = Strings(random) } },
            };
        }

        return changes;
    }

    private static SessionQuery SessionQuery(Random random)
    {
        var from = random.Next(3) == 0 ? Pick(random, Instants) : Time.Utc(2025, 3, 1);
        var query = new SessionQuery { From = from, To = random.Next(3) == 0 ? Pick(random, Instants) : Plus(from, Duration.FromDays(random.Next(-1, 400))) };
        return random.Next(6) switch
        {
            0 => query with { Filter = null! },
            1 => query with { Filter = SessionFilter.Parse(Pick(random, FilterTexts)!) },
            2 => query with { PageSize = Pick(random, Numbers) },
            3 => query with { Fieldset = Pick(random, Fieldsets) },
            4 => query with { Filter = SessionFilter.HasAnyTag(Pick(random, Ids)!).Or(SessionFilter.LifecycleStatusAt((LifecycleStatus)random.Next(-1, 5), Pick(random, Instants))) },
            _ => query,
        };
    }

    /// <summary>An instant moved by a duration, held at the ends of time (the generator's own arithmetic must not overflow).</summary>
    private static Instant Plus(Instant instant, Duration duration) =>
        duration > Duration.Zero && instant > Instant.MaxValue - duration ? Instant.MaxValue
        : duration < Duration.Zero && instant < Instant.MinValue - duration ? Instant.MinValue
        : instant + duration;

    private static readonly string?[] FilterTexts =
    [
        null, "", "null", "{}", "[]", """{"tags":{"$hasSome":["yoga"]}}""", """{"start":{"$gte":"yesterday"}}""", """{"$or":[]}""",
        """{"nope":1}""", new string('[', 10_000), """{"capacity":{"$gt":1e400}}""", "\"\\ud800\"",
    ];

    private static readonly string?[] SortTexts =
    [
        null, "", "[]", "{}", """[{"fieldName":"numberOfAttendees","order":"DESC"}]""", """[{"fieldName":"x"}]""", """[{"order":7}]""", "[",
    ];

    private static AttendanceQuery AttendanceQuery(Random random) => random.Next(6) switch
    {
        0 => new AttendanceQuery { Filter = null!, Sort = null! },
        1 => new AttendanceQuery { Filter = AttendanceFilter.Parse(Pick(random, FilterTexts)!) },
        2 => new AttendanceQuery { Sort = AttendanceSort.Parse(Pick(random, SortTexts)!) },
        3 => new AttendanceQuery { Limit = Pick(random, Numbers) },
        4 => new AttendanceQuery { Filter = AttendanceFilter.StatusIn((AttendanceStatus)random.Next(-1, 8)).And(AttendanceFilter.BookingIdIn(Pick(random, Ids)!)) },
        _ => new AttendanceQuery { Sort = AttendanceSort.Of((AttendanceSortField)random.Next(-1, 3), (Scheduling.Querying.SortOrder)random.Next(-1, 3)) },
    };

    private static AttendanceMark Mark(Random random) => new()
    {
        BookingId = random.Next(3) == 0 ? Pick(random, Ids)! : "p1",
        SessionId = random.Next(3) == 0 ? Pick(random, Ids)! : "s1",
        Status = (AttendanceStatus)random.Next(-1, 8),
        NumberOfAttendees = Pick(random, Numbers),
        ExpectedRevision = random.Next(3) == 0 ? Pick(random, Revisions) : null,
        Id = random.Next(3) == 0 ? Pick(random, Ids) : null,
    };

    private static WorkspaceSessionQuery WorkspaceQuery(Random random) => random.Next(3) switch
    {
        0 => WorkspaceSessionQuery.FromParameters(Pick(random, Ids), Pick(random, Ids), Pick(random, DateTexts), Pick(random, DateTexts), Pick(random, StatusTexts)),
        1 => new WorkspaceSessionQuery
        {
            ClientId = Pick(random, Ids),
            StaffId = Pick(random, Ids),
            ServiceIds = Strings(random),
            DateFrom = DateBound.AtInstant(Pick(random, Instants)),
            DateTo = random.Next(2) == 0 ? DateBound.OnDate(Pick(random, LocalTimes).Date) : DateBound.AtLocal(Pick(random, LocalTimes)),
            Status = (LifecycleStatus)random.Next(-1, 5),
            PageSize = Pick(random, Numbers),
        },
        _ => new WorkspaceSessionQuery(),
    };

    private static readonly string?[] DateTexts = [null, "", "2025-03-03", "2025-03-09T02:30:00", "0001-01-01", "9999-12-31T23:59:59Z", "yesterday", "2025-02-30"];

    private static readonly string?[] StatusTexts = [null, "", "scheduled", "CANCELLED", "in-progress", "later"];

    private string Cursor(Random random) => random.Next(4) switch
    {
        0 when _cursors.Count > 0 => _cursors[random.Next(_cursors.Count)],
        1 when _cursors.Count > 0 => Mutate(random, _cursors[random.Next(_cursors.Count)]),
        _ => Pick(random, Ids)!,
    };

    private static string Mutate(Random random, string cursor)
    {
        var characters = cursor.ToCharArray();
        characters[random.Next(characters.Length)] = (char)random.Next(32, 127);
        return new string(characters);
    }

    private void Keep(string? cursor)
    {
        if (cursor is not null && _cursors.Count < 50)
        {
            _cursors.Add(cursor);
        }
    }
}
