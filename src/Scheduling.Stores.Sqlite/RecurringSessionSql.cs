namespace Scheduling.Stores.Sqlite;

/// <summary>The SQL of <see cref="SqliteRecurringSessionStore"/>.</summary>
internal static class RecurringSessionSql
{
    /// <summary>A series with its overrides: one row per override (or one with a NULL override), by identity start.</summary>
    public const string Find = """
        SELECT r.id, r.span_end_ticks, r.body, o.body, r.revision, o.identity_start, o.revision, r.span_end_nanos, r.version
        FROM recurring_sessions AS r
        LEFT JOIN instance_overrides AS o ON o.tenant_id = r.tenant_id AND o.recurring_session_id = r.id
        WHERE r.tenant_id = @tenant AND r.id = @id
        ORDER BY o.identity_start;
        """;

    /// <summary>A series with the override of one instance, if it has one: one row.</summary>
    public const string FindWithOverride = """
        SELECT r.id, r.span_end_ticks, r.body, o.body, r.revision, o.identity_start, o.revision, r.span_end_nanos, r.version
        FROM recurring_sessions AS r
        LEFT JOIN instance_overrides AS o
            ON o.tenant_id = r.tenant_id AND o.recurring_session_id = r.id AND o.identity_start = @identity_start
        WHERE r.tenant_id = @tenant AND r.id = @id;
        """;

    public const string FindSeries = """
        SELECT body FROM recurring_sessions WHERE tenant_id = @tenant AND id = @id;
        """;

    public const string Exists = """
        SELECT 1 FROM recurring_sessions WHERE tenant_id = @tenant AND id = @id;
        """;

    public const string Insert = """
        INSERT INTO recurring_sessions (
            tenant_id, id, schedule_id, schedule_owner_id, type, first_start_ticks, span_end_ticks, span_end_nanos,
            duration_ticks, longest_override_ticks, effective_span_end_ticks, revision, version, body)
        VALUES (
            @tenant, @id, @schedule_id, @schedule_owner_id, @type, @first_start_ticks, @span_end_ticks, @span_end_nanos,
            @duration_ticks, NULL, @span_end_ticks + (@span_end_nanos > 0), @revision, @version, @body)
        ON CONFLICT (tenant_id, id) DO NOTHING;
        """;

    /// <summary>Replaces a series at the expected revision; its overrides stay, so their longest duration still widens its span.</summary>
    public const string Replace = """
        UPDATE recurring_sessions
        SET schedule_id = @schedule_id, schedule_owner_id = @schedule_owner_id, type = @type,
            first_start_ticks = @first_start_ticks, span_end_ticks = @span_end_ticks, span_end_nanos = @span_end_nanos,
            duration_ticks = @duration_ticks,
            effective_span_end_ticks = @span_end_ticks + (@span_end_nanos > 0)
                + max(coalesce(longest_override_ticks - @duration_ticks + 1, 0), 0),
            revision = @revision, version = @version, body = @body
        WHERE tenant_id = @tenant AND id = @id AND revision = @expected_revision;
        """;

    /// <summary>Gives a series the version of a write to one of its overrides.</summary>
    public const string Touch = """
        UPDATE recurring_sessions SET version = @version WHERE tenant_id = @tenant AND id = @id;
        """;

    /// <summary>
    /// Works out a series' effective span end again after its overrides changed
    /// (<see cref="RecurringSessionRecord.EffectiveSpanEnd"/>: the span end widened by how much the longest override
    /// outlasts the series), reading the longest from <c>instance_overrides_by_duration</c>.
    /// </summary>
    public const string RefreshSpan = """
        UPDATE recurring_sessions
        SET longest_override_ticks = (
            SELECT max(o.duration_ticks) FROM instance_overrides AS o
            WHERE o.tenant_id = @tenant AND o.recurring_session_id = @id AND o.duration_ticks IS NOT NULL)
        WHERE tenant_id = @tenant AND id = @id;
        UPDATE recurring_sessions
        SET effective_span_end_ticks = span_end_ticks + (span_end_nanos > 0)
            + max(coalesce(longest_override_ticks - duration_ticks + 1, 0), 0)
        WHERE tenant_id = @tenant AND id = @id;
        """;

    public const string Delete = """
        DELETE FROM recurring_sessions WHERE tenant_id = @tenant AND id = @id AND revision = @expected_revision;
        """;

    public const string DeleteOverrides = """
        DELETE FROM instance_overrides WHERE tenant_id = @tenant AND recurring_session_id = @id;
        """;

    /// <summary>
    /// The candidates for a window: series whose span <c>[first start, effective span end)</c> overlaps it (a range on
    /// <c>recurring_sessions_by_span</c>), and series with an instance moved into it (a seek on
    /// <c>instance_overrides_by_moved_start</c> from the window's start less the tenant's longest instance). Each comes
    /// with all its overrides. The candidate filter applies to the series' own columns. The candidate ids drive
    /// primary-key lookups in id order, so rows come grouped by series without a sort, and stream.
    /// This is the index form of <see cref="RecurringSessionRecord.CanOverlap(SessionWindow)"/>, on ticks rounded
    /// outwards; the store applies the exact rule to each record.
    /// </summary>
    public const string FindOverlapping = """
        SELECT r.id, r.span_end_ticks, r.body, o.body, r.revision, o.identity_start, o.revision, r.span_end_nanos, r.version
        FROM recurring_sessions AS r
        LEFT JOIN instance_overrides AS o ON o.tenant_id = r.tenant_id AND o.recurring_session_id = r.id
        WHERE r.tenant_id = @tenant
          AND r.id IN (
            SELECT id
            FROM recurring_sessions
            WHERE tenant_id = @tenant
              AND first_start_ticks < @to_ticks
              AND (effective_span_end_ticks IS NULL OR effective_span_end_ticks > @from_ticks)
            UNION
            SELECT m.recurring_session_id
            FROM instance_overrides AS m
            JOIN recurring_sessions AS s ON s.tenant_id = m.tenant_id AND s.id = m.recurring_session_id
            WHERE m.tenant_id = @tenant
              AND m.moved_start_ticks >= @from_ticks - coalesce(
                    (SELECT longest_instance_ticks FROM recurring_session_changes WHERE tenant_id = @tenant), 0)
              AND m.moved_start_ticks < @to_ticks
              AND m.moved_start_ticks + coalesce(m.duration_ticks, s.duration_ticks) >= @from_ticks)
          AND (@schedule_ids IS NULL OR r.schedule_id IN (SELECT value FROM json_each(@schedule_ids)))
          AND (@schedule_owner_ids IS NULL OR r.schedule_owner_id IN (SELECT value FROM json_each(@schedule_owner_ids)))
          AND (@types IS NULL OR r.type IN (SELECT value FROM json_each(@types)))
          AND (@recurring_session_ids IS NULL OR r.id IN (SELECT value FROM json_each(@recurring_session_ids)))
        ORDER BY r.id, o.identity_start;
        """;

    public const string FindOverride = """
        SELECT body FROM instance_overrides
        WHERE tenant_id = @tenant AND recurring_session_id = @id AND identity_start = @identity_start;
        """;

    /// <summary>Stores an override whose expected revision is 0: inserts it, or replaces one stored at revision 0.</summary>
    public const string InsertOverride = """
        INSERT INTO instance_overrides (tenant_id, recurring_session_id, identity_start, revision, moved_start_ticks, duration_ticks, body)
        VALUES (@tenant, @id, @identity_start, @revision, @moved_start_ticks, @duration_ticks, @body)
        ON CONFLICT (tenant_id, recurring_session_id, identity_start) DO UPDATE SET
            revision = excluded.revision, moved_start_ticks = excluded.moved_start_ticks,
            duration_ticks = excluded.duration_ticks, body = excluded.body
        WHERE instance_overrides.revision = 0;
        """;

    public const string ReplaceOverride = """
        UPDATE instance_overrides
        SET revision = @revision, moved_start_ticks = @moved_start_ticks, duration_ticks = @duration_ticks, body = @body
        WHERE tenant_id = @tenant AND recurring_session_id = @id AND identity_start = @identity_start
          AND revision = @expected_revision;
        """;

    /// <summary>Deletes the overrides a split takes from the ended series: the identity starts in the JSON array <c>@identity_starts</c>.</summary>
    public const string DeleteOverridesAt = """
        DELETE FROM instance_overrides
        WHERE tenant_id = @tenant AND recurring_session_id = @id AND identity_start IN (SELECT value FROM json_each(@identity_starts));
        """;

    public const string InsertMovedOverride = """
        INSERT INTO instance_overrides (tenant_id, recurring_session_id, identity_start, revision, moved_start_ticks, duration_ticks, body)
        VALUES (@tenant, @id, @identity_start, @revision, @moved_start_ticks, @duration_ticks, @body);
        """;
}
