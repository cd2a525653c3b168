using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using NodaTime;
using Npgsql;
using Scheduling.Sessions;
using Scheduling.Stores.PostgreSql.Sql;
using Scheduling.Stores.Relational;
using Scheduling.Stores.Serialization;
using static Scheduling.Stores.PostgreSql.Sql.Parameters;

namespace Scheduling.Stores.PostgreSql;

/// <summary>
/// An <see cref="ISessionStore"/> in PostgreSQL, for any number of hosts sharing one database: the table
/// <c>sessions</c>, a row per session with its stored JSON body beside the columns queries use.
/// </summary>
/// <remarks>
/// <para>Every write is atomic and checked in the database: a replace or delete changes the row only if its revision
/// is the one expected (<c>UPDATE … WHERE revision = @expected</c>), and a booking locks the row
/// (<c>SELECT … FOR UPDATE</c>) while it checks the capacity, so two hosts booking the last seat cannot both win.</para>
/// <para>Window queries seek the index <c>(tenant_id, start_ticks, id)</c> from the keyset position and stream in
/// result order, a chunk at a time, so a caller that stops early reads little; disposing the enumerator closes the
/// reader and returns the connection to the pool.</para>
/// <para>Thread-safe. Dispose the store to close its connections when it made its own data source.</para>
/// </remarks>
public sealed class PostgreSqlSessionStore : ISessionStore, IAsyncDisposable, IDisposable
{
    /// <summary>Rows read by the first query of a window walk; each further chunk reads twice as many, up to <see cref="LargestChunk"/>.</summary>
    private const int FirstChunk = 128;

    private const int LargestChunk = 4096;

    private readonly StoreDataSource _dataSource;

    /// <summary>Creates a store over its own data source, made from <paramref name="connectionString"/>.</summary>
    /// <param name="connectionString">An Npgsql connection string; its search path names the schema of the tables.</param>
    /// <param name="options">How the store migrates its schema; null for <see cref="PostgreSqlStoreOptions.Default"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is null or empty.</exception>
    public PostgreSqlSessionStore(string connectionString, PostgreSqlStoreOptions? options = null)
    {
        _dataSource = StoreDataSource.FromConnectionString(connectionString, options);
    }

    /// <summary>Creates a store over <paramref name="dataSource"/>, which the host keeps and disposes.</summary>
    /// <param name="dataSource">The data source; its search path names the schema of the tables.</param>
    /// <param name="options">How the store migrates its schema; null for <see cref="PostgreSqlStoreOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataSource"/> is null.</exception>
    public PostgreSqlSessionStore(NpgsqlDataSource dataSource, PostgreSqlStoreOptions? options = null)
    {
        _dataSource = new StoreDataSource(dataSource, owned: false, options);
    }

    /// <inheritdoc />
    public async ValueTask<Session?> FindAsync(string tenantId, string id, CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand(SessionStatements.Find, connection);
            command.Parameters.Add(Text("tenant", tenantId));
            command.Parameters.Add(Text("id", id));
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string body ? StoredJson.ReadSession(body, id) : null;
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Session> FindManyAsync(string tenantId, IReadOnlyCollection<string> ids, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        cancellationToken.ThrowIfCancellationRequested();
        if (ids.Count == 0)
        {
            yield break;
        }

        var connection = await _dataSource.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand(SessionStatements.FindMany, connection);
            command.Parameters.Add(Text("tenant", tenantId));
            command.Parameters.Add(TextArray("ids", ids.Distinct()));
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return StoredJson.ReadSession(reader.GetString(0), reader.GetString(1));
                }
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> InsertAsync(string tenantId, Session session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var connection = await _dataSource.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = Write(SessionStatements.Insert, connection, tenantId, session);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> InsertManyAsync(string tenantId, IReadOnlyList<Session> sessions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var connection = await _dataSource.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                foreach (var session in sessions)
                {
                    await using var command = Write(SessionStatements.Insert, connection, tenantId, session);
                    command.Transaction = transaction;
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
    public async ValueTask<bool> ReplaceAsync(string tenantId, Session session, long expectedRevision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var connection = await _dataSource.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = Write(SessionStatements.Replace, connection, tenantId, session);
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
            await using var command = new NpgsqlCommand(SessionStatements.Delete, connection);
            command.Parameters.Add(Text("tenant", tenantId));
            command.Parameters.Add(Text("id", id));
            command.Parameters.Add(Bigint("expected_revision", expectedRevision));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Session> FindOverlappingAsync(
        string tenantId,
        SessionCandidateFilter filter,
        Instant from,
        Instant to,
        SessionPosition? after,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        cancellationToken.ThrowIfCancellationRequested();

        // Stored single sessions belong to no series, so a filter on series ids admits none of them.
        if (!filter.RecurringSessionIds.IsEmpty)
        {
            yield break;
        }

        var connection = await _dataSource.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // The keyset in tick columns: after the position when it falls on a tick; otherwise from its tick on,
            // with the exact comparison below dropping what is not after it.
            (long Ticks, string Id, bool Inclusive)? keyset = null;
            if (after is { } position)
            {
                var tick = Ticks.Floor(position.Start);
                keyset = tick == Ticks.Ceiling(position.Start) ? (tick, position.Id, false) : (tick, string.Empty, true);
            }

            var window = new SessionWindow(from, to);
            var chunk = FirstChunk;
            while (true)
            {
                await using var command = OverlappingQuery(connection, tenantId, filter, from, to, keyset, chunk);
                var read = 0;
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        read++;
                        keyset = (reader.GetInt64(1), reader.GetString(2), false);
                        var session = StoredJson.ReadSession(reader.GetString(0), reader.GetString(2));
                        // The columns are rounded to ticks; the exact rules decide at the edges.
                        if (window.Overlaps(session) && (after is not { } past || past.Precedes(session)))
                        {
                            yield return session;
                        }
                    }
                }

                if (read < chunk)
                {
                    yield break;
                }

                chunk = Math.Min(chunk * 2, LargestChunk);
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>Locks the session row (<c>SELECT … FOR UPDATE</c>) for the read, the decision and the write.</remarks>
    public async ValueTask<TResult> ChangeAsync<TResult>(string tenantId, string id, Func<Session?, StoreChange<Session, TResult>> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        var connection = await _dataSource.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                Session? stored = null;
                await using (var find = new NpgsqlCommand(SessionStatements.FindForUpdate, connection, transaction))
                {
                    find.Parameters.Add(Text("tenant", tenantId));
                    find.Parameters.Add(Text("id", id));
                    if (await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string body)
                    {
                        stored = StoredJson.ReadSession(body, id);
                    }
                }

                var change = decide(stored);
                if (change.Write is not { } written)
                {
                    return change.Result;
                }

                if (stored is null)
                {
                    throw new InvalidOperationException($"No session '{id}' to change: a change cannot create one.");
                }

                await using (var write = Write(SessionStatements.Replace, connection, tenantId, written))
                {
                    write.Transaction = transaction;
                    write.Parameters.Add(Bigint("expected_revision", stored.Revision));
                    if (await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
                    {
                        throw new InvalidOperationException($"Session '{id}' changed while it was locked.");
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
            await using var command = new NpgsqlCommand(SessionStatements.ChangeVersion, connection);
            command.Parameters.Add(Text("tenant", tenantId));
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as long? ?? 0;
        }
    }

    /// <summary>Closes the store's connections if it made its own data source.</summary>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>Closes the store's connections if it made its own data source.</summary>
    public void Dispose() => _dataSource.Dispose();

    /// <summary>A write of every column of <paramref name="session"/> (an insert, or a replace that adds its expected revision).</summary>
    private static NpgsqlCommand Write(string sql, NpgsqlConnection connection, string tenantId, Session session)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(Text("tenant", tenantId));
        command.Parameters.Add(Text("id", session.Id));
        command.Parameters.Add(Text("schedule_id", session.ScheduleId));
        command.Parameters.Add(Text("schedule_owner_id", session.ScheduleOwnerId));
        command.Parameters.Add(Smallint("type", (short)session.Type));
        command.Parameters.Add(Smallint("status", (short)session.Status));
        command.Parameters.Add(Bigint("start_ticks", Ticks.Floor(session.Start.Timestamp)));
        command.Parameters.Add(Bigint("end_ticks", Ticks.Ceiling(session.End.Timestamp)));
        command.Parameters.Add(Bigint("revision", session.Revision));
        command.Parameters.Add(Text("body", StoredJson.Write(session)));
        return command;
    }

    private static NpgsqlCommand OverlappingQuery(
        NpgsqlConnection connection,
        string tenantId,
        SessionCandidateFilter filter,
        Instant from,
        Instant to,
        (long Ticks, string Id, bool Inclusive)? keyset,
        int limit)
    {
        var command = new NpgsqlCommand { Connection = connection };
        command.Parameters.Add(Text("tenant", tenantId));
        command.Parameters.Add(Bigint("from_ticks", Ticks.Floor(from)));
        command.Parameters.Add(Bigint("to_ticks", Ticks.Ceiling(to)));
        command.Parameters.Add(Integer("limit", limit));

        var position = string.Empty;
        if (keyset is { } key)
        {
            position = key.Inclusive ? SessionStatements.FromPosition : SessionStatements.AfterPosition;
            command.Parameters.Add(Bigint("after_ticks", key.Ticks));
            command.Parameters.Add(Text("after_id", key.Id));
        }

        var candidates = new StringBuilder();
        if (filter.ScheduleIds.Count == 1)
        {
            // One schedule (the common case) as an equality, so the planner can walk that schedule's index in order.
            candidates.Append(SessionStatements.OneSchedule);
            command.Parameters.Add(Text("schedule_id", filter.ScheduleIds.First()));
        }
        else if (!filter.ScheduleIds.IsEmpty)
        {
            candidates.Append(SessionStatements.AnySchedule);
            command.Parameters.Add(TextArray("schedule_ids", filter.ScheduleIds));
        }

        if (!filter.ScheduleOwnerIds.IsEmpty)
        {
            candidates.Append(SessionStatements.AnyOwner);
            command.Parameters.Add(TextArray("schedule_owner_ids", filter.ScheduleOwnerIds));
        }

        if (!filter.Types.IsEmpty)
        {
            candidates.Append(SessionStatements.AnyType);
            command.Parameters.Add(Types("types", filter.Types));
        }

        command.CommandText = string.Format(CultureInfo.InvariantCulture, SessionStatements.FindOverlapping, position, candidates);
        return command;
    }
}
