namespace Scheduling.Stores.PostgreSql.Sql;

/// <summary>
/// The SQL of <see cref="PostgreSqlRecurringSessionStore"/>, PostgreSQL dialect.
/// </summary>
/// <remarks>
/// <para>Every write of a series row, or of one of its overrides, gives the row the next value of the sequence
/// <c>recurring_session_versions</c> as its version (<see cref="RecurringSessionRecord.Version"/>): unique in the
/// schema, and taken without a lock, so hosts never wait on each other for it.</para>
/// <para>Locks are taken in one order everywhere: the series row, then its override rows, then the tenant's
/// <c>recurring_session_changes</c> row, last. Every change to a series' overrides first locks the series row
/// (<see cref="LockSeries"/>, <see cref="LockRecord"/>), so a split, which reads every override after locking that
/// row, sees every override committed before it and none is written into the old series while it moves them.</para>
/// </remarks>
internal static class RecurringSessionStatements
{
    /// <summary>A series with the bodies of its overrides.</summary>
    public const string Find =
        """
        SELECT s.span_end_ticks, s.span_end_nanos, s.body, ARRAY(
            SELECT o.body FROM instance_overrides o
            WHERE o.tenant_id = s.tenant_id AND o.recurring_session_id = s.id
            ORDER BY o.identity_start) AS overrides, s.id, s.version
        FROM recurring_sessions s
        WHERE s.tenant_id = @tenant AND s.id = @id
        """;

    /// <summary>A series with the body of the override of one instance, if it has one.</summary>
    public const string FindWithOverride =
        """
        SELECT s.span_end_ticks, s.span_end_nanos, s.body, ARRAY(
            SELECT o.body FROM instance_overrides o
            WHERE o.tenant_id = s.tenant_id AND o.recurring_session_id = s.id AND o.identity_start = @identity_start) AS overrides, s.id, s.version
        FROM recurring_sessions s
        WHERE s.tenant_id = @tenant AND s.id = @id
        """;

    public const string Insert =
        """
        WITH written AS (
        """ + InsertRow + """

            ON CONFLICT (tenant_id, id) DO NOTHING
            RETURNING duration_ticks AS length)
        """ + BumpChangesForWritten;

    public const string Replace =
        """
        WITH written AS (
        """ + UpdateRow + """

            RETURNING duration_ticks AS length)
        """ + BumpChangesForWritten;

    public const string Delete =
        """
        WITH written AS (
            DELETE FROM recurring_sessions
            WHERE tenant_id = @tenant AND id = @id AND revision = @expected_revision
            RETURNING 0::bigint AS length)
        """ + BumpChangesForWritten;

    public const string ChangeVersion = "SELECT version FROM recurring_session_changes WHERE tenant_id = @tenant";

    /// <summary>
    /// The series a window's instances can come from: those whose span overlaps <c>[@from_ticks, @to_ticks)</c>
    /// (seeking the span index), then those whose span does not but that have an instance moved into the window
    /// (seeking the moved-start index); {0} is the candidate conditions on <c>s</c> (or nothing).
    /// This is the index form of <see cref="RecurringSessionRecord.CanOverlap(SessionWindow)"/>, on ticks rounded
    /// outwards; the store applies the exact rule to each record.
    /// </summary>
    public const string FindOverlapping =
        """
        SELECT s.span_end_ticks, s.span_end_nanos, s.body, ARRAY(
            SELECT o.body FROM instance_overrides o
            WHERE o.tenant_id = s.tenant_id AND o.recurring_session_id = s.id
            ORDER BY o.identity_start) AS overrides, s.id, s.version
        FROM recurring_sessions s
        WHERE s.tenant_id = @tenant
          AND COALESCE(s.effective_span_end_ticks, 9223372036854775807) > @from_ticks
          AND s.first_start_ticks < @to_ticks{0}
        UNION ALL
        SELECT s.span_end_ticks, s.span_end_nanos, s.body, ARRAY(
            SELECT o.body FROM instance_overrides o
            WHERE o.tenant_id = s.tenant_id AND o.recurring_session_id = s.id
            ORDER BY o.identity_start) AS overrides, s.id, s.version
        FROM recurring_sessions s
        WHERE s.tenant_id = @tenant
          AND s.id IN (
              SELECT o.recurring_session_id
              FROM instance_overrides o
              JOIN recurring_sessions m ON m.tenant_id = o.tenant_id AND m.id = o.recurring_session_id
              WHERE o.tenant_id = @tenant
                AND o.moved_start_ticks IS NOT NULL
                AND o.moved_start_ticks >= @from_ticks - COALESCE((SELECT longest_instance_ticks FROM recurring_session_changes WHERE tenant_id = @tenant), 0)
                AND o.moved_start_ticks < @to_ticks
                AND (o.moved_start_ticks + COALESCE(o.duration_ticks, m.duration_ticks) >= @from_ticks OR o.moved_start_ticks >= @from_ticks))
          AND NOT (COALESCE(s.effective_span_end_ticks, 9223372036854775807) > @from_ticks AND s.first_start_ticks < @to_ticks){0}
        """;

    public const string AnySchedule = "\n  AND s.schedule_id = ANY(@schedule_ids)";

    public const string AnyOwner = "\n  AND s.schedule_owner_id = ANY(@schedule_owner_ids)";

    public const string AnyType = "\n  AND s.type = ANY(@types)";

    public const string AnySeries = "\n  AND s.id = ANY(@recurring_session_ids)";

    /// <summary>Locks a series row until the transaction ends, and reads it; no row when it does not exist.</summary>
    public const string LockSeries =
        "SELECT body FROM recurring_sessions WHERE tenant_id = @tenant AND id = @series_id FOR NO KEY UPDATE";

    /// <summary>One override, read after <see cref="LockSeries"/> (in a statement of its own, so it sees what committed while the lock was awaited).</summary>
    public const string FindOverride =
        """
        SELECT body FROM instance_overrides
        WHERE tenant_id = @tenant AND recurring_session_id = @series_id AND identity_start = @identity_start
        """;

    /// <summary>A first override of an instance, if the series exists and the instance has none.</summary>
    public const string InsertOverride =
        """
        INSERT INTO instance_overrides (tenant_id, recurring_session_id, identity_start, revision, moved_start_ticks, duration_ticks, body)
        SELECT @tenant, @series_id, @identity_start, @revision, @moved_start_ticks, @duration_ticks, @body
        WHERE EXISTS (SELECT 1 FROM recurring_sessions WHERE tenant_id = @tenant AND id = @series_id)
        ON CONFLICT (tenant_id, recurring_session_id, identity_start) DO NOTHING
        """;

    /// <summary>An override replaced if its stored revision is the one expected.</summary>
    public const string UpdateOverride =
        """
        UPDATE instance_overrides
        SET revision = @revision, moved_start_ticks = @moved_start_ticks, duration_ticks = @duration_ticks, body = @body
        WHERE tenant_id = @tenant AND recurring_session_id = @series_id AND identity_start = @identity_start
          AND revision = @expected_revision
        """;

    /// <summary>
    /// Gives a series locked by <see cref="LockSeries"/> a new version for a write to one of its overrides, and widens
    /// its effective span for an override longer than any before (<c>@duration_ticks</c>, NULL when the override has
    /// no length of its own; GREATEST skips NULLs).
    /// </summary>
    public const string TouchSeries =
        """
        UPDATE recurring_sessions
        SET version = nextval('recurring_session_versions'),
            longest_override_ticks = GREATEST(longest_override_ticks, @duration_ticks)
        WHERE tenant_id = @tenant AND id = @series_id
        """;

    /// <summary>Locks a series row until the transaction ends, and reads it whole but for its overrides (see <see cref="OverridesOf"/>).</summary>
    public const string LockRecord =
        """
        SELECT span_end_ticks, span_end_nanos, body, revision, id, version FROM recurring_sessions
        WHERE tenant_id = @tenant AND id = @series_id FOR NO KEY UPDATE
        """;

    /// <summary>Every override of a series, read after <see cref="LockRecord"/> in a statement of its own, as <see cref="FindOverride"/> is.</summary>
    public const string OverridesOf =
        """
        SELECT body, identity_start FROM instance_overrides
        WHERE tenant_id = @tenant AND recurring_session_id = @series_id
        ORDER BY identity_start
        """;

    /// <summary>The ended series of a split, if its stored revision is the one expected.</summary>
    public const string UpdateSeries = UpdateRow;

    /// <summary>The following series of a split, unless its id is taken.</summary>
    public const string InsertSeries = InsertRow + "\nON CONFLICT (tenant_id, id) DO NOTHING";

    /// <summary>Deletes the overrides a split takes from the ended series: those at <c>@identity_starts</c>.</summary>
    public const string DeleteOverridesAt =
        """
        DELETE FROM instance_overrides
        WHERE tenant_id = @tenant AND recurring_session_id = @series_id AND identity_start = ANY(@identity_starts)
        """;

    /// <summary>Puts the moved overrides, keyed anew, under the following series.</summary>
    public const string InsertMovedOverrides =
        """
        INSERT INTO instance_overrides (tenant_id, recurring_session_id, identity_start, revision, moved_start_ticks, duration_ticks, body)
        SELECT @tenant, @series_id, moved.identity_start, moved.revision, moved.moved_start_ticks, moved.duration_ticks, moved.body
        FROM unnest(@identity_starts, @revisions, @moved_start_ticks, @duration_ticks, @bodies)
            AS moved (identity_start, revision, moved_start_ticks, duration_ticks, body)
        """;

    /// <summary>Recomputes the longest override of the series of a split from the overrides each has now.</summary>
    public const string RecomputeLongestOverride =
        """
        UPDATE recurring_sessions s
        SET longest_override_ticks = (
            SELECT max(o.duration_ticks) FROM instance_overrides o
            WHERE o.tenant_id = s.tenant_id AND o.recurring_session_id = s.id)
        WHERE s.tenant_id = @tenant AND s.id = ANY(@series_ids)
        """;

    /// <summary>Bumps the tenant's change version, and widens its longest instance to <c>@length</c>.</summary>
    public const string BumpChanges =
        """
        INSERT INTO recurring_session_changes AS changes (tenant_id, version, longest_instance_ticks)
        VALUES (@tenant, 1, @length)
        ON CONFLICT (tenant_id) DO UPDATE
        SET version = changes.version + 1,
            longest_instance_ticks = GREATEST(changes.longest_instance_ticks, EXCLUDED.longest_instance_ticks)
        """;

    private const string InsertRow =
        """
            INSERT INTO recurring_sessions (tenant_id, id, schedule_id, schedule_owner_id, type, first_start_ticks, duration_ticks,
                                            span_end_ticks, span_end_nanos, revision, version, body)
            VALUES (@tenant, @id, @schedule_id, @schedule_owner_id, @type, @first_start_ticks, @duration_ticks,
                    @span_end_ticks, @span_end_nanos, @revision, nextval('recurring_session_versions'), @body)
        """;

    private const string UpdateRow =
        """
            UPDATE recurring_sessions
            SET schedule_id = @schedule_id, schedule_owner_id = @schedule_owner_id, type = @type,
                first_start_ticks = @first_start_ticks, duration_ticks = @duration_ticks,
                span_end_ticks = @span_end_ticks, span_end_nanos = @span_end_nanos, revision = @revision,
                version = nextval('recurring_session_versions'), body = @body
            WHERE tenant_id = @tenant AND id = @id AND revision = @expected_revision
        """;

    /// <summary>Bumps the tenant's change version, and its longest instance, for each row of <c>written</c>.</summary>
    private const string BumpChangesForWritten =
        """

        INSERT INTO recurring_session_changes AS changes (tenant_id, version, longest_instance_ticks)
        SELECT @tenant, 1, length FROM written
        ON CONFLICT (tenant_id) DO UPDATE
        SET version = changes.version + 1,
            longest_instance_ticks = GREATEST(changes.longest_instance_ticks, EXCLUDED.longest_instance_ticks)
        """;
}
