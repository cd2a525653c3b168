namespace Scheduling.Stores.PostgreSql.Sql;

/// <summary>
/// The SQL of <see cref="PostgreSqlSessionStore"/>, PostgreSQL dialect. Every write is one statement that also bumps
/// its tenant's <c>session_changes</c> row when (and only when) it changed a session, so the two commit together; the
/// tenant row is always locked last, after the session row, so writes never wait on each other in a cycle.
/// </summary>
internal static class SessionStatements
{
    public const string Find = "SELECT body FROM sessions WHERE tenant_id = @tenant AND id = @id";

    public const string FindMany = "SELECT body, id FROM sessions WHERE tenant_id = @tenant AND id = ANY(@ids)";

    /// <summary>The session row locked for the rest of the transaction (a booking reads, decides, then writes).</summary>
    public const string FindForUpdate = "SELECT body FROM sessions WHERE tenant_id = @tenant AND id = @id FOR UPDATE";

    public const string Insert =
        """
        WITH written AS (
            INSERT INTO sessions (tenant_id, id, schedule_id, schedule_owner_id, type, status, start_ticks, end_ticks, revision, body)
            VALUES (@tenant, @id, @schedule_id, @schedule_owner_id, @type, @status, @start_ticks, @end_ticks, @revision, @body)
            ON CONFLICT (tenant_id, id) DO NOTHING
            RETURNING end_ticks - start_ticks AS length)
        """ + BumpChanges;

    public const string Replace =
        """
        WITH written AS (
            UPDATE sessions
            SET schedule_id = @schedule_id, schedule_owner_id = @schedule_owner_id, type = @type, status = @status,
                start_ticks = @start_ticks, end_ticks = @end_ticks, revision = @revision, body = @body
            WHERE tenant_id = @tenant AND id = @id AND revision = @expected_revision
            RETURNING end_ticks - start_ticks AS length)
        """ + BumpChanges;

    public const string Delete =
        """
        WITH written AS (
            DELETE FROM sessions
            WHERE tenant_id = @tenant AND id = @id AND revision = @expected_revision
            RETURNING 0::bigint AS length)
        """ + BumpChanges;

    public const string ChangeVersion = "SELECT version FROM session_changes WHERE tenant_id = @tenant";

    /// <summary>
    /// The sessions overlapping <c>[@from_ticks, @to_ticks)</c> in result order, after a keyset position, at most
    /// <c>@limit</c> of them. The seek starts no earlier than the longest session of the tenant before the window.
    /// {0} is the keyset condition (or nothing), {1} the candidate conditions (or nothing).
    /// The conditions are the index form of <see cref="SessionWindow.Overlaps(NodaTime.Instant, NodaTime.Instant)"/> and
    /// of <see cref="SessionPosition"/>'s order, on ticks rounded outwards; the store applies the exact rules to each row.
    /// </summary>
    public const string FindOverlapping =
        """
        SELECT body, start_ticks, id
        FROM sessions
        WHERE tenant_id = @tenant
          AND start_ticks >= @from_ticks - COALESCE((SELECT longest_session_ticks FROM session_changes WHERE tenant_id = @tenant), 0)
          AND start_ticks < @to_ticks
          AND (end_ticks > @from_ticks OR (start_ticks >= @from_ticks AND end_ticks <= start_ticks + 1)){0}{1}
        ORDER BY start_ticks, id
        LIMIT @limit
        """;

    /// <summary>Continues after the keyset position (<c>&gt;</c>) or from it (<c>&gt;=</c>).</summary>
    public const string AfterPosition = "\n  AND (start_ticks, id) > (@after_ticks, @after_id)";

    /// <inheritdoc cref="AfterPosition"/>
    public const string FromPosition = "\n  AND (start_ticks, id) >= (@after_ticks, @after_id)";

    public const string OneSchedule = "\n  AND schedule_id = @schedule_id";

    public const string AnySchedule = "\n  AND schedule_id = ANY(@schedule_ids)";

    public const string AnyOwner = "\n  AND schedule_owner_id = ANY(@schedule_owner_ids)";

    public const string AnyType = "\n  AND type = ANY(@types)";

    /// <summary>Bumps the tenant's change version, and its longest session, for each row of <c>written</c>.</summary>
    private const string BumpChanges =
        """

        INSERT INTO session_changes AS changes (tenant_id, version, longest_session_ticks)
        SELECT @tenant, 1, length FROM written
        ON CONFLICT (tenant_id) DO UPDATE
        SET version = changes.version + 1,
            longest_session_ticks = GREATEST(changes.longest_session_ticks, EXCLUDED.longest_session_ticks)
        """;
}
