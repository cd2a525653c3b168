using NodaTime;
using Scheduling.Stores;

namespace Scheduling.Sessions;

/// <summary>
/// Books participants into single sessions and instances, and cancels their bookings: the rules
/// (<see cref="Booking"/>) are decided inside one atomic store change of the target
/// (<see cref="SessionTargets.ChangeAsync{TResult}"/>), and the session returned is built from that decision, not
/// read again. Thread-safe.
/// </summary>
internal sealed class SessionBookings(SessionTargets targets, IClock clock, SchedulingOptions options)
{
    /// <summary>Books <paramref name="participant"/>; booking someone already booked changes nothing.</summary>
    /// <exception cref="SchedulingException">Not found; conflict on <c>status</c> (cancelled) or <c>capacity</c> (full); limit exceeded.</exception>
    public async ValueTask<Session> AddAsync(string tenantId, string sessionId, Participant participant, CancellationToken cancellationToken)
    {
        var limits = options.PayloadLimits;
        SessionPayload.Check(limits, participant);
        var now = clock.GetCurrentInstant();
        var (outcome, session) = await ChangeAsync(
            tenantId,
            sessionId,
            stored => WithRoom(limits, Booking.Book(stored, participant, now), booked => booked.Participants.Length),
            (series, current, identity) => WithRoom(limits, Booking.Book(series, current, identity, participant, now), booked => booked.Participants.Length),
            cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            BookingOutcome.NotFound => throw SchedulingException.NotFound("Session", sessionId),
            BookingOutcome.Cancelled => throw SchedulingException.Conflict($"Session '{sessionId}' is cancelled.", "status"),
            BookingOutcome.Full => throw SchedulingException.Conflict($"Session '{sessionId}' is full.", "capacity"),
            _ => session!,
        };
    }

    /// <summary>Removes the booking of <paramref name="participantId"/>; removing someone not booked changes nothing.</summary>
    /// <exception cref="SchedulingException">Not found; conflict on <c>status</c> (cancelled or completed) or <c>participantId</c> (the client of a single session).</exception>
    public async ValueTask<Session> RemoveAsync(string tenantId, string sessionId, string participantId, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var (outcome, session) = await ChangeAsync(
            tenantId,
            sessionId,
            stored => Booking.Release(stored, participantId, now),
            (series, current, identity) => Booking.Release(series, current, identity, participantId, now),
            cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            BookingOutcome.NotFound => throw SchedulingException.NotFound("Session", sessionId),
            BookingOutcome.Cancelled => throw SchedulingException.Conflict($"Session '{sessionId}' is cancelled: its bookings stay as the record of who was affected.", "status"),
            BookingOutcome.Completed => throw SchedulingException.Conflict($"Session '{sessionId}' is completed: its bookings stay as the record of who took part.", "status"),
            BookingOutcome.IsClient => throw SchedulingException.Conflict($"'{participantId}' is the client of session '{sessionId}': change its clientId instead.", "participantId"),
            _ => session!,
        };
    }

    /// <summary>A booking that would hold more participants than a session may (<see cref="PayloadLimits.MaxParticipants"/>) is refused before it is written.</summary>
    private static BookingDecision<T> WithRoom<T>(PayloadLimits limits, BookingDecision<T> decision, Func<T, int> participants)
        where T : class
    {
        if (decision.Outcome == BookingOutcome.Booked)
        {
            SessionPayload.CheckRoomFor(limits, participants(decision.Record!) - 1);
        }

        return decision;
    }

    /// <summary>Runs a booking decision in the target's atomic change; the session is the one decided, as it reads.</summary>
    private ValueTask<(BookingOutcome Outcome, Session? Session)> ChangeAsync(
        string tenantId,
        string id,
        Func<Session?, BookingDecision<Session>> decideSingle,
        Func<RecurringSession, InstanceOverride?, LocalDateTime, BookingDecision<InstanceOverride>> decideInstance,
        CancellationToken cancellationToken) =>
        targets.ChangeAsync<(BookingOutcome Outcome, Session? Session)>(
            tenantId,
            id,
            stored => Result(decideSingle(stored), session => session),
            instance => instance is null
                ? StoreChange<InstanceOverride, (BookingOutcome, Session?)>.Nothing((BookingOutcome.NotFound, null))
                : Result(decideInstance(instance.Series, instance.Own, instance.Identity), instance.With),
            cancellationToken);

    private static StoreChange<T, (BookingOutcome, Session?)> Result<T>(BookingDecision<T> decision, Func<T?, Session?> read)
        where T : class
    {
        var result = (decision.Outcome, decision.Outcome == BookingOutcome.NotFound ? null : read(decision.Record));
        return decision.Changed ? StoreChange<T, (BookingOutcome, Session?)>.Save(decision.Record!, result) : StoreChange<T, (BookingOutcome, Session?)>.Nothing(result);
    }
}
