using Scheduling.Recurrence;
using Scheduling.Security;
using Scheduling.Sessions;
using Scheduling.Stores.ContractTests;
using Scheduling.Stores.InMemory;
using Scheduling.Tests.Stores;

namespace Scheduling.Tests.Sessions;

/// <summary>
/// How many store calls booking and cancelling a booking cost: the target is resolved once, the rules run inside
/// one atomic change, and the session returned is built from what the change decided, never read again.
/// </summary>
public sealed class BookingStoreCallsTest
{
    private const string Tenant = "tenant-1";
    private static readonly CallerContext Host = CallerContext.Host(Tenant);
    private static readonly string Instance = SessionInstanceId.Format("yoga", new LocalDateTime(2025, 3, 10, 18, 30));

    private readonly StoreCalls _calls = new();
    private readonly SessionService _service;
    private readonly InMemorySessionStore _sessions = new();

    public BookingStoreCallsTest()
    {
        _service = new SessionService(new CountingSessionStore(_sessions, _calls), new CountingRecurringSessionStore(new InMemoryRecurringSessionStore(), _calls), new FakeClock(Time.Utc(2025, 2, 1)));
    }

    [Fact]
    public async Task Booking_an_instance_costs_at_most_three_store_calls()
    {
        await CreateSeriesAsync();
        _calls.Clear();

        var booked = await _service.AddParticipantAsync(Host, Instance, new Participant("p1"));

        _calls.Made.Should().Equal("sessions.FindAsync", "series.ChangeInstanceAsync");
        _calls.Made.Should().HaveCountLessThanOrEqualTo(3);
        booked.Should().BeEquivalentTo(await _service.GetSessionAsync(Host, Instance));
        booked.Participants.Select(p => p.Id).Should().Equal("p1");
    }

    [Fact]
    public async Task Booking_an_edited_instance_costs_the_same_and_returns_its_edits()
    {
        await CreateSeriesAsync();
        await _service.UpdateSessionAsync(Host, Instance, new SessionChanges { Details = new SessionDetailsChanges { Title = "Special" }, Start = Time.At(Time.Utc(2025, 3, 10, 23)) }, 0);
        _calls.Clear();

        var booked = await _service.AddParticipantAsync(Host, Instance, new Participant("p1"));

        _calls.Made.Should().Equal("sessions.FindAsync", "series.ChangeInstanceAsync");
        booked.Should().BeEquivalentTo(await _service.GetSessionAsync(Host, Instance));
        booked.Details.Title.Should().Be("Special");
        booked.Start.Timestamp.Should().Be(Time.Utc(2025, 3, 10, 23));
    }

    [Fact]
    public async Task Booking_a_single_session_costs_one_store_call()
    {
        await CreateSessionAsync("s1");
        _calls.Clear();

        var booked = await _service.AddParticipantAsync(Host, "s1", new Participant("p1"));

        _calls.Made.Should().Equal("sessions.ChangeAsync");
        booked.Should().BeEquivalentTo(await _service.GetSessionAsync(Host, "s1"));
    }

    [Fact]
    public async Task Booking_a_single_session_whose_id_has_the_instance_form_costs_two_and_books_the_session()
    {
        // Such ids are refused on create now, but a session stored before (or written to the store directly) keeps its id.
        await _sessions.InsertAsync(Tenant, Session(Instance), default);
        await CreateSeriesAsync();
        _calls.Clear();

        var booked = await _service.AddParticipantAsync(Host, Instance, new Participant("p1"));

        _calls.Made.Should().Equal("sessions.FindAsync", "sessions.ChangeAsync");
        booked.IsInstance.Should().BeFalse();
        (await _sessions.FindAsync(Tenant, Instance, default))!.Participants.Select(p => p.Id).Should().Equal("p1");
    }

    [Fact]
    public async Task Removing_a_booking_costs_one_store_call_for_a_session_and_two_for_an_instance()
    {
        await CreateSessionAsync("s1");
        await CreateSeriesAsync();
        await _service.AddParticipantAsync(Host, "s1", new Participant("p1"));
        await _service.AddParticipantAsync(Host, Instance, new Participant("p1"));

        _calls.Clear();
        var single = await _service.RemoveParticipantAsync(Host, "s1", "p1");
        _calls.Made.Should().Equal("sessions.ChangeAsync");

        _calls.Clear();
        var instance = await _service.RemoveParticipantAsync(Host, Instance, "p1");
        _calls.Made.Should().Equal("sessions.FindAsync", "series.ChangeInstanceAsync");

        single.Should().BeEquivalentTo(await _service.GetSessionAsync(Host, "s1"));
        instance.Should().BeEquivalentTo(await _service.GetSessionAsync(Host, Instance));
    }

    [Fact]
    public async Task Booking_what_does_not_exist_costs_no_more()
    {
        await CreateSeriesAsync();
        _calls.Clear();

        await _service.Invoking(s => s.AddParticipantAsync(Host, "nope", new Participant("p1")).AsTask()).Should().ThrowAsync<SchedulingException>();
        _calls.Made.Should().Equal("sessions.ChangeAsync");

        _calls.Clear();
        var notAnOccurrence = SessionInstanceId.Format("yoga", new LocalDateTime(2025, 3, 11, 18, 30));
        await _service.Invoking(s => s.AddParticipantAsync(Host, notAnOccurrence, new Participant("p1")).AsTask()).Should().ThrowAsync<SchedulingException>();
        _calls.Made.Should().Equal("sessions.FindAsync", "series.ChangeInstanceAsync");
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

    private static Session Session(string id) => new()
    {
        Id = id,
        ScheduleId = "schedule-1",
        ScheduleOwnerId = "owner-1",
        Start = Time.At(Time.Utc(2025, 3, 3, 10)),
        End = Time.At(Time.Utc(2025, 3, 3, 11)),
        Revision = 1,
    };
}
