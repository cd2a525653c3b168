using System.Runtime.CompilerServices;
using NodaTime;
using Scheduling.Sessions;
using Scheduling.Stores.Relational;
using Scheduling.Stores.Serialization;

namespace Scheduling.Stores.Sqlite;

/// <summary>
/// An <see cref="ISessionStore"/> in a SQLite file: each session as its JSON body (<see cref="StoredJson"/>) beside the
/// columns queries use. Window queries seek the <c>(tenant_id, start_ticks, id)</c> index and stream rows in result
/// order; every write is one transaction that also bumps the tenant's change version.
/// </summary>
/// <remarks>
/// Thread-safe: each call uses its own pooled connection, so one instance serves a whole process, and several
/// instances (or processes) may share a file. SQLite admits one writer at a time; concurrent writers wait up to
/// <see cref="SqliteStoreOptions.BusyTimeout"/>. The schema is migrated on first use unless
/// <see cref="SqliteStoreOptions.ApplyMigrations"/> is off.
/// </remarks>
public sealed class SqliteSessionStore : ISessionStore
{
    private readonly SqliteDatabase _database;

    /// <summary>Creates a store over the database of <paramref name="connectionString"/>, with the default options.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, such as <c>Data Source=scheduling.db</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is blank or malformed.</exception>
    public SqliteSessionStore(string connectionString)
        : this(connectionString, SqliteStoreOptions.Default)
    {
    }

    /// <summary>Creates a store over the database of <paramref name="connectionString"/>.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, such as <c>Data Source=scheduling.db</c>.</param>
    /// <param name="options">How to use the database.</param>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is blank or malformed, or an option is out of range.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public SqliteSessionStore(string connectionString, SqliteStoreOptions options)
    {
        _database = new SqliteDatabase(connectionString, options);
    }

    /// <inheritdoc />
    public async ValueTask<Session?> FindAsync(string tenantId, string id, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(SessionSql.Find).With("@tenant", tenantId).With("@id", id);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string body ? StoredJson.ReadSession(body, id) : null;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<Session> FindManyAsync(string tenantId, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return FindMany(tenantId, ColumnValues.JsonSet(ids), cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<bool> InsertAsync(string tenantId, Session session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.Command(SessionSql.Insert, transaction).WithSession(tenantId, session);
                if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
                {
                    return (false, false);
                }

                await SqliteDatabase.BumpAsync(connection, transaction, tenantId, ChangeTableSql.Sessions, LengthInTicks(session), cancellationToken).ConfigureAwait(false);
                return (true, true);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<bool> InsertManyAsync(string tenantId, IReadOnlyList<Session> sessions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                long longest = 0;
                foreach (var session in sessions)
                {
                    await using var command = connection.Command(SessionSql.Insert, transaction).WithSession(tenantId, session);
                    if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
                    {
                        return (false, false);
                    }

                    longest = Math.Max(longest, LengthInTicks(session));
                }

                await SqliteDatabase.BumpAsync(connection, transaction, tenantId, ChangeTableSql.Sessions, longest, cancellationToken).ConfigureAwait(false);
                return (true, true);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<bool> ReplaceAsync(string tenantId, Session session, long expectedRevision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.Command(SessionSql.Replace, transaction)
                    .WithSession(tenantId, session)
                    .With("@expected_revision", expectedRevision);
                if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
                {
                    return (false, false);
                }

                await SqliteDatabase.BumpAsync(connection, transaction, tenantId, ChangeTableSql.Sessions, LengthInTicks(session), cancellationToken).ConfigureAwait(false);
                return (true, true);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<bool> DeleteAsync(string tenantId, string id, long expectedRevision, CancellationToken cancellationToken) =>
        _database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.Command(SessionSql.Delete, transaction)
                    .With("@tenant", tenantId)
                    .With("@id", id)
                    .With("@expected_revision", expectedRevision);
                if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
                {
                    return (false, false);
                }

                await SqliteDatabase.BumpAsync(connection, transaction, tenantId, ChangeTableSql.Sessions, 0, cancellationToken).ConfigureAwait(false);
                return (true, true);
            },
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// Instants are indexed in ticks (100 ns). Sessions whose starts differ by less than a tick come in id order
    /// among themselves; every other order, and every overlap decision, is exact.
    /// </remarks>
    public IAsyncEnumerable<Session> FindOverlappingAsync(string tenantId, SessionCandidateFilter filter, Instant from, Instant to, SessionPosition? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return FindOverlapping(tenantId, filter, from, to, after, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<TResult> ChangeAsync<TResult>(string tenantId, string id, Func<Session?, StoreChange<Session, TResult>> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                // Read, decide and write under the write lock taken by BEGIN IMMEDIATE: no other write interleaves.
                Session? stored = null;
                await using (var find = connection.Command(SessionSql.Find, transaction).With("@tenant", tenantId).With("@id", id))
                {
                    if (await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string body)
                    {
                        stored = StoredJson.ReadSession(body, id);
                    }
                }

                var change = decide(stored);
                if (change.Write is not { } written)
                {
                    return (false, change.Result);
                }

                if (stored is null)
                {
                    throw new InvalidOperationException($"No session '{id}' to change: a change cannot create one.");
                }

                await using (var replace = connection.Command(SessionSql.Replace, transaction)
                    .WithSession(tenantId, written)
                    .With("@expected_revision", stored.Revision))
                {
                    await replace.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await SqliteDatabase.BumpAsync(connection, transaction, tenantId, ChangeTableSql.Sessions, LengthInTicks(written), cancellationToken).ConfigureAwait(false);
                return (true, change.Result);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<long?> GetChangeVersionAsync(string tenantId, CancellationToken cancellationToken) =>
        _database.ChangeVersionAsync(tenantId, ChangeTableSql.Sessions, cancellationToken);

    /// <summary>How long the session lasts in the columns' ticks (start rounded down, end rounded up).</summary>
    private static long LengthInTicks(Session session) =>
        Ticks.Ceiling(session.End.Timestamp) - Ticks.Floor(session.Start.Timestamp);

    private async IAsyncEnumerable<Session> FindMany(string tenantId, string? ids, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (ids is null)
        {
            yield break;
        }

        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(SessionSql.FindMany).With("@tenant", tenantId).With("@ids", ids);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return StoredJson.ReadSession(reader.GetString(0), reader.GetString(1));
        }
    }

    private async IAsyncEnumerable<Session> FindOverlapping(
        string tenantId,
        SessionCandidateFilter filter,
        Instant from,
        Instant to,
        SessionPosition? after,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // Single sessions belong to no series, so a filter by series admits none of them.
        if (!filter.RecurringSessionIds.IsEmpty)
        {
            yield break;
        }

        // The keyset condition in SQL compares ticks; an id decides only when the position's start is a whole tick.
        var afterStart = long.MinValue;
        string? afterId = null;
        if (after is { } position)
        {
            afterStart = Ticks.Floor(position.Start);
            afterId = Ticks.Ceiling(position.Start) == afterStart ? position.Id : null;
        }

        // Disposing the enumerator early (the caller has a page) disposes the reader and returns the connection.
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(SessionSql.FindOverlapping)
            .With("@tenant", tenantId)
            .With("@from_ticks", Ticks.Floor(from))
            .With("@to_ticks", Ticks.Ceiling(to))
            .With("@after_start_ticks", afterStart)
            .With("@after_id", afterId)
            .WithCandidateFilter(filter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var window = new SessionWindow(from, to);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var session = StoredJson.ReadSession(reader.GetString(0), reader.GetString(1));

            // The columns are rounded to ticks; the exact rules decide at the edges.
            if ((after is { } past && !past.Precedes(session)) || !window.Overlaps(session))
            {
                continue;
            }

            yield return session;
        }
    }
}
