using System.Collections.Immutable;
using NodaTime;
using Scheduling.Stores;

namespace Scheduling.Sessions;

/// <summary>
/// The split rule of "this and following", as a plain function of the stored record: which instance overrides stay
/// with the ended series and which move to the following one, and under which keys. A store runs it inside its
/// read-modify-write (<see cref="IRecurringSessionStore.SplitAsync{TResult}"/>), so what moves is what is stored when
/// the split is written, not what the caller read before: a booking made meanwhile is carried across, never lost.
/// </summary>
/// <remarks>
/// The overrides of instances from the split on (identity start at or after the first moving one) move; each is keyed
/// anew by where the following series' rule puts it, and belongs to the following series; they keep their own
/// revision and <c>UpdatedAt</c>. The others stay, unchanged. Thread-safe (stateless).
/// </remarks>
public static class Splitting
{
    /// <summary>Decides a split of <paramref name="stored"/> into <paramref name="ended"/> and <paramref name="following"/>.</summary>
    /// <param name="stored">The record as stored (the series and all its overrides), or null when there is none.</param>
    /// <param name="expectedRevision">The revision of the series the caller read.</param>
    /// <param name="ended">The stored series as it ends (same id, its new rule, revision and <c>UpdatedAt</c>).</param>
    /// <param name="endedSpanEnd">The ended series' span end.</param>
    /// <param name="following">The new series that starts at the split.</param>
    /// <param name="followingSpanEnd">The following series' span end, or null when it never ends.</param>
    /// <param name="moveFrom">The identity start of the first instance that moves.</param>
    /// <param name="keyShiftSeconds">How many local seconds later a moved override is keyed in the following series.</param>
    /// <returns>
    /// Nothing to write and false when there is no stored series or its revision is not <paramref name="expectedRevision"/>;
    /// otherwise the split to write and true.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="ended"/> or <paramref name="following"/> is null.</exception>
    public static StoreChange<SeriesSplit, bool> Split(
        RecurringSessionRecord? stored,
        long expectedRevision,
        RecurringSession ended,
        Instant? endedSpanEnd,
        RecurringSession following,
        Instant? followingSpanEnd,
        LocalDateTime moveFrom,
        long keyShiftSeconds)
    {
        ArgumentNullException.ThrowIfNull(ended);
        ArgumentNullException.ThrowIfNull(following);
        if (stored is null || stored.Series.Revision != expectedRevision)
        {
            return StoreChange<SeriesSplit, bool>.Nothing(false);
        }

        var kept = ImmutableDictionary.CreateBuilder<LocalDateTime, InstanceOverride>();
        var moved = ImmutableDictionary.CreateBuilder<LocalDateTime, InstanceOverride>();
        foreach (var (identityStart, own) in stored.Overrides)
        {
            if (identityStart < moveFrom)
            {
                kept.Add(identityStart, own);
            }
            else
            {
                var rekeyed = own with { RecurringSessionId = following.Id, IdentityStart = identityStart.PlusSeconds(keyShiftSeconds) };
                moved.Add(rekeyed.IdentityStart, rekeyed);
            }
        }

        var split = new SeriesSplit(
            new RecurringSessionRecord(ended, endedSpanEnd, kept.Count == stored.Overrides.Count ? stored.Overrides : kept.ToImmutable()),
            new RecurringSessionRecord(following, followingSpanEnd, moved.ToImmutable()));
        return StoreChange<SeriesSplit, bool>.Save(split, true);
    }
}
