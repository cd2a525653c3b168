namespace Scheduling.Stores.PostgreSql.Sql;

/// <summary>
/// The SQL of <see cref="PostgreSqlAttendanceStore"/>, PostgreSQL dialect. Uniqueness is the database's: an insert
/// that would take an id, or a booking and session, another row holds does nothing (<c>ON CONFLICT DO NOTHING</c>,
/// which waits for a concurrent insert of the same key to commit or roll back first), and a replace changes its row
/// only at the revision expected.
/// </summary>
/// <remarks>
/// A batch runs in one transaction: it locks the rows it replaces, in id order, then inserts, in (booking, session)
/// order, then replaces. Every wait on another batch comes in one of these steps, in the same order, so two batches
/// over the same attendance wait for each other instead of deadlocking; and each write is checked against what was
/// stored before the batch, as if it ran on its own.
/// </remarks>
internal static class AttendanceStatements
{
    /// <summary>The columns <see cref="PostgreSqlAttendanceStore"/> reads an attendance from, in this order.</summary>
    public const string Columns =
        """
        id, booking_id, session_id, recurring_session_id, status, number_of_attendees, revision,
        created_at_ticks, created_at_nanos, updated_at_ticks, updated_at_nanos
        """;

    public const string Find = "SELECT " + Columns + "\nFROM attendance WHERE tenant_id = @tenant AND id = @id";

    public const string FindByBookingAndSession =
        "SELECT " + Columns + "\nFROM attendance WHERE tenant_id = @tenant AND booking_id = @booking_id AND session_id = @session_id";

    /// <summary>An attendance, unless its id, or its booking and session, are taken (then no row is inserted).</summary>
    public const string Insert =
        """
        INSERT INTO attendance (tenant_id, id, booking_id, session_id, recurring_session_id, status, number_of_attendees, revision,
                                created_at_ticks, created_at_nanos, updated_at_ticks, updated_at_nanos)
        VALUES (@tenant, @id, @booking_id, @session_id, @recurring_session_id, @status, @number_of_attendees, @revision,
                @created_at_ticks, @created_at_nanos, @updated_at_ticks, @updated_at_nanos)
        ON CONFLICT DO NOTHING
        """;

    /// <summary>
    /// Every column of the row with the same id, if its stored revision is <c>@expected_revision</c> and no other row
    /// holds the new booking and session (one committed after the statement started fails it with a unique violation).
    /// </summary>
    public const string Replace =
        """
        UPDATE attendance a
        SET booking_id = @booking_id, session_id = @session_id, recurring_session_id = @recurring_session_id, status = @status,
            number_of_attendees = @number_of_attendees, revision = @revision,
            created_at_ticks = @created_at_ticks, created_at_nanos = @created_at_nanos,
            updated_at_ticks = @updated_at_ticks, updated_at_nanos = @updated_at_nanos
        WHERE a.tenant_id = @tenant AND a.id = @id AND a.revision = @expected_revision
          AND NOT EXISTS (
              SELECT 1 FROM attendance o
              WHERE o.tenant_id = @tenant AND o.booking_id = @booking_id AND o.session_id = @session_id AND o.id <> @id)
        """;

    public const string Delete = "DELETE FROM attendance WHERE tenant_id = @tenant AND id = @id AND revision = @expected_revision";

    /// <summary>Locks the rows a batch replaces, in id order, until its transaction ends.</summary>
    public const string LockMany =
        """
        SELECT id FROM attendance
        WHERE tenant_id = @tenant AND id = ANY(@ids)
        ORDER BY id
        FOR NO KEY UPDATE
        """;

    /// <summary>
    /// The replacements of a batch (one array element per row), each if its row is at its expected revision and no
    /// other row held its booking and session before the statement. Run after the batch's inserts, which never take a
    /// booking and session a replacement names (a batch names each once).
    /// </summary>
    public const string ReplaceMany =
        """
        UPDATE attendance a
        SET booking_id = w.booking_id, session_id = w.session_id, recurring_session_id = w.recurring_session_id, status = w.status,
            number_of_attendees = w.number_of_attendees, revision = w.revision,
            created_at_ticks = w.created_at_ticks, created_at_nanos = w.created_at_nanos,
            updated_at_ticks = w.updated_at_ticks, updated_at_nanos = w.updated_at_nanos
        FROM unnest(@ids, @booking_ids, @session_ids, @recurring_session_ids, @statuses, @numbers_of_attendees, @revisions,
                    @created_at_ticks, @created_at_nanos, @updated_at_ticks, @updated_at_nanos, @expected_revisions)
            AS w (id, booking_id, session_id, recurring_session_id, status, number_of_attendees, revision,
                  created_at_ticks, created_at_nanos, updated_at_ticks, updated_at_nanos, expected_revision)
        WHERE a.tenant_id = @tenant AND a.id = w.id AND a.revision = w.expected_revision
          AND NOT EXISTS (
              SELECT 1 FROM attendance o
              WHERE o.tenant_id = @tenant AND o.booking_id = w.booking_id AND o.session_id = w.session_id AND o.id <> w.id)
        """;

    /// <summary>The inserts of a batch, in array order; a row whose id, or booking and session, are taken is not inserted.</summary>
    public const string InsertMany =
        """
        INSERT INTO attendance (tenant_id, id, booking_id, session_id, recurring_session_id, status, number_of_attendees, revision,
                                created_at_ticks, created_at_nanos, updated_at_ticks, updated_at_nanos)
        SELECT @tenant, w.id, w.booking_id, w.session_id, w.recurring_session_id, w.status, w.number_of_attendees, w.revision,
               w.created_at_ticks, w.created_at_nanos, w.updated_at_ticks, w.updated_at_nanos
        FROM unnest(@ids, @booking_ids, @session_ids, @recurring_session_ids, @statuses, @numbers_of_attendees, @revisions,
                    @created_at_ticks, @created_at_nanos, @updated_at_ticks, @updated_at_nanos) WITH ORDINALITY
            AS w (id, booking_id, session_id, recurring_session_id, status, number_of_attendees, revision,
                  created_at_ticks, created_at_nanos, updated_at_ticks, updated_at_nanos, ordinal)
        ORDER BY w.ordinal
        ON CONFLICT DO NOTHING
        """;

    /// <summary>
    /// A keyset seek: the tenant's attendance after a position (or from the start) in the order read, at most
    /// <c>@limit</c> rows. {0} is the keyset condition (or nothing), {1} the candidate conditions (or nothing), {2} the
    /// order (<see cref="ById"/>, ...).
    /// </summary>
    public const string Seek =
        "SELECT " + Columns + """

        FROM attendance
        WHERE tenant_id = @tenant{0}{1}
        ORDER BY {2}
        LIMIT @limit
        """;

    public const string ById = "id";

    public const string ByIdDescending = "id DESC";

    public const string ByNumber = "number_of_attendees, id";

    public const string ByNumberDescending = "number_of_attendees DESC, id DESC";

    /// <summary>After the position in ascending order of ids.</summary>
    public const string AfterId = "\n  AND id > @after_id";

    /// <summary>Before the position in ascending order of ids (read in descending order).</summary>
    public const string BeforeId = "\n  AND id < @after_id";

    /// <summary>After the position in ascending order of (number of attendees, id).</summary>
    public const string AfterNumber = "\n  AND (number_of_attendees, id) > (@after_number, @after_id)";

    /// <summary>Before the position in ascending order of (number of attendees, id) (read in descending order).</summary>
    public const string BeforeNumber = "\n  AND (number_of_attendees, id) < (@after_number, @after_id)";

    public const string OneId = "\n  AND id = @id";

    public const string AnyId = "\n  AND id = ANY(@ids)";

    public const string OneBooking = "\n  AND booking_id = @booking_id";

    public const string AnyBooking = "\n  AND booking_id = ANY(@booking_ids)";

    public const string OneSession = "\n  AND session_id = @session_id";

    public const string AnySession = "\n  AND session_id = ANY(@session_ids)";

    public const string OneRecurringSession = "\n  AND recurring_session_id = @recurring_session_id";

    public const string AnyRecurringSession = "\n  AND recurring_session_id = ANY(@recurring_session_ids)";

    public const string AnyStatus = "\n  AND status = ANY(@statuses)";

    /// <summary>The attendance of each of <c>@keys</c> counted by status, with the attendees summed; {0} is the column grouped by.</summary>
    public const string Tally =
        """
        SELECT {0}, count(*) FILTER (WHERE status = 1)::integer, count(*) FILTER (WHERE status = 2)::integer,
               count(*) FILTER (WHERE status = 0)::integer, sum(number_of_attendees)::bigint
        FROM attendance
        WHERE tenant_id = @tenant AND {0} = ANY(@keys)
        GROUP BY {0}
        """;

    public const string BySession = "session_id";

    public const string ByBooking = "booking_id";
}
