using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using NodaTime;
using Scheduling.Sessions;
using Scheduling.Stores.Relational;
using Scheduling.Stores.Serialization;

namespace Scheduling.Stores.Sqlite;

/// <summary>
/// An <see cref="IRecurringSessionStore"/> in a SQLite file: each series and each instance override as its JSON body
/// (<see cref="StoredJson"/>) beside the columns queries use. A window query selects series by their span and by
/// instances moved into the window, in SQL; every write (a split included) is one transaction that also bumps the
/// tenant's change version and gives every series it touches that number as its
/// <see cref="RecurringSessionRecord.Version"/>, by which an unchanged series is read from memory.
/// </summary>
/// <remarks>
/// Thread-safe: each call uses its own pooled connection, so one instance serves a whole process, and several
/// instances (or processes) may share a file. SQLite admits one writer at a time; concurrent writers wait up to
/// <see cref="SqliteStoreOptions.BusyTimeout"/>. The schema is migrated on first use unless
/// <see cref="SqliteStoreOptions.ApplyMigrations"/> is off.
/// </remarks>
public sealed class SqliteRecurringSessionStore : IRecurringSessionStore
{
    /// <summary>How many series the store remembers parsed; see <see cref="StoredRecordCache"/>.</summary>
    private const int RecordsKept = 100_000;

    private readonly SqliteDatabase _database;
    private readonly StoredRecordCache _records = new(RecordsKept);

    /// <summary>Creates a store over the database of <paramref name="connectionString"/>, with the default options.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, such as <c>Data Source=scheduling.db</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is blank or malformed.</exception>
    public SqliteRecurringSessionStore(string connectionString)
        : this(connectionString, SqliteStoreOptions.Default)
    {
    }

    /// <summary>Creates a store over the database of <paramref name="connectionString"/>.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, such as <c>Data Source=scheduling.db</c>.</param>
    /// <param name="options">How to use the database.</param>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is blank or malformed, or an option is out of range.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public SqliteRecurringSessionStore(string connectionString, SqliteStoreOptions options)
    {
        _database = new SqliteDatabase(connectionString, options);
    }

    /// <inheritdoc />
    public async ValueTask<RecurringSessionRecord?> FindAsync(string tenantId, string id, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(RecurringSessionSql.Find).With("@tenant", tenantId).With("@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var record in ReadRecords(tenantId, reader, whole: true, cancellationToken).ConfigureAwait(false))
        {
            return record;
        }

        return null;
    }

    /// <inheritdoc />
    /// <remarks>Reads the series row and at most one override row, by primary key.</remarks>
    public async ValueTask<RecurringSessionRecord?> FindForInstanceAsync(string tenantId, string id, LocalDateTime identityStart, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(RecurringSessionSql.FindWithOverride)
            .With("@tenant", tenantId)
            .With("@id", id)
            .With("@identity_start", ColumnValues.Key(identityStart));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var record in ReadRecords(tenantId, reader, whole: false, cancellationToken).ConfigureAwait(false))
        {
            return record;
        }

        return null;
    }

    /// <inheritdoc />
    public ValueTask<bool> InsertAsync(string tenantId, RecurringSession series, Instant? spanEnd, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(series);
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                var version = await BumpAsync(connection, transaction, tenantId, LongestTicks(series.Duration), cancellationToken).ConfigureAwait(false);
                return await InsertSeriesAsync(connection, transaction, tenantId, series, spanEnd, version, cancellationToken).ConfigureAwait(false)
                    ? (true, true)
                    : (false, false);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<bool> InsertManyAsync(string tenantId, IReadOnlyList<(RecurringSession Series, Instant? SpanEnd)> series, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(series);
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                var version = await BumpAsync(connection, transaction, tenantId, series.Count == 0 ? 0 : series.Max(s => LongestTicks(s.Series.Duration)), cancellationToken).ConfigureAwait(false);
                foreach (var (one, spanEnd) in series)
                {
                    if (!await InsertSeriesAsync(connection, transaction, tenantId, one, spanEnd, version, cancellationToken).ConfigureAwait(false))
                    {
                        return (false, false);
                    }
                }

                return (true, true);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<bool> ReplaceAsync(string tenantId, RecurringSession series, Instant? spanEnd, long expectedRevision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(series);
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                var version = await BumpAsync(connection, transaction, tenantId, LongestTicks(series.Duration), cancellationToken).ConfigureAwait(false);
                return await ReplaceSeriesAsync(connection, transaction, tenantId, series, spanEnd, expectedRevision, version, cancellationToken).ConfigureAwait(false)
                    ? (true, true)
                    : (false, false);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<bool> DeleteAsync(string tenantId, string id, long expectedRevision, CancellationToken cancellationToken) =>
        _database.WriteAsync(
            async (connection, transaction) =>
            {
                await using (var delete = connection.Command(RecurringSessionSql.Delete, transaction)
                    .With("@tenant", tenantId)
                    .With("@id", id)
                    .With("@expected_revision", expectedRevision))
                {
                    if (await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
                    {
                        return (false, false);
                    }
                }

                await using (var overrides = connection.Command(RecurringSessionSql.DeleteOverrides, transaction).With("@tenant", tenantId).With("@id", id))
                {
                    await overrides.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await BumpAsync(connection, transaction, tenantId, 0, cancellationToken).ConfigureAwait(false);
                return (true, true);
            },
            cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<RecurringSessionRecord> FindOverlappingAsync(string tenantId, SessionCandidateFilter filter, Instant from, Instant to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return FindOverlapping(tenantId, filter, from, to, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<bool> SaveOverrideAsync(string tenantId, InstanceOverride instanceOverride, long expectedRevision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceOverride);
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                if (!await SeriesExistsAsync(connection, transaction, tenantId, instanceOverride.RecurringSessionId, cancellationToken).ConfigureAwait(false)
                    || !await SaveOverrideAsync(connection, transaction, tenantId, instanceOverride, expectedRevision, cancellationToken).ConfigureAwait(false))
                {
                    return (false, false);
                }

                await RefreshSpanAsync(connection, transaction, tenantId, instanceOverride.RecurringSessionId, cancellationToken).ConfigureAwait(false);
                var version = await BumpAsync(connection, transaction, tenantId, instanceOverride.Duration is Duration own ? LongestTicks(own) : 0, cancellationToken).ConfigureAwait(false);
                await TouchAsync(connection, transaction, tenantId, instanceOverride.RecurringSessionId, version, cancellationToken).ConfigureAwait(false);
                return (true, true);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Reads the series and every override under the write lock taken by <c>BEGIN IMMEDIATE</c>, so no other write
    /// interleaves between what the decision sees and what is written.
    /// </remarks>
    public ValueTask<TResult> SplitAsync<TResult>(
        string tenantId,
        string recurringSessionId,
        Func<RecurringSessionRecord?, StoreChange<SeriesSplit, TResult>> decide,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                RecurringSessionRecord? stored = null;
                await using (var find = connection.Command(RecurringSessionSql.Find, transaction).With("@tenant", tenantId).With("@id", recurringSessionId))
                await using (var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
                {
                    await foreach (var record in ReadRecords(tenantId, reader, whole: true, cancellationToken).ConfigureAwait(false))
                    {
                        stored = record;
                    }
                }

                var change = decide(stored);
                if (change.Write is not { } split)
                {
                    return (false, change.Result);
                }

                if (stored is null)
                {
                    throw new InvalidOperationException($"No recurring session '{recurringSessionId}' to split.");
                }

                var leaving = split.OverridesLeaving(stored);
                var (ended, following) = (split.Ended, split.Following);
                var version = await BumpAsync(connection, transaction, tenantId, Math.Max(LongestTicks(ended.Series.Duration), LongestTicks(following.Series.Duration)), cancellationToken).ConfigureAwait(false);
                if (!await ReplaceSeriesAsync(connection, transaction, tenantId, ended.Series, ended.SpanEnd, stored.Series.Revision, version, cancellationToken).ConfigureAwait(false))
                {
                    throw new InvalidOperationException($"The recurring session '{recurringSessionId}' changed while it was locked.");
                }

                if (!await InsertSeriesAsync(connection, transaction, tenantId, following.Series, following.SpanEnd, version, cancellationToken).ConfigureAwait(false))
                {
                    throw split.FollowingIdTaken();
                }

                if (leaving.Length > 0)
                {
                    await using var delete = connection.Command(RecurringSessionSql.DeleteOverridesAt, transaction)
                        .With("@tenant", tenantId)
                        .With("@id", recurringSessionId)
                        .With("@identity_starts", ColumnValues.JsonSet([.. leaving.Select(ColumnValues.Key)]));
                    await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                foreach (var moved in following.Overrides.Values)
                {
                    await using var insert = connection.Command(RecurringSessionSql.InsertMovedOverride, transaction).WithOverride(tenantId, moved);
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await RefreshSpanAsync(connection, transaction, tenantId, recurringSessionId, cancellationToken).ConfigureAwait(false);
                await RefreshSpanAsync(connection, transaction, tenantId, following.Series.Id, cancellationToken).ConfigureAwait(false);
                return (true, change.Result);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<TResult> ChangeInstanceAsync<TResult>(
        string tenantId,
        string recurringSessionId,
        LocalDateTime identityStart,
        Func<RecurringSession?, InstanceOverride?, StoreChange<InstanceOverride, TResult>> decide,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                // Read, decide and write under the write lock taken by BEGIN IMMEDIATE: no other write interleaves.
                RecurringSession? series = null;
                await using (var find = connection.Command(RecurringSessionSql.FindSeries, transaction).With("@tenant", tenantId).With("@id", recurringSessionId))
                {
                    if (await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string body)
                    {
                        series = StoredJson.ReadRecurringSession(body, recurringSessionId);
                    }
                }

                InstanceOverride? stored = null;
                if (series is not null)
                {
                    var key = ColumnValues.Key(identityStart);
                    await using var find = connection.Command(RecurringSessionSql.FindOverride, transaction)
                        .With("@tenant", tenantId)
                        .With("@id", recurringSessionId)
                        .With("@identity_start", key);
                    if (await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string body)
                    {
                        stored = StoredJson.ReadOverride(body, recurringSessionId, key);
                    }
                }

                var change = decide(series, stored);
                if (change.Write is not { } written)
                {
                    return (false, change.Result);
                }

                if (series is null)
                {
                    throw new InvalidOperationException($"No recurring session '{recurringSessionId}' to change an instance of.");
                }

                await SaveOverrideAsync(connection, transaction, tenantId, written, stored?.Revision ?? 0, cancellationToken).ConfigureAwait(false);
                if (written.Duration != stored?.Duration)
                {
                    await RefreshSpanAsync(connection, transaction, tenantId, recurringSessionId, cancellationToken).ConfigureAwait(false);
                }

                var version = await BumpAsync(connection, transaction, tenantId, written.Duration is Duration own ? LongestTicks(own) : 0, cancellationToken).ConfigureAwait(false);
                await TouchAsync(connection, transaction, tenantId, recurringSessionId, version, cancellationToken).ConfigureAwait(false);
                return (true, change.Result);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<long?> GetChangeVersionAsync(string tenantId, CancellationToken cancellationToken) =>
        _database.ChangeVersionAsync(tenantId, ChangeTableSql.RecurringSessions, cancellationToken);

    /// <summary>How far before a window a moved instance of this length can start and still reach into it, in ticks.</summary>
    private static long LongestTicks(Duration duration) => Ticks.Ceiling(duration);

    /// <summary>
    /// Bumps the tenant's change version and returns it: the version of every record the write touches. The change
    /// version never goes back, so a series id in the tenant never gets a version twice.
    /// </summary>
    private static async ValueTask<long> BumpAsync(SqliteConnection connection, SqliteTransaction transaction, string tenantId, long longestTicks, CancellationToken cancellationToken)
    {
        await SqliteDatabase.BumpAsync(connection, transaction, tenantId, ChangeTableSql.RecurringSessions, longestTicks, cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(ChangeTableSql.RecurringSessions.Version, transaction).With("@tenant", tenantId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Gives a series the version of a write to one of its overrides.</summary>
    private static async ValueTask TouchAsync(SqliteConnection connection, SqliteTransaction transaction, string tenantId, string id, long version, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(RecurringSessionSql.Touch, transaction).With("@tenant", tenantId).With("@id", id).With("@version", version);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async ValueTask<bool> InsertSeriesAsync(SqliteConnection connection, SqliteTransaction transaction, string tenantId, RecurringSession series, Instant? spanEnd, long version, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(RecurringSessionSql.Insert, transaction).WithSeries(tenantId, series, spanEnd).With("@version", version);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static async ValueTask<bool> ReplaceSeriesAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string tenantId,
        RecurringSession series,
        Instant? spanEnd,
        long expectedRevision,
        long version,
        CancellationToken cancellationToken)
    {
        await using var command = connection.Command(RecurringSessionSql.Replace, transaction)
            .WithSeries(tenantId, series, spanEnd)
            .With("@expected_revision", expectedRevision)
            .With("@version", version);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static async ValueTask<bool> SeriesExistsAsync(SqliteConnection connection, SqliteTransaction transaction, string tenantId, string id, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(RecurringSessionSql.Exists, transaction).With("@tenant", tenantId).With("@id", id);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    /// <summary>Stores an override if its stored revision is <paramref name="expectedRevision"/> (0: none stored yet).</summary>
    private static async ValueTask<bool> SaveOverrideAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string tenantId,
        InstanceOverride instanceOverride,
        long expectedRevision,
        CancellationToken cancellationToken)
    {
        await using var command = expectedRevision == 0
            ? connection.Command(RecurringSessionSql.InsertOverride, transaction).WithOverride(tenantId, instanceOverride)
            : connection.Command(RecurringSessionSql.ReplaceOverride, transaction).WithOverride(tenantId, instanceOverride).With("@expected_revision", expectedRevision);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static async ValueTask RefreshSpanAsync(SqliteConnection connection, SqliteTransaction transaction, string tenantId, string id, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(RecurringSessionSql.RefreshSpan, transaction).With("@tenant", tenantId).With("@id", id);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads rows of (series id, span end ticks, series body, override body or NULL, series revision, identity start,
    /// override revision, span end nanoseconds, record version), grouped by series, into records. A series whose
    /// version is remembered comes back as the record remembered, without reading its bodies (see
    /// <see cref="StoredRecordCache"/>). Rows that hold only some overrides of their series (<paramref name="whole"/>
    /// false) make a record of their own, of version 0, so the record queries share is left as it is.
    /// </summary>
    private async IAsyncEnumerable<RecurringSessionRecord> ReadRecords(string tenantId, SqliteDataReader reader, bool whole, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? id = null;
        string? seriesBody = null;
        long version = 0;
        Instant? spanEnd = null;
        RecurringSessionRecord? known = null;
        var overrides = new List<(string Body, string? IdentityStart)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var rowId = reader.GetString(0);
            if (rowId != id)
            {
                if (id is not null)
                {
                    yield return known ?? Record(tenantId, id, version, seriesBody!, spanEnd, overrides, whole);
                    overrides.Clear();
                }

                id = rowId;
                version = reader.GetInt64(8);
                spanEnd = reader.IsDBNull(1) ? null : Ticks.ToInstant(reader.GetInt64(1), (short)reader.GetInt64(7));
                known = whole ? _records.Find(tenantId, rowId, version) : null;
                seriesBody = known is null ? reader.GetString(2) : null;
            }

            if (known is null && !reader.IsDBNull(3))
            {
                overrides.Add((reader.GetString(3), reader.GetString(5)));
            }
        }

        if (id is not null)
        {
            yield return known ?? Record(tenantId, id, version, seriesBody!, spanEnd, overrides, whole);
        }
    }

    private RecurringSessionRecord Record(string tenantId, string id, long version, string seriesBody, Instant? spanEnd, List<(string Body, string? IdentityStart)> overrides, bool whole) =>
        whole
            ? _records.Read(tenantId, id, version, seriesBody, spanEnd, overrides)
            : _records.ReadPart(tenantId, id, version, seriesBody, spanEnd, overrides);

    private async IAsyncEnumerable<RecurringSessionRecord> FindOverlapping(
        string tenantId,
        SessionCandidateFilter filter,
        Instant from,
        Instant to,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // Disposing the enumerator early disposes the reader and returns the connection.
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(RecurringSessionSql.FindOverlapping)
            .With("@tenant", tenantId)
            .With("@from_ticks", Ticks.Floor(from))
            .With("@to_ticks", Ticks.Ceiling(to))
            .WithCandidateFilter(filter)
            .With("@recurring_session_ids", ColumnValues.JsonSet(filter.RecurringSessionIds));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var window = new SessionWindow(from, to);
        await foreach (var record in ReadRecords(tenantId, reader, whole: true, cancellationToken).ConfigureAwait(false))
        {
            // The columns are rounded to ticks; the exact rule decides at the edges.
            if (record.CanOverlap(window))
            {
                yield return record;
            }
        }
    }
}
