using Scheduling.Recurrence;
using Scheduling.Sessions;
using Scheduling.Stores;
using Scheduling.Stores.ContractTests;

namespace Scheduling.Tests.Sessions;

/// <summary>The booking rules as plain functions of the stored records (<see cref="Booking"/>).</summary>
public sealed class BookingTest
{
    private static readonly Instant Now = Time.Utc(2025, 2, 1);
    private static readonly LocalDateTime Tenth = new(2025, 3, 10, 9, 0);

    [Fact]
    public void Booking_adds_the_participant_with_the_next_revision_at_the_instant_given()
    {
        var decision = Booking.Book(Single() with { Details = new SessionDetails { Capacity = 2 } }, new Participant("p1", "Ada"), Now);

        decision.Outcome.Should().Be(BookingOutcome.Booked);
        decision.Changed.Should().BeTrue();
        decision.Record!.Participants.Should().Equal(new Participant("p1", "Ada"));
        decision.Record.Revision.Should().Be(2);
        decision.Record.UpdatedAt.Should().Be(Now);
    }

    [Theory]
    [InlineData(0, 0, BookingOutcome.Full)]
    [InlineData(1, 1, BookingOutcome.Full)]
    [InlineData(2, 1, BookingOutcome.Booked)]
    [InlineData(null, 40, BookingOutcome.Booked)]
    public void Capacity_counts_the_participants_booked(int? capacity, int booked, BookingOutcome outcome)
    {
        var stored = Single() with { Details = new SessionDetails { Capacity = capacity }, Participants = [.. Enumerable.Range(0, booked).Select(i => new Participant($"b{i}"))] };

        Booking.Book(stored, new Participant("p1"), Now).Outcome.Should().Be(outcome);
    }

    [Fact]
    public void Booking_that_changes_nothing_hands_back_the_stored_session_and_writes_nothing()
    {
        var stored = Single() with { Participants = [new Participant("p1")] };
        var cancelled = Single() with { Status = SessionStatus.Cancelled };

        var again = Booking.Book(stored, new Participant("p1", "Ada"), Now);
        var refused = Booking.Book(cancelled, new Participant("p2"), Now);

        again.Should().Be(new BookingDecision<Session>(BookingOutcome.AlreadyBooked, stored));
        refused.Should().Be(new BookingDecision<Session>(BookingOutcome.Cancelled, cancelled));
        again.ToChange().Write.Should().BeNull();
        Booking.Book(null, new Participant("p1"), Now).Should().Be(new BookingDecision<Session>(BookingOutcome.NotFound, null));
    }

    [Fact]
    public void First_booking_of_an_instance_creates_its_override()
    {
        var decision = Booking.Book(Series(), null, Tenth, new Participant("p1"), Now);

        decision.Outcome.Should().Be(BookingOutcome.Booked);
        decision.Record.Should().BeEquivalentTo(new InstanceOverride
        {
            RecurringSessionId = "yoga",
            IdentityStart = Tenth,
            Participants = [new Participant("p1")],
            Revision = 1,
            CreatedAt = Now,
            UpdatedAt = Now,
        });
        decision.Record!.ChangesInstance.Should().BeFalse();
        decision.ToChange().Write.Should().BeSameAs(decision.Record);
    }

    [Fact]
    public void An_instance_has_its_own_capacity_else_its_series()
    {
        var own = new InstanceOverride { RecurringSessionId = "yoga", IdentityStart = Tenth, Details = new SessionDetailsOverride { Capacity = 2 }, Participants = [new Participant("b1")], Revision = 1 };

        Booking.Book(Series() with { Details = new SessionDetails { Capacity = 1 } }, own, Tenth, new Participant("p1"), Now).Outcome.Should().Be(BookingOutcome.Booked);
        Booking.Book(Series() with { Details = new SessionDetails { Capacity = 1 } }, own with { Details = own.Details with { Capacity = null } }, Tenth, new Participant("p1"), Now).Outcome.Should().Be(BookingOutcome.Full);
        Booking.Book(Series() with { Details = new SessionDetails { Capacity = 0 } }, null, Tenth, new Participant("p1"), Now).Outcome.Should().Be(BookingOutcome.Full);
    }

    [Fact]
    public void An_instance_of_a_series_cancelled_before_its_start_takes_no_booking_unless_it_moved_before_that()
    {
        var cancelledFromTheSixteenth = Series() with { CancelledFrom = Time.Utc(2025, 3, 16) };
        var movedEarlier = new InstanceOverride { RecurringSessionId = "yoga", IdentityStart = Tenth.PlusWeeks(1), Start = Time.At(Time.Utc(2025, 3, 15, 9)), Revision = 1 };

        Booking.Book(cancelledFromTheSixteenth, null, Tenth, new Participant("p1"), Now).Outcome.Should().Be(BookingOutcome.Booked);
        Booking.Book(cancelledFromTheSixteenth, null, Tenth.PlusWeeks(1), new Participant("p1"), Now).Outcome.Should().Be(BookingOutcome.Cancelled);
        Booking.Book(cancelledFromTheSixteenth, movedEarlier, Tenth.PlusWeeks(1), new Participant("p1"), Now).Outcome.Should().Be(BookingOutcome.Booked);
        Booking.Book(Series(), new InstanceOverride { RecurringSessionId = "yoga", IdentityStart = Tenth, IsCancelled = true }, Tenth, new Participant("p1"), Now)
            .Outcome.Should().Be(BookingOutcome.Cancelled);
    }

    [Fact]
    public void Releasing_removes_the_booking_with_the_next_revision()
    {
        var stored = Single() with { Participants = [new Participant("p1"), new Participant("p2")] };

        var decision = Booking.Release(stored, "p1", Now);

        decision.Outcome.Should().Be(BookingOutcome.Removed);
        decision.Record!.Participants.Should().Equal(new Participant("p2"));
        decision.Record.Revision.Should().Be(2);
        decision.Record.UpdatedAt.Should().Be(Now);
    }

    [Fact]
    public void Releasing_refuses_what_must_stay_and_ignores_who_is_not_booked()
    {
        var booked = Single() with { Participants = [new Participant("c1"), new Participant("p1")], Details = new SessionDetails { ClientId = "c1" } };

        Booking.Release(booked, "p2", Now).Should().Be(new BookingDecision<Session>(BookingOutcome.NotBooked, booked));
        Booking.Release(booked, "c1", Now).Outcome.Should().Be(BookingOutcome.IsClient);
        Booking.Release(booked with { Status = SessionStatus.Cancelled }, "p1", Now).Outcome.Should().Be(BookingOutcome.Cancelled);
        Booking.Release(booked with { Progress = ProgressMark.Completed }, "p1", Now).Outcome.Should().Be(BookingOutcome.Completed);
        Booking.Release(booked with { Progress = ProgressMark.InProgress }, "p1", Now).Outcome.Should().Be(BookingOutcome.Removed);
        Booking.Release(null, "p1", Now).Outcome.Should().Be(BookingOutcome.NotFound);
    }

    [Fact]
    public void Releasing_from_an_instance_keeps_its_other_edits_and_creates_no_override()
    {
        var own = new InstanceOverride { RecurringSessionId = "yoga", IdentityStart = Tenth, Details = new SessionDetailsOverride { Title = "Special", Capacity = 3 }, Participants = [new Participant("p1")], Revision = 4 };

        var released = Booking.Release(Series(), own, Tenth, "p1", Now);

        released.Record.Should().BeEquivalentTo(own with { Participants = [], Revision = 5, UpdatedAt = Now });
        Booking.Release(Series(), null, Tenth, "p1", Now).Should().Be(new BookingDecision<InstanceOverride>(BookingOutcome.NotBooked, null));
        Booking.Release(Series(), own with { Progress = ProgressMark.Completed }, Tenth, "p1", Now).Outcome.Should().Be(BookingOutcome.Completed);
    }

    private static Session Single() => new()
    {
        Id = "s1",
        ScheduleId = "schedule-1",
        ScheduleOwnerId = "owner-1",
        Start = Time.At(Time.Utc(2025, 3, 3, 10)),
        End = Time.At(Time.Utc(2025, 3, 3, 11)),
        Revision = 1,
    };

    private static RecurringSession Series() => new()
    {
        Id = "yoga",
        ScheduleId = "schedule-1",
        ScheduleOwnerId = "owner-1",
        Start = new LocalDateTime(2025, 3, 3, 9, 0),
        IdentityStart = new LocalDateTime(2025, 3, 3, 9, 0),
        Zone = DateTimeZone.Utc,
        Duration = Duration.FromHours(1),
        Rule = RecurrenceRule.Parse("FREQ=WEEKLY"),
        Revision = 1,
    };
}
