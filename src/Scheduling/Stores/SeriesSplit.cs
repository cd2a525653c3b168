using System.Collections.Immutable;
using NodaTime;
using Scheduling.Sessions;

namespace Scheduling.Stores;

/// <summary>
/// What a "this and following" split writes (see <see cref="Splitting"/> and
/// <see cref="IRecurringSessionStore.SplitAsync{TResult}"/>): the stored series ended, with the overrides it keeps, and
/// the following series, new, with the overrides that moved to it, keyed anew.
/// </summary>
/// <param name="Ended">
/// The stored series as it ends: its id is the stored one, and its overrides are stored overrides, unchanged; the
/// store removes every other override of the series.
/// </param>
/// <param name="Following">The new series with its overrides (each under its own identity start and this series' id), inserted whole.</param>
/// <remarks>Both records are written exactly as given, revisions and <c>UpdatedAt</c> included. Immutable and thread-safe.</remarks>
public sealed record SeriesSplit(RecurringSessionRecord Ended, RecurringSessionRecord Following)
{
    /// <summary>
    /// The identity starts of the overrides of <paramref name="stored"/> that the ended series no longer holds, which
    /// a store deletes; checks on the way that this split can be written over <paramref name="stored"/>.
    /// </summary>
    /// <param name="stored">The record the store read, under its lock, and handed to the decision.</param>
    /// <returns>The identity starts to delete from the ended series, in ascending order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stored"/> is null.</exception>
    /// <exception cref="InvalidOperationException">
    /// The split is not one of <paramref name="stored"/>: the ended series has another id, the following one has the
    /// same id, the ended series holds an override that is not the one stored, or an override of the following series
    /// is not keyed by its own identity start and series.
    /// </exception>
    public ImmutableArray<LocalDateTime> OverridesLeaving(RecurringSessionRecord stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var id = stored.Series.Id;
        if (Ended.Series.Id != id)
        {
            throw new InvalidOperationException($"A split of '{id}' must end that series, not '{Ended.Series.Id}'.");
        }

        if (Following.Series.Id == id)
        {
            throw new InvalidOperationException($"The following series of a split of '{id}' needs an id of its own.");
        }

        foreach (var (identityStart, kept) in Ended.Overrides)
        {
            if (!stored.Overrides.TryGetValue(identityStart, out var own) || !own.Equals(kept))
            {
                throw new InvalidOperationException($"The ended series '{id}' of a split may keep only its stored overrides; '{identityStart}' is not one.");
            }
        }

        foreach (var (identityStart, moved) in Following.Overrides)
        {
            if (moved.IdentityStart != identityStart || moved.RecurringSessionId != Following.Series.Id)
            {
                throw new InvalidOperationException($"The override under '{identityStart}' of the following series '{Following.Series.Id}' is keyed as another instance.");
            }
        }

        return [.. stored.Overrides.Keys.Where(k => !Ended.Overrides.ContainsKey(k)).Order()];
    }

    /// <summary>The error a store throws, having written nothing, when the following series' id is taken in the tenant.</summary>
    public SchedulingException FollowingIdTaken() =>
        new(SchedulingErrorCode.Conflict, $"A recurring session with id '{Following.Series.Id}' already exists.", "id");
}
