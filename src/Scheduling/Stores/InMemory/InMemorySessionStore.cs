using System.Runtime.CompilerServices;
using NodaTime;
using Scheduling.Sessions;

namespace Scheduling.Stores.InMemory;

/// <summary>
/// The embedded default <see cref="ISessionStore"/>: sessions in memory, per tenant, guarded by one lock so every
/// write is atomic. Reads take a snapshot under the lock and stream it after. Thread-safe; lost on restart.
/// </summary>
public sealed class InMemorySessionStore : ISessionStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Dictionary<string, Session>> _tenants = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<Session?> FindAsync(string tenantId, string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(Tenant(tenantId).GetValueOrDefault(id));
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<Session> FindManyAsync(string tenantId, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        List<Session> found;
        lock (_gate)
        {
            var sessions = Tenant(tenantId);
            found = [.. ids.Distinct().Select(sessions.GetValueOrDefault).OfType<Session>()];
        }

        return Stream(found, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<bool> InsertAsync(string tenantId, Session session, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(Tenant(tenantId).TryAdd(session.Id, session));
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> ReplaceAsync(string tenantId, Session session, long expectedRevision, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var sessions = Tenant(tenantId);
            if (!sessions.TryGetValue(session.Id, out var stored) || stored.Revision != expectedRevision)
            {
                return ValueTask.FromResult(false);
            }

            sessions[session.Id] = session;
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> DeleteAsync(string tenantId, string id, long expectedRevision, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var sessions = Tenant(tenantId);
            return ValueTask.FromResult(sessions.TryGetValue(id, out var stored) && stored.Revision == expectedRevision && sessions.Remove(id));
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<Session> FindOverlappingAsync(string tenantId, SessionCandidateFilter filter, Instant from, Instant to, CancellationToken cancellationToken)
    {
        List<Session> found;
        lock (_gate)
        {
            found = [.. Tenant(tenantId).Values.Where(s =>
                filter.Admits(s.ScheduleId, s.ScheduleOwnerId, s.Type, s.RecurringSessionId)
                && Overlaps(s.Start.Timestamp, s.End.Timestamp, from, to))];
        }

        return Stream(found, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<BookingOutcome> AddParticipantAsync(string tenantId, string sessionId, Participant participant, Instant now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var sessions = Tenant(tenantId);
            if (!sessions.TryGetValue(sessionId, out var stored))
            {
                return ValueTask.FromResult(BookingOutcome.NotFound);
            }

            if (stored.Participants.Any(p => p.Id == participant.Id))
            {
                return ValueTask.FromResult(BookingOutcome.AlreadyBooked);
            }

            if (stored.Capacity is int capacity && stored.Participants.Length >= capacity)
            {
                return ValueTask.FromResult(BookingOutcome.Full);
            }

            sessions[sessionId] = stored with { Participants = stored.Participants.Add(participant), Revision = stored.Revision + 1, UpdatedAt = now };
            return ValueTask.FromResult(BookingOutcome.Booked);
        }
    }

    /// <summary>Whether <c>[start, end)</c> overlaps <c>[from, to)</c>; an instant-long session counts when it starts inside.</summary>
    internal static bool Overlaps(Instant start, Instant end, Instant from, Instant to) =>
        start < to && (end > from || (start >= from && end == start));

    private Dictionary<string, Session> Tenant(string tenantId)
    {
        if (!_tenants.TryGetValue(tenantId, out var sessions))
        {
            sessions = new Dictionary<string, Session>(StringComparer.Ordinal);
            _tenants[tenantId] = sessions;
        }

        return sessions;
    }

    private static async IAsyncEnumerable<T> Stream<T>(List<T> items, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
