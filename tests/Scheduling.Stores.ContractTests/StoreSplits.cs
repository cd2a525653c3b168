using Scheduling.Sessions;

namespace Scheduling.Stores.ContractTests;

/// <summary>
/// Splits a series through a store's atomic split with the core's split rule (<see cref="Splitting.Split"/>), as the
/// sessions service does: what a store must get right is that the rule sees what is stored and that the decision and
/// the write are one step.
/// </summary>
public static class StoreSplits
{
    /// <summary>
    /// Ends <paramref name="endedSeries"/> and starts <paramref name="followingSeries"/> if the stored revision is
    /// <paramref name="expectedRevision"/>, moving the overrides from <paramref name="moveFrom"/> on, keyed
    /// <paramref name="keyShiftSeconds"/> later; false when nothing was written.
    /// </summary>
    public static ValueTask<bool> SplitAsync(
        this IRecurringSessionStore store,
        string tenantId,
        RecurringSession endedSeries,
        Instant? endedSpanEnd,
        long expectedRevision,
        RecurringSession followingSeries,
        Instant? followingSpanEnd,
        LocalDateTime moveFrom,
        long keyShiftSeconds,
        CancellationToken cancellationToken) =>
        store.SplitAsync(
            tenantId,
            endedSeries.Id,
            stored => Splitting.Split(stored, expectedRevision, endedSeries, endedSpanEnd, followingSeries, followingSpanEnd, moveFrom, keyShiftSeconds),
            cancellationToken);
}
