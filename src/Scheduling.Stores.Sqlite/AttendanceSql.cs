using System.Collections.Frozen;
using Scheduling.Attendance;

namespace Scheduling.Stores.Sqlite;

/// <summary>
/// The SQL of <see cref="SqliteAttendanceStore"/>. Uniqueness is the database's: an insert that would take an id, or a
/// booking and session, another row holds inserts nothing, and a replace changes its row only at the revision
/// expected and only when no other row holds its booking and session.
/// </summary>
internal static class AttendanceSql
{
    /// <summary>The columns an attendance is read from, in this order.</summary>
    public const string Columns =
        "id, booking_id, session_id, recurring_session_id, status, number_of_attendees, revision, " +
        "created_at_ticks, created_at_nanos, updated_at_ticks, updated_at_nanos";

    public const string Find = "SELECT " + Columns + """

        FROM attendance WHERE tenant_id = @tenant AND id = @id;
        """;

    public const string FindByBookingAndSession = "SELECT " + Columns + """

        FROM attendance WHERE tenant_id = @tenant AND booking_id = @booking_id AND session_id = @session_id;
        """;

    /// <summary>An attendance, unless its id, or its booking and session, are taken (then no row is inserted).</summary>
    public const string Insert = """
        INSERT INTO attendance (tenant_id, id, booking_id, session_id, recurring_session_id, status, number_of_attendees, revision,
            created_at_ticks, created_at_nanos, updated_at_ticks, updated_at_nanos)
        VALUES (@tenant, @id, @booking_id, @session_id, @recurring_session_id, @status, @number_of_attendees, @revision,
            @created_at_ticks, @created_at_nanos, @updated_at_ticks, @updated_at_nanos)
        ON CONFLICT DO NOTHING;
        """;

    /// <summary>
    /// Every column of the row with the same id, if its stored revision is <c>@expected_revision</c> and no other row
    /// holds the new booking and session (then no row changes, instead of a constraint error).
    /// </summary>
    public const string Replace = """
        UPDATE attendance
        SET booking_id = @booking_id, session_id = @session_id, recurring_session_id = @recurring_session_id, status = @status,
            number_of_attendees = @number_of_attendees, revision = @revision,
            created_at_ticks = @created_at_ticks, created_at_nanos = @created_at_nanos,
            updated_at_ticks = @updated_at_ticks, updated_at_nanos = @updated_at_nanos
        WHERE tenant_id = @tenant AND id = @id AND revision = @expected_revision
          AND NOT EXISTS (
            SELECT 1 FROM attendance AS other
            WHERE other.tenant_id = @tenant AND other.booking_id = @booking_id AND other.session_id = @session_id AND other.id <> @id);
        """;

    public const string Delete = """
        DELETE FROM attendance WHERE tenant_id = @tenant AND id = @id AND revision = @expected_revision;
        """;

    /// <summary>
    /// 1 when the write of one attendance at <c>@expected_revision</c> would succeed on its own against what is stored
    /// now, 0 otherwise: with 0 neither its id nor its booking and session may be taken; otherwise its row must be at
    /// that revision and no other row may hold its booking and session.
    /// </summary>
    public const string CanWrite = """
        SELECT CASE WHEN @expected_revision = 0
            THEN NOT EXISTS (SELECT 1 FROM attendance WHERE tenant_id = @tenant AND id = @id)
             AND NOT EXISTS (SELECT 1 FROM attendance WHERE tenant_id = @tenant AND booking_id = @booking_id AND session_id = @session_id)
            ELSE EXISTS (SELECT 1 FROM attendance WHERE tenant_id = @tenant AND id = @id AND revision = @expected_revision)
             AND NOT EXISTS (
                SELECT 1 FROM attendance
                WHERE tenant_id = @tenant AND booking_id = @booking_id AND session_id = @session_id AND id <> @id)
            END;
        """;

    /// <summary>The attendance of each session in the JSON array <c>@keys</c>, counted by status, with the attendees summed.</summary>
    public const string TallyBySession = """
        SELECT session_id, count(*) FILTER (WHERE status = 1), count(*) FILTER (WHERE status = 2),
               count(*) FILTER (WHERE status = 0), sum(number_of_attendees)
        FROM attendance
        WHERE tenant_id = @tenant AND session_id IN (SELECT value FROM json_each(@keys))
        GROUP BY session_id;
        """;

    /// <summary>The attendance of each booking in the JSON array <c>@keys</c>, counted by status, with the attendees summed.</summary>
    public const string TallyByBooking = """
        SELECT booking_id, count(*) FILTER (WHERE status = 1), count(*) FILTER (WHERE status = 2),
               count(*) FILTER (WHERE status = 0), sum(number_of_attendees)
        FROM attendance
        WHERE tenant_id = @tenant AND booking_id IN (SELECT value FROM json_each(@keys))
        GROUP BY booking_id;
        """;

    /// <summary>Every seek statement, by its shape; see <see cref="Seek"/>.</summary>
    private static readonly FrozenDictionary<(SeekScope, AttendanceSortField, bool, bool), string> Seeks = BuildSeeks();

    /// <summary>
    /// A keyset seek over one index: the tenant's attendance in <paramref name="scope"/> (one key, bound as
    /// <c>@key</c>, or the ids in the JSON array <c>@ids</c>), strictly after <c>(@after_number, @after_id)</c> when
    /// <paramref name="fromPosition"/> is set, in ascending order of <paramref name="field"/> then id, or descending
    /// when <paramref name="descending"/> is set. The candidate sets (<c>@ids</c>, <c>@booking_ids</c>,
    /// <c>@session_ids</c>, <c>@recurring_session_ids</c>, <c>@statuses</c>: JSON arrays, NULL for "any") are checked
    /// on the rows of the range.
    /// </summary>
    /// <remarks>
    /// The order is the index's (read backwards when descending), so rows stream in result order without a sort,
    /// except in <see cref="SeekScope.Ids"/>, where each id asked for is looked up and the sort holds at most those.
    /// </remarks>
    public static string Seek(SeekScope scope, AttendanceSortField field, bool descending, bool fromPosition) =>
        Seeks[(scope, field, descending, fromPosition)];

    private static FrozenDictionary<(SeekScope, AttendanceSortField, bool, bool), string> BuildSeeks()
    {
        var seeks = new Dictionary<(SeekScope, AttendanceSortField, bool, bool), string>();
        foreach (var scope in Enum.GetValues<SeekScope>())
        {
            foreach (var field in Enum.GetValues<AttendanceSortField>())
            {
                foreach (var descending in new[] { false, true })
                {
                    foreach (var fromPosition in new[] { false, true })
                    {
                        seeks[(scope, field, descending, fromPosition)] = BuildSeek(scope, field, descending, fromPosition);
                    }
                }
            }
        }

        return seeks.ToFrozenDictionary();
    }

    private static string BuildSeek(SeekScope scope, AttendanceSortField field, bool descending, bool fromPosition)
    {
        var byNumber = field == AttendanceSortField.NumberOfAttendees;
        var inScope = scope switch
        {
            SeekScope.Tenant => string.Empty,
            SeekScope.Ids => "\n  AND id = wanted.id_asked",
            SeekScope.Booking => "\n  AND booking_id = @key",
            SeekScope.Session => "\n  AND session_id = @key",
            SeekScope.RecurringSession => "\n  AND recurring_session_id = @key",
            SeekScope.Status => "\n  AND status = @key",
            _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, null),
        };
        var comparison = descending ? "<" : ">";
        var keyset = !fromPosition ? string.Empty
            : byNumber ? $"\n  AND (number_of_attendees, id) {comparison} (@after_number, @after_id)"
            : $"\n  AND id {comparison} @after_id";
        var ids = scope == SeekScope.Ids ? string.Empty : "\n  AND (@ids IS NULL OR id IN (SELECT value FROM json_each(@ids)))";
        var order = descending ? " DESC" : string.Empty;

        // The ids asked for drive the loop (CROSS JOIN keeps them outside): one primary key lookup each.
        var from = scope == SeekScope.Ids
            ? "(SELECT value AS id_asked FROM json_each(@ids)) AS wanted CROSS JOIN attendance"
            : "attendance";
        return $"""
            SELECT {Columns}
            FROM {from}
            WHERE tenant_id = @tenant{inScope}{keyset}{ids}
              AND (@booking_ids IS NULL OR booking_id IN (SELECT value FROM json_each(@booking_ids)))
              AND (@session_ids IS NULL OR session_id IN (SELECT value FROM json_each(@session_ids)))
              AND (@recurring_session_ids IS NULL OR recurring_session_id IN (SELECT value FROM json_each(@recurring_session_ids)))
              AND (@statuses IS NULL OR status IN (SELECT value FROM json_each(@statuses)))
            ORDER BY {(byNumber ? $"number_of_attendees{order}, " : string.Empty)}id{order};
            """;
    }

    /// <summary>The range of rows a seek reads, each served by its own indexes (see <c>0002_attendance.sql</c>).</summary>
    public enum SeekScope
    {
        /// <summary>The whole tenant.</summary>
        Tenant,

        /// <summary>The ids asked for (at most as many rows).</summary>
        Ids,

        /// <summary>One booking.</summary>
        Booking,

        /// <summary>One session or instance.</summary>
        Session,

        /// <summary>The instances of one recurring session.</summary>
        RecurringSession,

        /// <summary>One status.</summary>
        Status,
    }
}
