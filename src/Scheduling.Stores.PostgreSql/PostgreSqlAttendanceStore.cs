using System.Data;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Npgsql;
using Scheduling.Stores.PostgreSql.Sql;
using Scheduling.Stores.Relational;
using static Scheduling.Stores.PostgreSql.Sql.Parameters;

namespace Scheduling.Stores.PostgreSql;

// Inside the namespace, so that "Attendance" names the type rather than the namespace Scheduling.Attendance.
using Scheduling.Attendance;

/// <summary>
/// An <see cref="IAttendanceStore"/> in PostgreSQL, for any number of hosts sharing one database: the table
/// <c>attendance</c>, a row per attendance, keyed by tenant and id and unique by tenant, booking and session.
/// </summary>
/// <remarks>
/// <para>Every write is atomic and checked in the database, so hosts need not agree on anything: an insert does
/// nothing when its id, or its booking and session, are taken, even by an insert running at the same moment on
/// another host (<c>ON CONFLICT DO NOTHING</c>); a replace or delete changes the row only if its revision is the one
/// expected (<c>UPDATE … WHERE revision = @expected</c>); a batch is one transaction.</para>
/// <para>Queries seek an index in the order asked for, from the keyset position (<c>(number_of_attendees, id) &gt;
/// (@number, @id)</c>), and stream in that order, a chunk at a time, all chunks from one snapshot, so a caller that
/// stops early reads little, a page costs the same wherever it is, and no attendance appears twice in one seek;
/// disposing the enumerator closes the reader, ends the read-only transaction and returns the connection to the
/// pool. The candidate filter is applied in SQL. Summaries are one <c>GROUP BY</c>.</para>
/// <para>Thread-safe. Dispose the store to close its connections when it made its own data source.</para>
/// </remarks>
public sealed class PostgreSqlAttendanceStore : IAttendanceStore, IAsyncDisposable, IDisposable
{
    /// <summary>Rows read by the first query of a seek (a default page and the row after it fit); each further chunk reads twice as many, up to <see cref="LargestChunk"/>.</summary>
    private const int FirstChunk = 128;

    private const int LargestChunk = 4096;

    private readonly StoreDataSource _dataSource;

    /// <summary>Creates a store over its own data source, made from <paramref name="connectionString"/>.</summary>
    /// <param name="connectionString">An Npgsql connection string; its search path names the schema of the tables.</param>
    /// <param name="options">How the store migrates its schema; null for <see cref="PostgreSqlStoreOptions.Default"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is null or empty.</exception>
    public PostgreSqlAttendanceStore(string connectionString, PostgreSqlStoreOptions? options = null)
    {
        _dataSource = StoreDataSource.FromConnectionString(connectionString, options);
    }

    /// <summary>Creates a store over <paramref name="dataSource"/>, which the host keeps and disposes.</summary>
    /// <param name="dataSource">The data source; its search path names the schema of the tables.</param>
    /// <param name="options">How the store migrates its schema; null for <see cref="PostgreSqlStoreOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataSource"/> is null.</exception>
    public PostgreSqlAttendanceStore(NpgsqlDataSource dataSource, PostgreSqlStoreOptions? options = null)
    {
        _dataSource = new StoreDataSource(dataSource, owned: false, options);
    }

    /// <inheritdoc />
    public async ValueTask<Attendance?> FindAsync(string tenantId, string id, CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand(AttendanceStatements.Find, connection);
            command.Parameters.Add(Text("tenant", tenantId));
            command.Parameters.Add(Text("id", id));
            return await ReadOneAsync(command, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask<Attendance?> FindByBookingAndSessionAsync(string tenantId, string bookingId, string sessionId, CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand(AttendanceStatements.FindByBookingAndSession, connection);
            command.Parameters.Add(Text("tenant", tenantId));
            command.Parameters.Add(Text("booking_id", bookingId));
            command.Parameters.Add(Text("session_id", sessionId));
            return await ReadOneAsync(command, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> InsertAsync(string tenantId, Attendance attendance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attendance);
        var connection = await _dataSource.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand(AttendanceStatements.Insert, connection);
            AddAttendance(command.Parameters, tenantId, attendance);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> ReplaceAsync(string tenantId, Attendance attendance, long expectedRevision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attendance);
        var connection = await _dataSource.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand(AttendanceStatements.Replace, connection);
            AddAttendance(command.Parameters, tenantId, attendance);
            command.Parameters.Add(Bigint("expected_revision", expectedRevision));
            try
            {
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                // Another host took the booking and session after the statement's check: nothing was changed.
                return false;
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> DeleteAsync(string tenantId, string id, long expectedRevision, CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand(AttendanceStatements.Delete, connection);
            command.Parameters.Add(Text("tenant", tenantId));
            command.Parameters.Add(Text("id", id));
            command.Parameters.Add(Bigint("expected_revision", expectedRevision));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> SaveManyAsync(string tenantId, IReadOnlyList<AttendanceWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        cancellationToken.ThrowIfCancellationRequested();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var pairs = new HashSet<(string, string)>();
        foreach (var (attendance, _) in writes)
        {
            ArgumentNullException.ThrowIfNull(attendance, nameof(writes));
            if (!ids.Add(attendance.Id) || !pairs.Add((attendance.BookingId, attendance.SessionId)))
            {
                return false;
            }
        }

        if (writes.Count == 0)
        {
            return true;
        }

        // The orders every batch takes its locks in (see AttendanceStatements).
        var replaces = writes.Where(w => w.ExpectedRevision != 0).OrderBy(w => w.Attendance.Id, StringComparer.Ordinal).ToList();
        var inserts = writes.Where(w => w.ExpectedRevision == 0)
            .OrderBy(w => w.Attendance.BookingId, StringComparer.Ordinal)
            .ThenBy(w => w.Attendance.SessionId, StringComparer.Ordinal)
            .ToList();

        var connection = await _dataSource.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await using var batch = new NpgsqlBatch(connection, transaction);
                NpgsqlBatchCommand? insert = null, replace = null;
                if (replaces.Count > 0)
                {
                    var lockRows = new NpgsqlBatchCommand(AttendanceStatements.LockMany);
                    lockRows.Parameters.Add(Text("tenant", tenantId));
                    lockRows.Parameters.Add(TextArray("ids", replaces.Select(w => w.Attendance.Id)));
                    batch.BatchCommands.Add(lockRows);
                }

                if (inserts.Count > 0)
                {
                    insert = new NpgsqlBatchCommand(AttendanceStatements.InsertMany);
                    AddRows(insert.Parameters, tenantId, inserts);
                    batch.BatchCommands.Add(insert);
                }

                if (replaces.Count > 0)
                {
                    replace = new NpgsqlBatchCommand(AttendanceStatements.ReplaceMany);
                    AddRows(replace.Parameters, tenantId, replaces);
                    replace.Parameters.Add(BigintArray("expected_revisions", replaces.Select(w => w.ExpectedRevision)));
                    batch.BatchCommands.Add(replace);
                }

                try
                {
                    await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
                {
                    // A concurrent write took a booking and session a replacement moves to; the transaction rolls back.
                    return false;
                }

                if ((insert is not null && insert.RecordsAffected != inserts.Count) || (replace is not null && replace.RecordsAffected != replaces.Count))
                {
                    await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                    return false;
                }

                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                return true;
            }
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Attendance> FindInOrderAsync(
        string tenantId,
        AttendanceCandidateFilter filter,
        AttendanceSort sort,
        AttendancePosition? position,
        SeekDirection direction,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(sort);
        cancellationToken.ThrowIfCancellationRequested();

        // A descending sort is the ascending order read backwards, and so is a backward seek: two reversals cancel.
        var descending = sort.IsDescending != (direction == SeekDirection.Backward);
        var connection = await _dataSource.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // Every chunk reads the same snapshot, as one query would: an attendance whose number of attendees changes
            // while the seek runs appears once in it, where it was when the seek started. (Npgsql sends the BEGIN
            // with the first query; reading never waits on writers, nor fails for them.)
            var snapshot = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
            await using var snapshotScope = snapshot.ConfigureAwait(false);
            var keyset = position;
            var chunk = FirstChunk;
            while (true)
            {
                await using var command = SeekQuery(connection, tenantId, filter, sort.Field, descending, keyset, chunk);
                command.Transaction = snapshot;
                var read = 0;
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        read++;
                        var attendance = ReadAttendance(reader);
                        keyset = new AttendancePosition(attendance.NumberOfAttendees, attendance.Id);
                        yield return attendance;
                    }
                }

                if (read < chunk)
                {
                    await snapshot.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                    yield break;
                }

                chunk = Math.Min(chunk * 2, LargestChunk);
            }
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<AttendanceTally> TallyAsync(
        string tenantId,
        AttendanceGrouping grouping,
        IReadOnlyCollection<string> keys,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        var column = grouping switch
        {
            AttendanceGrouping.Session => AttendanceStatements.BySession,
            AttendanceGrouping.Booking => AttendanceStatements.ByBooking,
            _ => throw new ArgumentOutOfRangeException(nameof(grouping), grouping, "Attendance is tallied by session or by booking."),
        };
        if (keys.Count == 0)
        {
            yield break;
        }

        var connection = await _dataSource.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand(string.Format(CultureInfo.InvariantCulture, AttendanceStatements.Tally, column), connection);
            command.Parameters.Add(Text("tenant", tenantId));
            command.Parameters.Add(TextArray("keys", keys.Distinct(StringComparer.Ordinal)));
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    yield return new AttendanceTally(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt64(4));
                }
            }
        }
    }

    /// <summary>Closes the store's connections if it made its own data source.</summary>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>Closes the store's connections if it made its own data source.</summary>
    public void Dispose() => _dataSource.Dispose();

    /// <summary>
    /// The query of one chunk of a seek: the candidates <paramref name="filter"/> lets through, after
    /// <paramref name="keyset"/> in ascending order of <paramref name="field"/> then id (before it, nearest first, when
    /// <paramref name="descending"/>), at most <paramref name="limit"/> of them.
    /// </summary>
    internal static NpgsqlCommand SeekQuery(
        NpgsqlConnection connection,
        string tenantId,
        AttendanceCandidateFilter filter,
        AttendanceSortField field,
        bool descending,
        AttendancePosition? keyset,
        int limit)
    {
        var command = new NpgsqlCommand { Connection = connection };
        command.Parameters.Add(Text("tenant", tenantId));
        command.Parameters.Add(Integer("limit", limit));

        var byNumber = field == AttendanceSortField.NumberOfAttendees;
        var position = string.Empty;
        if (keyset is { } at)
        {
            position = (byNumber, descending) switch
            {
                (false, false) => AttendanceStatements.AfterId,
                (false, true) => AttendanceStatements.BeforeId,
                (true, false) => AttendanceStatements.AfterNumber,
                (true, true) => AttendanceStatements.BeforeNumber,
            };
            command.Parameters.Add(Text("after_id", at.Id));
            if (byNumber)
            {
                command.Parameters.Add(Integer("after_number", at.NumberOfAttendees));
            }
        }

        // One value as an equality, so the planner can walk that booking's (session's, series') index in order;
        // several as = ANY, an index scan per value and a sort of what they find after the position.
        var candidates = new StringBuilder();
        AddCandidates(candidates, command, filter.Ids, AttendanceStatements.OneId, "id", AttendanceStatements.AnyId, "ids");
        AddCandidates(candidates, command, filter.BookingIds, AttendanceStatements.OneBooking, "booking_id", AttendanceStatements.AnyBooking, "booking_ids");
        AddCandidates(candidates, command, filter.SessionIds, AttendanceStatements.OneSession, "session_id", AttendanceStatements.AnySession, "session_ids");
        AddCandidates(
            candidates,
            command,
            filter.RecurringSessionIds,
            AttendanceStatements.OneRecurringSession,
            "recurring_session_id",
            AttendanceStatements.AnyRecurringSession,
            "recurring_session_ids");
        if (!filter.Statuses.IsEmpty)
        {
            candidates.Append(AttendanceStatements.AnyStatus);
            command.Parameters.Add(Statuses("statuses", filter.Statuses));
        }

        var order = (byNumber, descending) switch
        {
            (false, false) => AttendanceStatements.ById,
            (false, true) => AttendanceStatements.ByIdDescending,
            (true, false) => AttendanceStatements.ByNumber,
            (true, true) => AttendanceStatements.ByNumberDescending,
        };
        command.CommandText = string.Format(CultureInfo.InvariantCulture, AttendanceStatements.Seek, position, candidates, order);
        return command;
    }

    private static void AddCandidates(StringBuilder candidates, NpgsqlCommand command, IReadOnlyCollection<string> values, string one, string oneName, string any, string anyName)
    {
        if (values.Count == 1)
        {
            candidates.Append(one);
            command.Parameters.Add(Text(oneName, values.First()));
        }
        else if (values.Count > 1)
        {
            candidates.Append(any);
            command.Parameters.Add(TextArray(anyName, values));
        }
    }

    private static async ValueTask<Attendance?> ReadOneAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadAttendance(reader) : null;
        }
    }

    /// <summary>An attendance from a row of <see cref="AttendanceStatements.Columns"/>.</summary>
    private static Attendance ReadAttendance(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetString(0),
        BookingId = reader.GetString(1),
        SessionId = reader.GetString(2),
        RecurringSessionId = reader.IsDBNull(3) ? null : reader.GetString(3),
        Status = (AttendanceStatus)reader.GetInt16(4),
        NumberOfAttendees = reader.GetInt32(5),
        Revision = reader.GetInt64(6),
        CreatedAt = Ticks.ToInstant(reader.GetInt64(7), reader.GetInt16(8)),
        UpdatedAt = Ticks.ToInstant(reader.GetInt64(9), reader.GetInt16(10)),
    };

    /// <summary>Every column of an attendance row, for <see cref="AttendanceStatements.Insert"/> and <see cref="AttendanceStatements.Replace"/>.</summary>
    private static void AddAttendance(NpgsqlParameterCollection parameters, string tenantId, Attendance attendance)
    {
        parameters.Add(Text("tenant", tenantId));
        parameters.Add(Text("id", attendance.Id));
        parameters.Add(Text("booking_id", attendance.BookingId));
        parameters.Add(Text("session_id", attendance.SessionId));
        parameters.Add(NullableText("recurring_session_id", attendance.RecurringSessionId));
        parameters.Add(Smallint("status", (short)attendance.Status));
        parameters.Add(Integer("number_of_attendees", attendance.NumberOfAttendees));
        parameters.Add(Bigint("revision", attendance.Revision));
        parameters.Add(Bigint("created_at_ticks", Ticks.Floor(attendance.CreatedAt)));
        parameters.Add(Smallint("created_at_nanos", Ticks.NanosecondsPastFloor(attendance.CreatedAt)));
        parameters.Add(Bigint("updated_at_ticks", Ticks.Floor(attendance.UpdatedAt)));
        parameters.Add(Smallint("updated_at_nanos", Ticks.NanosecondsPastFloor(attendance.UpdatedAt)));
    }

    /// <summary>Every column of the rows of a batch, as arrays, for <see cref="AttendanceStatements.InsertMany"/> and <see cref="AttendanceStatements.ReplaceMany"/>.</summary>
    private static void AddRows(NpgsqlParameterCollection parameters, string tenantId, List<AttendanceWrite> writes)
    {
        var rows = writes.ConvertAll(w => w.Attendance);
        parameters.Add(Text("tenant", tenantId));
        parameters.Add(TextArray("ids", rows.Select(a => a.Id)));
        parameters.Add(TextArray("booking_ids", rows.Select(a => a.BookingId)));
        parameters.Add(TextArray("session_ids", rows.Select(a => a.SessionId)));
        parameters.Add(NullableTextArray("recurring_session_ids", rows.Select(a => a.RecurringSessionId)));
        parameters.Add(Statuses("statuses", rows.Select(a => a.Status)));
        parameters.Add(IntegerArray("numbers_of_attendees", rows.Select(a => a.NumberOfAttendees)));
        parameters.Add(BigintArray("revisions", rows.Select(a => a.Revision)));
        parameters.Add(BigintArray("created_at_ticks", rows.Select(a => Ticks.Floor(a.CreatedAt))));
        parameters.Add(SmallintArray("created_at_nanos", rows.Select(a => Ticks.NanosecondsPastFloor(a.CreatedAt))));
        parameters.Add(BigintArray("updated_at_ticks", rows.Select(a => Ticks.Floor(a.UpdatedAt))));
        parameters.Add(SmallintArray("updated_at_nanos", rows.Select(a => Ticks.NanosecondsPastFloor(a.UpdatedAt))));
    }
}
