using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using NodaTime;
using NodaTime.Text;
using Npgsql;
using Scheduling.Sessions;
using Scheduling.Stores.PostgreSql.Sql;
using Scheduling.Stores.Relational;
using Scheduling.Stores.Serialization;
using static Scheduling.Stores.PostgreSql.Sql.Parameters;

namespace Scheduling.Stores.PostgreSql;

/// <summary>
/// An <see cref="IRecurringSessionStore"/> in PostgreSQL, for any number of hosts sharing one database: the tables
/// <c>recurring_sessions</c> and <c>instance_overrides</c> (keyed by series and identity start), each row with its
/// stored JSON body beside the columns queries use.
/// </summary>
/// <remarks>
/// <para>Every write is atomic and checked in the database: revisions are compared in the <c>UPDATE</c>; a change to
/// an instance (an override, a booking) first locks its series row, so capacity is checked and the participant added
/// in one transaction that no other host can interleave, and a split, which updates that row, moves every override
/// committed before it, in the same transaction as the two series.</para>
/// <para>Window queries select candidates in SQL: series whose span <c>[first start, effective span end)</c> overlaps
/// the window (an index on the span), and series with an instance moved into it (an index on moved starts).</para>
/// <para>Every write of a series or its overrides gives the series row the next value of a sequence as its
/// <see cref="RecurringSessionRecord.Version"/>, by which an unchanged series is read from memory, without parsing
/// its bodies.</para>
/// <para>Thread-safe. Dispose the store to close its connections when it made its own data source.</para>
/// </remarks>
public sealed class PostgreSqlRecurringSessionStore : IRecurringSessionStore, IAsyncDisposable, IDisposable
{
    private static readonly LocalDateTimePattern IdentityText = LocalDateTimePattern.ExtendedIso;

    /// <summary>How many records (and parsed overrides) a store keeps in memory; more than a large tenant's candidates for a window.</summary>
    private const int RecordsKept = 100_000;

    private readonly StoreDataSource _dataSource;
    private readonly StoredRecordCache _records = new(RecordsKept);

    /// <summary>Creates a store over its own data source, made from <paramref name="connectionString"/>.</summary>
    /// <param name="connectionString">An Npgsql connection string; its search path names the schema of the tables.</param>
    /// <param name="options">How the store migrates its schema; null for <see cref="PostgreSqlStoreOptions.Default"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is null or empty.</exception>
    public PostgreSqlRecurringSessionStore(string connectionString, PostgreSqlStoreOptions? options = null)
    {
        _dataSource = StoreDataSource.FromConnectionString(connectionString, options);
    }

    /// <summary>Creates a store over <paramref name="dataSource"/>, which the host keeps and disposes.</summary>
    /// <param name="dataSource">The data source; its search path names the schema of the tables.</param>
    /// <param name="options">How the store migrates its schema; null for <see cref="PostgreSqlStoreOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataSource"/> is null.</exception>
    public PostgreSqlRecurringSessionStore(NpgsqlDataSource dataSource, PostgreSqlStoreOptions? options = null)
    {
        _dataSource = new StoreDataSource(dataSource, owned: false, options);
    }

    /// <summary>
    /// Gets or sets a step run inside a split's transaction after every row changed and before the commit (tests
    /// use it to break the connection there). Null in production.
    /// </summary>
    internal Func<NpgsqlConnection, CancellationToken, Task>? BeforeSplitCommits { get; set; }

    /// <inheritdoc />
    public async ValueTask<RecurringSessionRecord?> FindAsync(string tenantId, string id, CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand(RecurringSessionStatements.Find, connection);
            command.Parameters.Add(Text("tenant", tenantId));
            command.Parameters.Add(Text("id", id));
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadRecord(tenantId, reader) : null;
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>Reads the series row and at most one override row, by primary key.</remarks>
    public async ValueTask<RecurringSessionRecord?> FindForInstanceAsync(string tenantId, string id, LocalDateTime identityStart, CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand(RecurringSessionStatements.FindWithOverride, connection);
            command.Parameters.Add(Text("tenant", tenantId));
            command.Parameters.Add(Text("id", id));
            command.Parameters.Add(Text("identity_start", IdentityText.Format(identityStart)));
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }

                Instant? spanEnd = reader.IsDBNull(0) ? null : Ticks.ToInstant(reader.GetInt64(0), reader.GetInt16(1));
                return _records.ReadPart(tenantId, reader.GetString(4), reader.GetInt64(5), reader.GetString(2), spanEnd, Bodies(reader.GetFieldValue<string[]>(3)));
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> InsertAsync(string tenantId, RecurringSession series, Instant? spanEnd, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(series);
        var connection = await _dataSource.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand(RecurringSessionStatements.Insert, connection);
            AddSeries(command.Parameters, tenantId, series, spanEnd);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> InsertManyAsync(string tenantId, IReadOnlyList<(RecurringSession Series, Instant? SpanEnd)> series, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(series);
        var connection = await _dataSource.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                foreach (var (one, spanEnd) in series)
                {
                    await using var command = new NpgsqlCommand(RecurringSessionStatements.Insert, connection, transaction);
                    AddSeries(command.Parameters, tenantId, one, spanEnd);
                    if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
                    {
                        await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                        return false;
                    }
                }

                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                return true;
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> ReplaceAsync(string tenantId, RecurringSession series, Instant? spanEnd, long expectedRevision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(series);
        var connection = await _dataSource.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand(RecurringSessionStatements.Replace, connection);
            AddSeries(command.Parameters, tenantId, series, spanEnd);
            command.Parameters.Add(Bigint("expected_revision", expectedRevision));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> DeleteAsync(string tenantId, string id, long expectedRevision, CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // The overrides go with the series (ON DELETE CASCADE), in the same statement.
            await using var command = new NpgsqlCommand(RecurringSessionStatements.Delete, connection);
            command.Parameters.Add(Text("tenant", tenantId));
            command.Parameters.Add(Text("id", id));
            command.Parameters.Add(Bigint("expected_revision", expectedRevision));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<RecurringSessionRecord> FindOverlappingAsync(
        string tenantId,
        SessionCandidateFilter filter,
        Instant from,
        Instant to,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        cancellationToken.ThrowIfCancellationRequested();
        var connection = await _dataSource.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var window = new SessionWindow(from, to);
            await using var command = OverlappingQuery(connection, tenantId, filter, from, to);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    cancellationToken.ThrowIfCancellationRequested();

                    // The SQL selects by tick columns rounded outwards; the exact rule decides at the edges.
                    var record = ReadRecord(tenantId, reader);
                    if (record.CanOverlap(window))
                    {
                        yield return record;
                    }
                }
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> SaveOverrideAsync(string tenantId, InstanceOverride instanceOverride, long expectedRevision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceOverride);
        var seriesId = instanceOverride.RecurringSessionId;
        var connection = await _dataSource.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await using var batch = new NpgsqlBatch(connection, transaction);
                Command(batch, RecurringSessionStatements.LockSeries, tenantId, seriesId);
                var write = Command(batch, expectedRevision == 0 ? RecurringSessionStatements.InsertOverride : RecurringSessionStatements.UpdateOverride, tenantId, seriesId);
                AddOverride(write.Parameters, instanceOverride);
                if (expectedRevision != 0)
                {
                    write.Parameters.Add(Bigint("expected_revision", expectedRevision));
                }

                Command(batch, RecurringSessionStatements.TouchSeries, tenantId, seriesId)
                    .Parameters.Add(NullableBigint("duration_ticks", DurationTicks(instanceOverride)));
                Bump(batch, tenantId, DurationTicks(instanceOverride) ?? 0);
                bool seriesFound;
                var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    seriesFound = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
                    {
                    }
                }

                if (!seriesFound || write.RecordsAffected != 1)
                {
                    return false;
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Locks the series row, then reads its overrides in a statement of its own (which sees every override committed
    /// while the lock was awaited), decides, and writes the two series, the overrides taken out and the ones put in,
    /// in the same transaction.
    /// </remarks>
    public async ValueTask<TResult> SplitAsync<TResult>(
        string tenantId,
        string recurringSessionId,
        Func<RecurringSessionRecord?, StoreChange<SeriesSplit, TResult>> decide,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        var connection = await _dataSource.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var stored = await LockRecordAsync(connection, transaction, tenantId, recurringSessionId, cancellationToken).ConfigureAwait(false);
                var change = decide(stored);
                if (change.Write is not { } split)
                {
                    return change.Result;
                }

                if (stored is null)
                {
                    throw new InvalidOperationException($"No recurring session '{recurringSessionId}' to split.");
                }

                var leaving = split.OverridesLeaving(stored);
                var (ended, following) = (split.Ended, split.Following);
                NpgsqlBatchCommand endedRow, followingRow;
                await using (var batch = new NpgsqlBatch(connection, transaction))
                {
                    endedRow = Command(batch, RecurringSessionStatements.UpdateSeries);
                    AddSeries(endedRow.Parameters, tenantId, ended.Series, ended.SpanEnd);
                    endedRow.Parameters.Add(Bigint("expected_revision", stored.Series.Revision));
                    followingRow = Command(batch, RecurringSessionStatements.InsertSeries);
                    AddSeries(followingRow.Parameters, tenantId, following.Series, following.SpanEnd);
                    await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                if (endedRow.RecordsAffected != 1)
                {
                    throw new InvalidOperationException($"The recurring session '{recurringSessionId}' changed while its row was locked.");
                }

                if (followingRow.RecordsAffected != 1)
                {
                    throw split.FollowingIdTaken();
                }

                var moved = following.Overrides.Values.ToList();
                await using (var batch = new NpgsqlBatch(connection, transaction))
                {
                    if (leaving.Length > 0)
                    {
                        Command(batch, RecurringSessionStatements.DeleteOverridesAt, tenantId, recurringSessionId)
                            .Parameters.Add(TextArray("identity_starts", leaving.Select(IdentityText.Format)));
                    }

                    if (moved.Count > 0)
                    {
                        var insert = Command(batch, RecurringSessionStatements.InsertMovedOverrides, tenantId, following.Series.Id);
                        insert.Parameters.Add(TextArray("identity_starts", moved.Select(o => IdentityText.Format(o.IdentityStart))));
                        insert.Parameters.Add(BigintArray("revisions", moved.Select(o => o.Revision)));
                        insert.Parameters.Add(NullableBigintArray("moved_start_ticks", moved.Select(MovedStartTicks)));
                        insert.Parameters.Add(NullableBigintArray("duration_ticks", moved.Select(DurationTicks)));
                        insert.Parameters.Add(TextArray("bodies", moved.Select(o => StoredJson.Write(o))));
                    }

                    var recompute = Command(batch, RecurringSessionStatements.RecomputeLongestOverride);
                    recompute.Parameters.Add(Text("tenant", tenantId));
                    recompute.Parameters.Add(TextArray("series_ids", [recurringSessionId, following.Series.Id]));
                    Bump(batch, tenantId, Math.Max(Ticks.Ceiling(ended.Series.Duration), Ticks.Ceiling(following.Series.Duration)));
                    await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                if (BeforeSplitCommits is { } step)
                {
                    await step(connection, cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return change.Result;
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Locks the series row first (as every change to an instance does, so a split waits for it); the override is read
    /// by the next statement, which sees every change committed while the lock was awaited.
    /// </remarks>
    public async ValueTask<TResult> ChangeInstanceAsync<TResult>(
        string tenantId,
        string recurringSessionId,
        LocalDateTime identityStart,
        Func<RecurringSession?, InstanceOverride?, StoreChange<InstanceOverride, TResult>> decide,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        var key = IdentityText.Format(identityStart);
        var connection = await _dataSource.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                string? seriesBody = null, overrideBody = null;
                await using (var batch = new NpgsqlBatch(connection, transaction))
                {
                    Command(batch, RecurringSessionStatements.LockSeries, tenantId, recurringSessionId);
                    Command(batch, RecurringSessionStatements.FindOverride, tenantId, recurringSessionId)
                        .Parameters.Add(Text("identity_start", key));
                    var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            seriesBody = reader.GetString(0);
                        }

                        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                        if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            overrideBody = reader.GetString(0);
                        }
                    }
                }

                var series = seriesBody is null ? null : StoredJson.ReadRecurringSession(seriesBody, recurringSessionId);
                var stored = series is null || overrideBody is null ? null : StoredJson.ReadOverride(overrideBody, recurringSessionId, key);
                var change = decide(series, stored);
                if (change.Write is not { } written)
                {
                    return change.Result;
                }

                if (series is null)
                {
                    throw new InvalidOperationException($"No recurring session '{recurringSessionId}' to change an instance of.");
                }

                await using (var batch = new NpgsqlBatch(connection, transaction))
                {
                    var write = Command(batch, stored is null ? RecurringSessionStatements.InsertOverride : RecurringSessionStatements.UpdateOverride, tenantId, recurringSessionId);
                    AddOverride(write.Parameters, written);
                    if (stored is not null)
                    {
                        write.Parameters.Add(Bigint("expected_revision", stored.Revision));
                    }

                    Command(batch, RecurringSessionStatements.TouchSeries, tenantId, recurringSessionId)
                        .Parameters.Add(NullableBigint("duration_ticks", DurationTicks(written)));
                    Bump(batch, tenantId, DurationTicks(written) ?? 0);
                    await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    if (write.RecordsAffected != 1)
                    {
                        throw new InvalidOperationException($"The instance '{key}' of '{recurringSessionId}' changed while its series was locked.");
                    }
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return change.Result;
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask<long?> GetChangeVersionAsync(string tenantId, CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand(RecurringSessionStatements.ChangeVersion, connection);
            command.Parameters.Add(Text("tenant", tenantId));
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as long? ?? 0;
        }
    }

    /// <summary>Closes the store's connections if it made its own data source.</summary>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>Closes the store's connections if it made its own data source.</summary>
    public void Dispose() => _dataSource.Dispose();

    /// <summary>
    /// A record from a row of (span end ticks, span end nanoseconds, series body, override bodies, series id, version):
    /// the one remembered for the series at that version, without reading the bodies, or one read anew.
    /// </summary>
    private RecurringSessionRecord ReadRecord(string tenantId, NpgsqlDataReader reader)
    {
        var (id, version) = (reader.GetString(4), reader.GetInt64(5));
        if (_records.Find(tenantId, id, version) is { } known)
        {
            return known;
        }

        Instant? spanEnd = reader.IsDBNull(0) ? null : Ticks.ToInstant(reader.GetInt64(0), reader.GetInt16(1));
        return _records.Read(tenantId, id, version, reader.GetString(2), spanEnd, Bodies(reader.GetFieldValue<string[]>(3)));
    }

    private static (string Body, string? IdentityStart)[] Bodies(string[] bodies) => Array.ConvertAll(bodies, body => (body, (string?)null));

    /// <summary>
    /// Locks a series row (as every change to its overrides does first) and reads the whole record: the row, then
    /// its overrides in a statement of their own, so they include every one committed while the lock was awaited.
    /// Null when there is no such series.
    /// </summary>
    private async ValueTask<RecurringSessionRecord?> LockRecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string tenantId, string id, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        Command(batch, RecurringSessionStatements.LockRecord, tenantId, id);
        Command(batch, RecurringSessionStatements.OverridesOf, tenantId, id);
        var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            Instant? spanEnd = reader.IsDBNull(0) ? null : Ticks.ToInstant(reader.GetInt64(0), reader.GetInt16(1));
            var (body, version) = (reader.GetString(2), reader.GetInt64(5));
            var known = _records.Find(tenantId, id, version);
            var overrides = new List<(string Body, string? IdentityStart)>();
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            while (known is null && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                overrides.Add((reader.GetString(0), reader.GetString(1)));
            }

            return known ?? _records.Read(tenantId, id, version, body, spanEnd, overrides);
        }
    }

    private static NpgsqlCommand OverlappingQuery(NpgsqlConnection connection, string tenantId, SessionCandidateFilter filter, Instant from, Instant to)
    {
        var command = new NpgsqlCommand { Connection = connection };
        command.Parameters.Add(Text("tenant", tenantId));
        command.Parameters.Add(Bigint("from_ticks", Ticks.Floor(from)));
        command.Parameters.Add(Bigint("to_ticks", Ticks.Ceiling(to)));
        var candidates = new StringBuilder();
        if (!filter.ScheduleIds.IsEmpty)
        {
            candidates.Append(RecurringSessionStatements.AnySchedule);
            command.Parameters.Add(TextArray("schedule_ids", filter.ScheduleIds));
        }

        if (!filter.ScheduleOwnerIds.IsEmpty)
        {
            candidates.Append(RecurringSessionStatements.AnyOwner);
            command.Parameters.Add(TextArray("schedule_owner_ids", filter.ScheduleOwnerIds));
        }

        if (!filter.Types.IsEmpty)
        {
            candidates.Append(RecurringSessionStatements.AnyType);
            command.Parameters.Add(Types("types", filter.Types));
        }

        if (!filter.RecurringSessionIds.IsEmpty)
        {
            candidates.Append(RecurringSessionStatements.AnySeries);
            command.Parameters.Add(TextArray("recurring_session_ids", filter.RecurringSessionIds));
        }

        command.CommandText = string.Format(CultureInfo.InvariantCulture, RecurringSessionStatements.FindOverlapping, candidates);
        return command;
    }

    /// <summary>Adds a command to <paramref name="batch"/>, with the tenant and series parameters when given.</summary>
    private static NpgsqlBatchCommand Command(NpgsqlBatch batch, string sql, string? tenantId = null, string? seriesId = null)
    {
        var command = new NpgsqlBatchCommand(sql);
        if (tenantId is not null)
        {
            command.Parameters.Add(Text("tenant", tenantId));
        }

        if (seriesId is not null)
        {
            command.Parameters.Add(Text("series_id", seriesId));
        }

        batch.BatchCommands.Add(command);
        return command;
    }

    private static void Bump(NpgsqlBatch batch, string tenantId, long length) =>
        Command(batch, RecurringSessionStatements.BumpChanges, tenantId).Parameters.Add(Bigint("length", length));

    /// <summary>Every column of a series row.</summary>
    private static void AddSeries(NpgsqlParameterCollection parameters, string tenantId, RecurringSession series, Instant? spanEnd)
    {
        parameters.Add(Text("tenant", tenantId));
        parameters.Add(Text("id", series.Id));
        parameters.Add(Text("schedule_id", series.ScheduleId));
        parameters.Add(Text("schedule_owner_id", series.ScheduleOwnerId));
        parameters.Add(Smallint("type", (short)series.Type));
        parameters.Add(Bigint("first_start_ticks", Ticks.Floor(series.FirstStart)));
        parameters.Add(Bigint("duration_ticks", Ticks.Ceiling(series.Duration)));
        parameters.Add(NullableBigint("span_end_ticks", spanEnd is Instant end ? Ticks.Floor(end) : null));
        parameters.Add(Smallint("span_end_nanos", spanEnd is Instant past ? Ticks.NanosecondsPastFloor(past) : (short)0));
        parameters.Add(Bigint("revision", series.Revision));
        parameters.Add(Text("body", StoredJson.Write(series)));
    }

    /// <summary>Every column of an override row but the tenant and series.</summary>
    private static void AddOverride(NpgsqlParameterCollection parameters, InstanceOverride instanceOverride)
    {
        parameters.Add(Text("identity_start", IdentityText.Format(instanceOverride.IdentityStart)));
        parameters.Add(Bigint("revision", instanceOverride.Revision));
        parameters.Add(NullableBigint("moved_start_ticks", MovedStartTicks(instanceOverride)));
        parameters.Add(NullableBigint("duration_ticks", DurationTicks(instanceOverride)));
        parameters.Add(Text("body", StoredJson.Write(instanceOverride)));
    }

    private static long? MovedStartTicks(InstanceOverride instanceOverride) =>
        instanceOverride.Start is CalendarDateTime start ? Ticks.Floor(start.Timestamp) : null;

    private static long? DurationTicks(InstanceOverride instanceOverride) =>
        instanceOverride.Duration is Duration duration ? Ticks.Ceiling(duration) : null;
}
