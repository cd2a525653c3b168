using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Scheduling.Stores.Relational;

namespace Scheduling.Stores.Sqlite;

// Inside the namespace, so that "Attendance" names the type rather than the namespace Scheduling.Attendance.
using Scheduling.Attendance;

/// <summary>
/// An <see cref="IAttendanceStore"/> in a SQLite file: one row per attendance, as columns. Uniqueness of ids and of
/// (booking, session) is the table's; queries are keyset seeks on the index of their scope and order, streamed in
/// result order; tallies are one <c>GROUP BY</c>. Every write is one transaction.
/// </summary>
/// <remarks>
/// <para>A query seeks the ids it is given, or else the bookings, sessions or recurring sessions it is given (whichever
/// set names the fewest), or else its statuses, or else the whole tenant; the rest of the candidate filter is checked
/// in SQL on the rows of that range. When the set holds several keys, each key's range is read from its own index
/// seek and the ranges are merged, in one read transaction, so a page costs its own length (plus one row per key)
/// whatever its position.</para>
/// <para>Ids are ordered as SQLite's BINARY collation orders them: ordinally, except that characters beyond U+FFFF
/// sort after U+E000 to U+FFFF. Paging is exact either way; only that corner of the order differs from the in-memory
/// store's.</para>
/// <para>Thread-safe: each call uses its own pooled connection, so one instance serves a whole process, and several
/// instances (or processes) may share a file. SQLite admits one writer at a time; concurrent writers wait up to
/// <see cref="SqliteStoreOptions.BusyTimeout"/>. The schema is migrated on first use unless
/// <see cref="SqliteStoreOptions.ApplyMigrations"/> is off.</para>
/// </remarks>
public sealed class SqliteAttendanceStore : IAttendanceStore
{
    private readonly SqliteDatabase _database;

    /// <summary>Creates a store over the database of <paramref name="connectionString"/>, with the default options.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, such as <c>Data Source=scheduling.db</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is blank or malformed.</exception>
    public SqliteAttendanceStore(string connectionString)
        : this(connectionString, SqliteStoreOptions.Default)
    {
    }

    /// <summary>Creates a store over the database of <paramref name="connectionString"/>.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, such as <c>Data Source=scheduling.db</c>.</param>
    /// <param name="options">How to use the database.</param>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is blank or malformed, or an option is out of range.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public SqliteAttendanceStore(string connectionString, SqliteStoreOptions options)
    {
        _database = new SqliteDatabase(connectionString, options);
    }

    /// <inheritdoc />
    public async ValueTask<Attendance?> FindAsync(string tenantId, string id, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(AttendanceSql.Find).With("@tenant", tenantId).With("@id", id);
        return await ReadOneAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<Attendance?> FindByBookingAndSessionAsync(string tenantId, string bookingId, string sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(AttendanceSql.FindByBookingAndSession)
            .With("@tenant", tenantId)
            .With("@booking_id", bookingId)
            .With("@session_id", sessionId);
        return await ReadOneAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<bool> InsertAsync(string tenantId, Attendance attendance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attendance);
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                var inserted = await WriteOneAsync(connection, transaction, tenantId, new AttendanceWrite(attendance, 0), cancellationToken).ConfigureAwait(false);
                return (inserted, inserted);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<bool> ReplaceAsync(string tenantId, Attendance attendance, long expectedRevision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attendance);
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                // An expected revision of 0 matches no stored row: a replace never inserts.
                await using var command = connection.Command(AttendanceSql.Replace, transaction)
                    .WithAttendance(tenantId, attendance)
                    .With("@expected_revision", expectedRevision);
                var replaced = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
                return (replaced, replaced);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<bool> DeleteAsync(string tenantId, string id, long expectedRevision, CancellationToken cancellationToken) =>
        _database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.Command(AttendanceSql.Delete, transaction)
                    .With("@tenant", tenantId)
                    .With("@id", id)
                    .With("@expected_revision", expectedRevision);
                var deleted = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
                return (deleted, deleted);
            },
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// Each write is checked against what is stored before the batch, as it would be on its own, before any is made;
    /// all of it under the write lock, so nothing changes in between.
    /// </remarks>
    public ValueTask<bool> SaveManyAsync(string tenantId, IReadOnlyList<AttendanceWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var pairs = new HashSet<(string, string)>();
        foreach (var (attendance, _) in writes)
        {
            ArgumentNullException.ThrowIfNull(attendance, nameof(writes));
            if (!ids.Add(attendance.Id) || !pairs.Add((attendance.BookingId, attendance.SessionId)))
            {
                return ValueTask.FromResult(false);
            }
        }

        if (writes.Count == 0)
        {
            return ValueTask.FromResult(true);
        }

        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                foreach (var write in writes)
                {
                    await using var check = connection.Command(AttendanceSql.CanWrite, transaction)
                        .WithAttendance(tenantId, write.Attendance)
                        .With("@expected_revision", write.ExpectedRevision);
                    if (await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not 1L)
                    {
                        return (false, false);
                    }
                }

                // Every write was possible before the batch, and the batch names each id and each booking and session
                // once, so no write can stand in another's way now; a failure here would be a bug, and rolls back.
                foreach (var write in writes)
                {
                    if (!await WriteOneAsync(connection, transaction, tenantId, write, cancellationToken).ConfigureAwait(false))
                    {
                        return (false, false);
                    }
                }

                return (true, true);
            },
            cancellationToken);
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

        // A descending sort is the ascending order read backwards, and so is a backward seek: two reversals cancel.
        var descending = sort.IsDescending != (direction == SeekDirection.Backward);
        return Seek(tenantId, filter, sort.Field, position, descending, cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<AttendanceTally> TallyAsync(string tenantId, AttendanceGrouping grouping, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return Tally(tenantId, grouping == AttendanceGrouping.Booking ? AttendanceSql.TallyByBooking : AttendanceSql.TallyBySession, ColumnValues.JsonSet(keys), cancellationToken);
    }

    /// <summary>
    /// The range a seek reads: the ids of the filter, or else its booking, session or recurring session set that names
    /// the fewest keys (one index seek per key), or else its statuses, or else the whole tenant. The rest of the filter
    /// is what the rows of the range are checked against.
    /// </summary>
    private static (AttendanceSql.SeekScope Scope, object?[] Keys, AttendanceCandidateFilter Remaining) ScopeOf(AttendanceCandidateFilter filter)
    {
        if (!filter.Ids.IsEmpty)
        {
            // The statement reads the ids itself, from @ids.
            return (AttendanceSql.SeekScope.Ids, [null], filter);
        }

        var candidates = new[]
        {
            (Scope: AttendanceSql.SeekScope.Session, Keys: filter.SessionIds, Remaining: filter with { SessionIds = [] }),
            (Scope: AttendanceSql.SeekScope.Booking, Keys: filter.BookingIds, Remaining: filter with { BookingIds = [] }),
            (Scope: AttendanceSql.SeekScope.RecurringSession, Keys: filter.RecurringSessionIds, Remaining: filter with { RecurringSessionIds = [] }),
        };

        // OrderBy is stable: on a tie, sessions (small scopes as a rule) win, then bookings.
        foreach (var fewest in candidates.Where(c => !c.Keys.IsEmpty).OrderBy(c => c.Keys.Count))
        {
            return (fewest.Scope, [.. fewest.Keys], fewest.Remaining);
        }

        // Every status admitted is no restriction at all: the tenant's own index reads without skipping.
        return filter.Statuses.IsEmpty || filter.Statuses.Count == Enum.GetValues<AttendanceStatus>().Length
            ? (AttendanceSql.SeekScope.Tenant, [null], filter)
            : (AttendanceSql.SeekScope.Status, [.. filter.Statuses.Select(s => (object?)(int)s)], filter with { Statuses = [] });
    }

    private static async ValueTask<Attendance?> ReadOneAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    /// <summary>An attendance from a row of <see cref="AttendanceSql.Columns"/>.</summary>
    private static Attendance Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        BookingId = reader.GetString(1),
        SessionId = reader.GetString(2),
        RecurringSessionId = reader.IsDBNull(3) ? null : reader.GetString(3),
        Status = (AttendanceStatus)reader.GetInt32(4),
        NumberOfAttendees = reader.GetInt32(5),
        Revision = reader.GetInt64(6),
        CreatedAt = Ticks.ToInstant(reader.GetInt64(7), reader.GetInt16(8)),
        UpdatedAt = Ticks.ToInstant(reader.GetInt64(9), reader.GetInt16(10)),
    };

    /// <summary>Inserts (expected revision 0) or replaces one attendance; false when no row changed.</summary>
    private static async ValueTask<bool> WriteOneAsync(SqliteConnection connection, SqliteTransaction transaction, string tenantId, AttendanceWrite write, CancellationToken cancellationToken)
    {
        var inserting = write.ExpectedRevision == 0;
        await using var command = connection.Command(inserting ? AttendanceSql.Insert : AttendanceSql.Replace, transaction)
            .WithAttendance(tenantId, write.Attendance);
        if (!inserting)
        {
            command.With("@expected_revision", write.ExpectedRevision);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Compares two attendance records in the order a seek reads them (<see cref="AttendancePosition"/>'s, reversed when descending).</summary>
    private static int Compare(Attendance left, Attendance right, AttendanceSortField field, bool descending)
    {
        var ascending = AttendancePosition.Of(left).CompareTo(AttendancePosition.Of(right), field);
        return descending ? -ascending : ascending;
    }

    private async IAsyncEnumerable<Attendance> Seek(
        string tenantId,
        AttendanceCandidateFilter filter,
        AttendanceSortField field,
        AttendancePosition? position,
        bool descending,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (scope, keys, remaining) = ScopeOf(filter);
        var sql = AttendanceSql.Seek(scope, field, descending, position is not null);

        // Disposing the enumerator early (the caller has a page) disposes the readers and returns the connection.
        // Several keys are read in one transaction, so the ranges merged come from one snapshot.
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = keys.Length > 1 ? connection.BeginTransaction(deferred: true) : null;
        var commands = new List<SqliteCommand>(keys.Length);
        var readers = new List<SqliteDataReader>(keys.Length);
        try
        {
            // One head per key's range; the nearest head in the order read comes next.
            var heads = new PriorityQueue<int, Attendance>(keys.Length, Comparer<Attendance>.Create((x, y) => Compare(x, y, field, descending)));
            foreach (var key in keys)
            {
                var command = connection.Command(sql, transaction).With("@tenant", tenantId).WithCandidateFilter(remaining);
                commands.Add(command);
                if (scope is not AttendanceSql.SeekScope.Tenant and not AttendanceSql.SeekScope.Ids)
                {
                    command.With("@key", key);
                }

                if (position is { } at)
                {
                    command.With("@after_number", at.NumberOfAttendees).With("@after_id", at.Id);
                }

                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                readers.Add(reader);
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    heads.Enqueue(readers.Count - 1, Read(reader));
                }
            }

            while (heads.TryDequeue(out var source, out var attendance))
            {
                var reader = readers[source];
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    heads.Enqueue(source, Read(reader));
                }

                yield return attendance;
            }
        }
        finally
        {
            foreach (var reader in readers)
            {
                await reader.DisposeAsync().ConfigureAwait(false);
            }

            foreach (var command in commands)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async IAsyncEnumerable<AttendanceTally> Tally(string tenantId, string sql, string? keys, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (keys is null)
        {
            yield break;
        }

        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(sql).With("@tenant", tenantId).With("@keys", keys);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new AttendanceTally(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt64(4));
        }
    }
}
