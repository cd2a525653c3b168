namespace Scheduling.Stores;

/// <summary>
/// What the booking rules (<see cref="Sessions.Booking"/>) decided about one stored record: the outcome, and the record
/// as it stands afterwards (the new one when it changed, the stored one otherwise, null when there is none).
/// </summary>
/// <typeparam name="TRecord">A <see cref="Sessions.Session"/>, or an instance's <see cref="Sessions.InstanceOverride"/>.</typeparam>
/// <param name="Outcome">What was decided.</param>
/// <param name="Record">The record afterwards; for an instance that has no override and did not change, null.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct BookingDecision<TRecord>(BookingOutcome Outcome, TRecord? Record)
    where TRecord : class
{
    /// <summary>Gets a value indicating whether the record changed and must be written.</summary>
    public bool Changed => Outcome is BookingOutcome.Booked or BookingOutcome.Removed;

    /// <summary>The change a store makes for this decision: writes the record when it changed, and returns the decision.</summary>
    public StoreChange<TRecord, BookingDecision<TRecord>> ToChange() =>
        Changed ? StoreChange<TRecord, BookingDecision<TRecord>>.Save(Record!, this) : StoreChange<TRecord, BookingDecision<TRecord>>.Nothing(this);
}
