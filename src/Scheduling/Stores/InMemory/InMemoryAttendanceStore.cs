using System.Runtime.CompilerServices;

namespace Scheduling.Stores.InMemory;

// Inside the namespace, so that "Attendance" names the type rather than the namespace Scheduling.Attendance.
using Scheduling.Attendance;

/// <summary>
/// The embedded default <see cref="IAttendanceStore"/>: attendance in memory, per tenant, guarded by one lock so every
/// write (a batch included) is atomic. Thread-safe; lost on restart.
/// </summary>
/// <remarks>
/// <para>Records are indexed by id, by (booking, session), and in scopes: the whole tenant, each booking, each session
/// and each recurring session. A scope keeps immutable snapshots sorted by id and by (number of attendees, id), made
/// by the first query after a write to the scope, so a seek is a binary search and a page costs its own length
/// whatever its position; a walk through many pages with no writes in between copies nothing, and a write to one
/// booking or session leaves the snapshots of the others alone.</para>
/// <para>Summaries read per-session and per-booking counts kept up to date by every write, so they cost one lookup
/// per key.</para>
/// </remarks>
public sealed class InMemoryAttendanceStore : IAttendanceStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Tenant> _tenants = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<Attendance?> FindAsync(string tenantId, string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(For(tenantId).All.Find(id));
        }
    }

    /// <inheritdoc />
    public ValueTask<Attendance?> FindByBookingAndSessionAsync(string tenantId, string bookingId, string sessionId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(For(tenantId).FindPair(bookingId, sessionId));
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> InsertAsync(string tenantId, Attendance attendance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attendance);
        lock (_gate)
        {
            var tenant = For(tenantId);
            if (tenant.All.Find(attendance.Id) is not null || tenant.FindPair(attendance.BookingId, attendance.SessionId) is not null)
            {
                return ValueTask.FromResult(false);
            }

            tenant.Add(attendance);
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> ReplaceAsync(string tenantId, Attendance attendance, long expectedRevision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attendance);
        lock (_gate)
        {
            var tenant = For(tenantId);
            if (!tenant.CanReplace(attendance, expectedRevision, out var stored))
            {
                return ValueTask.FromResult(false);
            }

            tenant.Remove(stored);
            tenant.Add(attendance);
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> DeleteAsync(string tenantId, string id, long expectedRevision, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var tenant = For(tenantId);
            if (tenant.All.Find(id) is not { } stored || stored.Revision != expectedRevision)
            {
                return ValueTask.FromResult(false);
            }

            tenant.Remove(stored);
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> SaveManyAsync(string tenantId, IReadOnlyList<AttendanceWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        lock (_gate)
        {
            var tenant = For(tenantId);
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var pairs = new HashSet<(string, string)>();
            var replaced = new Attendance?[writes.Count];
            for (var i = 0; i < writes.Count; i++)
            {
                var (attendance, expectedRevision) = writes[i];
                if (!ids.Add(attendance.Id) || !pairs.Add((attendance.BookingId, attendance.SessionId)))
                {
                    return ValueTask.FromResult(false);
                }

                if (expectedRevision == 0)
                {
                    if (tenant.All.Find(attendance.Id) is not null || tenant.FindPair(attendance.BookingId, attendance.SessionId) is not null)
                    {
                        return ValueTask.FromResult(false);
                    }
                }
                else if (tenant.CanReplace(attendance, expectedRevision, out var stored))
                {
                    replaced[i] = stored;
                }
                else
                {
                    return ValueTask.FromResult(false);
                }
            }

            for (var i = 0; i < writes.Count; i++)
            {
                if (replaced[i] is { } stored)
                {
                    tenant.Remove(stored);
                }

                tenant.Add(writes[i].Attendance);
            }

            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<Attendance> FindInOrderAsync(
        string tenantId,
        AttendanceCandidateFilter filter,
        AttendanceSort sort,
        AttendancePosition? position,
        SeekDirection direction,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(sort);
        List<Attendance[]> sources;
        lock (_gate)
        {
            sources = For(tenantId).Sources(filter, sort.Field);
        }

        // A descending sort is the ascending order read backwards, and so is a backward seek: two reversals cancel.
        var backwards = sort.IsDescending != (direction == SeekDirection.Backward);
        return Seek(sources, filter, sort.Field, position, backwards, cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<AttendanceTally> TallyAsync(string tenantId, AttendanceGrouping grouping, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var tallies = new List<AttendanceTally>(keys.Count);
        lock (_gate)
        {
            var counts = grouping == AttendanceGrouping.Session ? For(tenantId).SessionCounts : For(tenantId).BookingCounts;
            foreach (var key in keys.Distinct(StringComparer.Ordinal))
            {
                if (counts.TryGetValue(key, out var count))
                {
                    tallies.Add(new AttendanceTally(key, count.Attended, count.NotAttended, count.NotSet, count.Attendees));
                }
            }
        }

        return InMemoryStreams.Stream(tallies, cancellationToken);
    }

    /// <summary>Compares an attendance with a position in the ascending order of <paramref name="field"/>.</summary>
    private static int Compare(Attendance attendance, AttendancePosition position, AttendanceSortField field) =>
        AttendancePosition.Of(attendance).CompareTo(position, field);

    private static int CompareAscending(Attendance left, Attendance right, AttendanceSortField field) =>
        AttendancePosition.Of(left).CompareTo(AttendancePosition.Of(right), field);

    /// <summary>The index of the first item after <paramref name="position"/> in ascending order (the length when there is none).</summary>
    private static int FirstAfter(Attendance[] ascending, AttendancePosition position, AttendanceSortField field)
    {
        int low = 0, high = ascending.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (Compare(ascending[middle], position, field) <= 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>The index of the last item before <paramref name="position"/> in ascending order (-1 when there is none).</summary>
    private static int LastBefore(Attendance[] ascending, AttendancePosition position, AttendanceSortField field)
    {
        int low = 0, high = ascending.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (Compare(ascending[middle], position, field) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low - 1;
    }

    /// <summary>
    /// Walks the ascending snapshots from the position, forwards or backwards, merging them when there are several
    /// (one per booking or session asked for) through a heap of one head per snapshot.
    /// </summary>
    private static async IAsyncEnumerable<Attendance> Seek(
        List<Attendance[]> sources,
        AttendanceCandidateFilter filter,
        AttendanceSortField field,
        AttendancePosition? position,
        bool backwards,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var step = backwards ? -1 : 1;
        var next = new int[sources.Count];
        var heads = new PriorityQueue<int, Attendance>(sources.Count, Comparer<Attendance>.Create(backwards
            ? (x, y) => CompareAscending(y, x, field)
            : (x, y) => CompareAscending(x, y, field)));
        for (var source = 0; source < sources.Count; source++)
        {
            var items = sources[source];
            var start = position is not { } at ? (backwards ? items.Length - 1 : 0)
                : backwards ? LastBefore(items, at, field) : FirstAfter(items, at, field);
            if (start >= 0 && start < items.Length)
            {
                heads.Enqueue(source, items[start]);
                next[source] = start + step;
            }
        }

        var read = 0;
        while (heads.TryDequeue(out var source, out var attendance))
        {
            if ((++read & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var items = sources[source];
            if (next[source] >= 0 && next[source] < items.Length)
            {
                heads.Enqueue(source, items[next[source]]);
                next[source] += step;
            }

            if (filter.Admits(attendance))
            {
                yield return attendance;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        await Task.CompletedTask.ConfigureAwait(false);
    }

    private Tenant For(string tenantId)
    {
        if (!_tenants.TryGetValue(tenantId, out var tenant))
        {
            tenant = new Tenant();
            _tenants[tenantId] = tenant;
        }

        return tenant;
    }

    /// <summary>One tenant's attendance: the whole tenant as a scope, the (booking, session) index, the scopes per key, the counts per key.</summary>
    private sealed class Tenant
    {
        private readonly Dictionary<(string Booking, string Session), Attendance> _byPair = [];
        private readonly Dictionary<string, Scope> _byBooking = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Scope> _bySession = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Scope> _byRecurringSession = new(StringComparer.Ordinal);

        public Scope All { get; } = new();

        public Dictionary<string, Counts> SessionCounts { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Counts> BookingCounts { get; } = new(StringComparer.Ordinal);

        public Attendance? FindPair(string bookingId, string sessionId) => _byPair.GetValueOrDefault((bookingId, sessionId));

        public bool CanReplace(Attendance attendance, long expectedRevision, out Attendance stored)
        {
            if (All.Find(attendance.Id) is not { } found || found.Revision != expectedRevision)
            {
                stored = null!;
                return false;
            }

            stored = found;
            return FindPair(attendance.BookingId, attendance.SessionId) is not { } holder || holder.Id == attendance.Id;
        }

        public void Add(Attendance attendance)
        {
            All.Add(attendance);
            _byPair[(attendance.BookingId, attendance.SessionId)] = attendance;
            ScopeOf(_byBooking, attendance.BookingId).Add(attendance);
            ScopeOf(_bySession, attendance.SessionId).Add(attendance);
            if (attendance.RecurringSessionId is { } series)
            {
                ScopeOf(_byRecurringSession, series).Add(attendance);
            }

            Count(SessionCounts, attendance.SessionId, attendance, +1);
            Count(BookingCounts, attendance.BookingId, attendance, +1);
        }

        public void Remove(Attendance attendance)
        {
            All.Remove(attendance);
            _byPair.Remove((attendance.BookingId, attendance.SessionId));
            Unscope(_byBooking, attendance.BookingId, attendance);
            Unscope(_bySession, attendance.SessionId, attendance);
            if (attendance.RecurringSessionId is { } series)
            {
                Unscope(_byRecurringSession, series, attendance);
            }

            Count(SessionCounts, attendance.SessionId, attendance, -1);
            Count(BookingCounts, attendance.BookingId, attendance, -1);
        }

        /// <summary>
        /// The sorted snapshots a query reads: of the ids asked for, or of the bookings, sessions or series asked for,
        /// or of the whole tenant, whichever holds the fewest records.
        /// </summary>
        public List<Attendance[]> Sources(AttendanceCandidateFilter filter, AttendanceSortField field)
        {
            if (!filter.Ids.IsEmpty)
            {
                var found = filter.Ids.Select(All.Find).OfType<Attendance>().ToArray();
                Array.Sort(found, (x, y) => CompareAscending(x, y, field));
                return [found];
            }

            var best = (Scopes: (IEnumerable<Scope>)[All], Size: All.Count);
            Consider(_bySession, filter.SessionIds, ref best);
            Consider(_byBooking, filter.BookingIds, ref best);
            Consider(_byRecurringSession, filter.RecurringSessionIds, ref best);
            return [.. best.Scopes.Select(scope => scope.Sorted(field))];
        }

        private static void Consider(Dictionary<string, Scope> index, IEnumerable<string> keys, ref (IEnumerable<Scope> Scopes, int Size) best)
        {
            if (!keys.Any())
            {
                return;
            }

            var scopes = keys.Select(index.GetValueOrDefault).OfType<Scope>().ToList();
            var size = scopes.Sum(s => s.Count);
            if (size < best.Size)
            {
                best = (scopes, size);
            }
        }

        private static Scope ScopeOf(Dictionary<string, Scope> index, string key)
        {
            if (!index.TryGetValue(key, out var scope))
            {
                scope = new Scope();
                index[key] = scope;
            }

            return scope;
        }

        private static void Unscope(Dictionary<string, Scope> index, string key, Attendance attendance)
        {
            var scope = index[key];
            scope.Remove(attendance);
            if (scope.Count == 0)
            {
                index.Remove(key);
            }
        }

        private static void Count(Dictionary<string, Counts> index, string key, Attendance attendance, int sign)
        {
            if (!index.TryGetValue(key, out var counts))
            {
                counts = new Counts();
                index[key] = counts;
            }

            switch (attendance.Status)
            {
                case AttendanceStatus.Attended:
                    counts.Attended += sign;
                    break;
                case AttendanceStatus.NotAttended:
                    counts.NotAttended += sign;
                    break;
                default:
                    counts.NotSet += sign;
                    break;
            }

            counts.Attendees += sign * (long)attendance.NumberOfAttendees;
            if (counts.Attended == 0 && counts.NotAttended == 0 && counts.NotSet == 0)
            {
                index.Remove(key);
            }
        }
    }

    /// <summary>The records of one scope by id, and its snapshots sorted ascending, discarded by every write to the scope.</summary>
    private sealed class Scope
    {
        private readonly Dictionary<string, Attendance> _members = new(StringComparer.Ordinal);
        private Attendance[]? _byId;
        private Attendance[]? _byNumber;

        public int Count => _members.Count;

        public Attendance? Find(string id) => _members.GetValueOrDefault(id);

        public void Add(Attendance attendance)
        {
            _members[attendance.Id] = attendance;
            _byId = null;
            _byNumber = null;
        }

        public void Remove(Attendance attendance)
        {
            _members.Remove(attendance.Id);
            _byId = null;
            _byNumber = null;
        }

        public Attendance[] Sorted(AttendanceSortField field)
        {
            ref var snapshot = ref field == AttendanceSortField.Id ? ref _byId : ref _byNumber;
            if (snapshot is null)
            {
                var sorted = _members.Values.ToArray();
                Array.Sort(sorted, (x, y) => CompareAscending(x, y, field));
                snapshot = sorted;
            }

            return snapshot;
        }
    }

    /// <summary>The attendance of one session or booking, counted by status.</summary>
    private sealed class Counts
    {
        public int Attended { get; set; }

        public int NotAttended { get; set; }

        public int NotSet { get; set; }

        public long Attendees { get; set; }
    }
}
