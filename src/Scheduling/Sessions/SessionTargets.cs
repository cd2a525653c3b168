using Scheduling.Stores;

namespace Scheduling.Sessions;

/// <summary>
/// Resolves an id to its <see cref="SessionTarget"/> once per call: by reading it, or inside one atomic store change.
/// </summary>
/// <remarks>
/// Only an id of the instance form (<see cref="SessionInstanceId"/>) can name an instance, so a plain id never
/// touches the recurring store. A single session whose id has that form (stored before such ids were refused, or
/// written to the store directly) wins over the instance. An instance is read with its own override only, so a call
/// on one instance never reads the others. Thread-safe.
/// </remarks>
internal sealed class SessionTargets(ISessionStore sessions, IRecurringSessionStore recurringSessions)
{
    /// <summary>The single session or instance an id names, or null when there is none in the tenant.</summary>
    public async ValueTask<SessionTarget?> FindAsync(string tenantId, string id, CancellationToken cancellationToken)
    {
        if (await sessions.FindAsync(tenantId, id, cancellationToken).ConfigureAwait(false) is { } single)
        {
            return new SessionTarget.Single(single);
        }

        return await FindInstanceAsync(tenantId, id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The instance an id names, without looking for a single session; null when it names no instance in the tenant.</summary>
    public async ValueTask<SessionTarget.Instance?> FindInstanceAsync(string tenantId, string id, CancellationToken cancellationToken)
    {
        if (!SessionInstanceId.TryParse(id, out var seriesId, out var identity)
            || await recurringSessions.FindForInstanceAsync(tenantId, seriesId, identity, cancellationToken).ConfigureAwait(false) is not { } record)
        {
            return null;
        }

        return SessionTarget.Instance.Of(record, identity);
    }

    /// <summary>
    /// Changes the single session or instance an id names in one atomic store change
    /// (<see cref="ISessionStore.ChangeAsync{TResult}"/> or <see cref="IRecurringSessionStore.ChangeInstanceAsync{TResult}"/>):
    /// the decision for its case runs on what the store holds under its lock. A plain id costs one store call; an id
    /// of the instance form two (is there such a single session, then the change).
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="id">The session or instance.</param>
    /// <param name="single">Decides for a single session, given the stored one or null when there is none.</param>
    /// <param name="instance">Decides for an instance, given it or null when the id names none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async ValueTask<TResult> ChangeAsync<TResult>(
        string tenantId,
        string id,
        Func<Session?, StoreChange<Session, TResult>> single,
        Func<SessionTarget.Instance?, StoreChange<InstanceOverride, TResult>> instance,
        CancellationToken cancellationToken)
    {
        if (!SessionInstanceId.TryParse(id, out var seriesId, out var identity)
            || await sessions.FindAsync(tenantId, id, cancellationToken).ConfigureAwait(false) is not null)
        {
            return await sessions.ChangeAsync(tenantId, id, single, cancellationToken).ConfigureAwait(false);
        }

        return await recurringSessions.ChangeInstanceAsync(
            tenantId,
            seriesId,
            identity,
            (series, own) => instance(series is null ? null : SessionTarget.Instance.Of(series, identity, own)),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Edits the single session or instance an id names in one atomic store change, and returns it as it is
    /// afterwards. Each edit returns what to write, or null to write nothing.
    /// </summary>
    /// <exception cref="SchedulingException">Not found; whatever an edit throws (nothing is then written).</exception>
    public ValueTask<Session> EditAsync(
        string tenantId,
        string id,
        Func<Session, Session?> single,
        Func<SessionTarget.Instance, InstanceOverride?> instance,
        CancellationToken cancellationToken) =>
        ChangeAsync(
            tenantId,
            id,
            stored => single(stored ?? throw SchedulingException.NotFound("Session", id)) is { } written
                ? StoreChange<Session, Session>.Save(written, written)
                : StoreChange<Session, Session>.Nothing(stored),
            target =>
            {
                var found = target ?? throw SchedulingException.NotFound("Session", id);
                return instance(found) is { } written
                    ? StoreChange<InstanceOverride, Session>.Save(written, found.With(written))
                    : StoreChange<InstanceOverride, Session>.Nothing(found.Session);
            },
            cancellationToken);
}
