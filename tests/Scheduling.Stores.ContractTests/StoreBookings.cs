using Scheduling.Sessions;

namespace Scheduling.Stores.ContractTests;

/// <summary>
/// Books and cancels bookings through a store's atomic change with the core's booking rules, as the sessions service
/// does: what a store must get right is that the rules see what is stored and that the decision and the write are one step.
/// </summary>
public static class StoreBookings
{
    /// <summary>Books <paramref name="participant"/> into a single session.</summary>
    public static async ValueTask<BookingOutcome> BookAsync(this ISessionStore store, string tenantId, string id, Participant participant, Instant now, CancellationToken cancellationToken) =>
        (await store.ChangeAsync(tenantId, id, stored => Booking.Book(stored, participant, now).ToChange(), cancellationToken)).Outcome;

    /// <summary>Cancels the booking of <paramref name="participantId"/> in a single session.</summary>
    public static async ValueTask<BookingOutcome> ReleaseAsync(this ISessionStore store, string tenantId, string id, string participantId, Instant now, CancellationToken cancellationToken) =>
        (await store.ChangeAsync(tenantId, id, stored => Booking.Release(stored, participantId, now).ToChange(), cancellationToken)).Outcome;

    /// <summary>Books <paramref name="participant"/> into one instance of a series.</summary>
    public static async ValueTask<BookingOutcome> BookAsync(this IRecurringSessionStore store, string tenantId, string seriesId, LocalDateTime identityStart, Participant participant, Instant now, CancellationToken cancellationToken) =>
        (await store.ChangeInstanceAsync(tenantId, seriesId, identityStart, (series, current) => Booking.Book(series, current, identityStart, participant, now).ToChange(), cancellationToken)).Outcome;

    /// <summary>Cancels the booking of <paramref name="participantId"/> in one instance of a series.</summary>
    public static async ValueTask<BookingOutcome> ReleaseAsync(this IRecurringSessionStore store, string tenantId, string seriesId, LocalDateTime identityStart, string participantId, Instant now, CancellationToken cancellationToken) =>
        (await store.ChangeInstanceAsync(tenantId, seriesId, identityStart, (series, current) => Booking.Release(series, current, identityStart, participantId, now).ToChange(), cancellationToken)).Outcome;
}
