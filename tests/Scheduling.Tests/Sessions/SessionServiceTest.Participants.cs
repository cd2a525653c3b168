using Scheduling.Sessions;
using Scheduling.Stores.ContractTests;
using Scheduling.Stores.InMemory;
using Scheduling.Tests.Stores;

namespace Scheduling.Tests.Sessions;

/// <summary>What a booking must carry, and bookings racing a cancellation.</summary>
public sealed partial class SessionServiceTest
{
    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public async Task Participant_without_an_id_is_invalid(string id)
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)));

        await FailsAsync(() => Service.AddParticipantAsync(Host, "s1", new Participant(id, "Ada")).AsTask(), SchedulingErrorCode.InvalidArgument, "participant.id");

        (await GetAsync("s1")).Participants.Should().BeEmpty();
    }

    [Fact]
    public async Task A_capacity_of_zero_takes_no_booking_and_no_capacity_takes_any_number()
    {
        await CreateAsync(OneHour("closed", Time.Utc(2025, 3, 3, 10)) with { Details = new SessionDetails { Capacity = 0 } });
        await CreateAsync(OneHour("open", Time.Utc(2025, 3, 3, 12)) with { Details = new SessionDetails { Capacity = null } });

        await FailsAsync(() => Service.AddParticipantAsync(Host, "closed", new Participant("p1")).AsTask(), SchedulingErrorCode.Conflict, "capacity");
        await FailsAsync(() => CreateAsync(OneHour("closed-2", Time.Utc(2025, 3, 3, 14)) with { Details = new SessionDetails { Capacity = 0 }, Participants = [new Participant("p1")] }), SchedulingErrorCode.InvalidArgument, "participants");
        for (var i = 0; i < 50; i++)
        {
            await Service.AddParticipantAsync(Host, "open", new Participant($"p{i}"));
        }

        (await GetAsync("closed")).Participants.Should().BeEmpty();
        (await GetAsync("open")).Participants.Should().HaveCount(50);
    }

    [Fact]
    public async Task Participants_created_with_a_session_count_against_its_capacity()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Details = new SessionDetails { Capacity = 2 }, Participants = [new Participant("p1"), new Participant("p2")] });

        await FailsAsync(() => Service.AddParticipantAsync(Host, "s1", new Participant("p3")).AsTask(), SchedulingErrorCode.Conflict, "capacity");
    }

    [Fact]
    public async Task Booking_that_races_the_cancellation_of_its_session_never_lands_on_the_cancelled_session()
    {
        SessionService service = null!;
        service = new SessionService(new InterposingSessionStore(new InMemorySessionStore())
        {
            // Another call cancels the session after the booking checked it and before the booking is written.
            BeforeBooking = async () => (await service.CancelSessionAsync(Host, "s1", 1)).Status.Should().Be(SessionStatus.Cancelled),
        }, new InMemoryRecurringSessionStore(), Clock);
        await service.CreateSessionAsync(Host, OneHour("s1", Time.Utc(2025, 3, 3, 10)));

        await BookAllowingAConflictAsync(service, "s1");

        var session = await service.GetSessionAsync(Host, "s1");
        session.Status.Should().Be(SessionStatus.Cancelled);
        session.Participants.Should().BeEmpty("a cancelled session takes no bookings");
    }

    [Fact]
    public async Task Booking_that_races_the_cancellation_of_its_instance_never_lands_on_the_cancelled_instance()
    {
        SessionService service = null!;
        service = new SessionService(new InMemorySessionStore(), new InterposingRecurringSessionStore(new InMemoryRecurringSessionStore())
        {
            BeforeBooking = async () => (await service.CancelSessionAsync(Host, InstanceId("yoga", 3, 10), 0)).Status.Should().Be(SessionStatus.Cancelled),
        }, Clock);
        await service.CreateRecurringSessionAsync(Host, WeeklyYoga());

        await BookAllowingAConflictAsync(service, InstanceId("yoga", 3, 10));

        var instance = await service.GetSessionAsync(Host, InstanceId("yoga", 3, 10));
        instance.Status.Should().Be(SessionStatus.Cancelled);
        instance.Participants.Should().BeEmpty("a cancelled instance takes no bookings");
    }

    /// <summary>Books p1; a conflict is the right answer when the session was cancelled meanwhile.</summary>
    private static async Task BookAllowingAConflictAsync(SessionService service, string sessionId)
    {
        try
        {
            await service.AddParticipantAsync(Host, sessionId, new Participant("p1"));
        }
        catch (SchedulingException exception) when (exception.Code == SchedulingErrorCode.Conflict)
        {
        }
    }
}
