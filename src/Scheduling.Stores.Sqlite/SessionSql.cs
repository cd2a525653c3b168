namespace Scheduling.Stores.Sqlite;

/// <summary>The SQL of <see cref="SqliteSessionStore"/>.</summary>
internal static class SessionSql
{
    public const string Find = """
        SELECT body FROM sessions WHERE tenant_id = @tenant AND id = @id;
        """;

    public const string FindMany = """
        SELECT body, id FROM sessions
        WHERE tenant_id = @tenant AND id IN (SELECT value FROM json_each(@ids));
        """;

    public const string Insert = """
        INSERT INTO sessions (tenant_id, id, schedule_id, schedule_owner_id, type, status, start_ticks, end_ticks, revision, body)
        VALUES (@tenant, @id, @schedule_id, @schedule_owner_id, @type, @status, @start_ticks, @end_ticks, @revision, @body)
        ON CONFLICT (tenant_id, id) DO NOTHING;
        """;

    public const string Replace = """
        UPDATE sessions
        SET schedule_id = @schedule_id, schedule_owner_id = @schedule_owner_id, type = @type, status = @status,
            start_ticks = @start_ticks, end_ticks = @end_ticks, revision = @revision, body = @body
        WHERE tenant_id = @tenant AND id = @id AND revision = @expected_revision;
        """;

    public const string Delete = """
        DELETE FROM sessions WHERE tenant_id = @tenant AND id = @id AND revision = @expected_revision;
        """;

    /// <summary>
    /// A seek on <c>sessions_by_start</c>: from the later of the keyset position and the window's start less the
    /// longest session of the tenant (nothing that started earlier can still be running), to the window's end, in
    /// index order. The overlap test and the candidate filter run on the rows of that range only.
    /// The conditions are the index form of <see cref="SessionWindow.Overlaps(NodaTime.Instant, NodaTime.Instant)"/> and
    /// of <see cref="SessionPosition"/>'s order, on ticks rounded outwards; the store applies the exact rules to each row.
    /// </summary>
    public const string FindOverlapping = """
        SELECT body, id
        FROM sessions
        WHERE tenant_id = @tenant
          AND start_ticks >= max(@after_start_ticks, @from_ticks - coalesce(
                (SELECT longest_session_ticks FROM session_changes WHERE tenant_id = @tenant), 0))
          AND start_ticks < @to_ticks
          AND (start_ticks > @after_start_ticks OR (start_ticks = @after_start_ticks AND (@after_id IS NULL OR id > @after_id)))
          AND (end_ticks > @from_ticks OR (start_ticks >= @from_ticks AND end_ticks = start_ticks))
          AND (@schedule_ids IS NULL OR schedule_id IN (SELECT value FROM json_each(@schedule_ids)))
          AND (@schedule_owner_ids IS NULL OR schedule_owner_id IN (SELECT value FROM json_each(@schedule_owner_ids)))
          AND (@types IS NULL OR type IN (SELECT value FROM json_each(@types)))
        ORDER BY start_ticks, id;
        """;
}
