using System.Collections.Immutable;
using NodaTime;
using Scheduling.Stores;

namespace Scheduling.Sessions;

/// <summary>
/// The booking rules, as plain functions of the stored records: who may be booked into a single session or an
/// instance, and whose booking may be removed. A store runs them inside its read-modify-write
/// (<see cref="ISessionStore.ChangeAsync{TResult}"/>, <see cref="IRecurringSessionStore.ChangeInstanceAsync{TResult}"/>),
/// so the decision and the write are one atomic step; no store has rules of its own.
/// </summary>
/// <remarks>
/// <para>Booking: a cancelled session or instance takes no booking; someone already booked stays booked and nothing
/// changes; a session is full when it holds as many participants as its capacity (null: no limit; 0: no booking at
/// all); an instance's capacity is its own, else its series'; an instance's first booking creates its override.</para>
/// <para>Removing a booking: someone not booked is no change (a retried cancellation succeeds); a cancelled session,
/// or one marked completed, keeps its bookings as the record of who was affected or took part; the client of a
/// single session is booked through its <c>ClientId</c> and stays booked while it is the client.</para>
/// <para>A change bumps the revision and sets <c>UpdatedAt</c> to the given instant. Thread-safe (stateless).</para>
/// </remarks>
public static class Booking
{
    /// <summary>Decides a booking of <paramref name="participant"/> into a single session.</summary>
    /// <param name="stored">The session as stored, or null when there is none.</param>
    /// <param name="participant">Who is booked.</param>
    /// <param name="now">When.</param>
    /// <returns>The outcome, and the session afterwards.</returns>
    public static BookingDecision<Session> Book(Session? stored, Participant participant, Instant now)
    {
        ArgumentNullException.ThrowIfNull(participant);
        if (stored is null)
        {
            return new(BookingOutcome.NotFound, null);
        }

        if (stored.Status == SessionStatus.Cancelled)
        {
            return new(BookingOutcome.Cancelled, stored);
        }

        if (IsBooked(stored.Participants, participant.Id))
        {
            return new(BookingOutcome.AlreadyBooked, stored);
        }

        if (IsFull(stored.Details.Capacity, stored.Participants.Length))
        {
            return new(BookingOutcome.Full, stored);
        }

        return new(BookingOutcome.Booked, stored with { Participants = stored.Participants.Add(participant), Revision = stored.Revision + 1, UpdatedAt = now });
    }

    /// <summary>Decides a booking of <paramref name="participant"/> into one instance of a series.</summary>
    /// <param name="series">The series as stored, or null when there is none.</param>
    /// <param name="current">The instance's override as stored, or null when it has none.</param>
    /// <param name="identityStart">The instance's identity start.</param>
    /// <param name="participant">Who is booked.</param>
    /// <param name="now">When.</param>
    /// <returns>The outcome, and the instance's override afterwards (created by a first booking).</returns>
    public static BookingDecision<InstanceOverride> Book(RecurringSession? series, InstanceOverride? current, LocalDateTime identityStart, Participant participant, Instant now)
    {
        ArgumentNullException.ThrowIfNull(participant);
        if (series is null)
        {
            return new(BookingOutcome.NotFound, null);
        }

        if (IsCancelled(series, current, identityStart))
        {
            return new(BookingOutcome.Cancelled, current);
        }

        var own = current ?? new InstanceOverride { RecurringSessionId = series.Id, IdentityStart = identityStart, CreatedAt = now };
        if (IsBooked(own.Participants, participant.Id))
        {
            return new(BookingOutcome.AlreadyBooked, current);
        }

        if (IsFull(own.Details.Capacity ?? series.Details.Capacity, own.Participants.Length))
        {
            return new(BookingOutcome.Full, current);
        }

        return new(BookingOutcome.Booked, own with { Participants = own.Participants.Add(participant), Revision = own.Revision + 1, UpdatedAt = now });
    }

    /// <summary>Decides the removal of the booking of <paramref name="participantId"/> from a single session.</summary>
    /// <param name="stored">The session as stored, or null when there is none.</param>
    /// <param name="participantId">Whose booking is removed.</param>
    /// <param name="now">When.</param>
    /// <returns>The outcome, and the session afterwards.</returns>
    public static BookingDecision<Session> Release(Session? stored, string participantId, Instant now)
    {
        ArgumentNullException.ThrowIfNull(participantId);
        if (stored is null)
        {
            return new(BookingOutcome.NotFound, null);
        }

        if (Frozen(stored.Status == SessionStatus.Cancelled, stored.Progress) is { } frozen)
        {
            return new(frozen, stored);
        }

        if (!IsBooked(stored.Participants, participantId))
        {
            return new(BookingOutcome.NotBooked, stored);
        }

        if (stored.Details.ClientId == participantId)
        {
            return new(BookingOutcome.IsClient, stored);
        }

        return new(BookingOutcome.Removed, stored with { Participants = Without(stored.Participants, participantId), Revision = stored.Revision + 1, UpdatedAt = now });
    }

    /// <summary>Decides the removal of the booking of <paramref name="participantId"/> from one instance of a series.</summary>
    /// <param name="series">The series as stored, or null when there is none.</param>
    /// <param name="current">The instance's override as stored, or null when it has none (then no one is booked).</param>
    /// <param name="identityStart">The instance's identity start.</param>
    /// <param name="participantId">Whose booking is removed.</param>
    /// <param name="now">When.</param>
    /// <returns>The outcome, and the instance's override afterwards; every other edit of the instance stays.</returns>
    public static BookingDecision<InstanceOverride> Release(RecurringSession? series, InstanceOverride? current, LocalDateTime identityStart, string participantId, Instant now)
    {
        ArgumentNullException.ThrowIfNull(participantId);
        if (series is null)
        {
            return new(BookingOutcome.NotFound, null);
        }

        if (Frozen(IsCancelled(series, current, identityStart), current?.Progress ?? ProgressMark.None) is { } frozen)
        {
            return new(frozen, current);
        }

        if (current is null || !IsBooked(current.Participants, participantId))
        {
            return new(BookingOutcome.NotBooked, current);
        }

        return new(BookingOutcome.Removed, current with { Participants = Without(current.Participants, participantId), Revision = current.Revision + 1, UpdatedAt = now });
    }

    /// <summary>Whether an instance is cancelled, its start being its own when it moved, else where the rule puts it.</summary>
    private static bool IsCancelled(RecurringSession series, InstanceOverride? own, LocalDateTime identityStart) =>
        SeriesView.IsCancelled(series, own, own?.Start?.Timestamp ?? series.InstanceStartOf(identityStart));

    /// <summary>Whether a session that holds <paramref name="booked"/> participants can take no more.</summary>
    private static bool IsFull(int? capacity, int booked) => capacity is int limit && booked >= limit;

    private static bool IsBooked(ImmutableArray<Participant> participants, string participantId)
    {
        foreach (var participant in participants)
        {
            if (participant.Id == participantId)
            {
                return true;
            }
        }

        return false;
    }

    private static ImmutableArray<Participant> Without(ImmutableArray<Participant> participants, string participantId) =>
        participants.RemoveAll(p => p.Id == participantId);

    /// <summary>Why a session's bookings cannot change any more, or null when they can.</summary>
    private static BookingOutcome? Frozen(bool cancelled, ProgressMark progress) =>
        cancelled ? BookingOutcome.Cancelled : progress == ProgressMark.Completed ? BookingOutcome.Completed : null;
}
