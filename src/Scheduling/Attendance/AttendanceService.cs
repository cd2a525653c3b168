using System.Collections.Immutable;
using NodaTime;
using Scheduling.Paging;
using Scheduling.Security;
using Scheduling.Sessions;
using Scheduling.Stores;

namespace Scheduling.Attendance;

/// <summary>
/// The attendance API, in process: mark who came to a session (one booking at a time, or in bulk), read and delete
/// what was marked, query it with filters, a sort and cursor paging both ways, and summarise it per session and per
/// booking.
/// </summary>
/// <remarks>
/// <para>Every call takes the caller: its tenant confines every read and write (an id of another tenant reads as not
/// found), and it needs <see cref="Permissions.AttendanceView"/> to read or <see cref="Permissions.AttendanceManage"/>
/// to write. Errors are <see cref="SchedulingException"/>s; an invalid argument names its field.</para>
/// <para>The rules: an <see cref="AttendanceStatus.Attended"/> attendance counts 1 or more attendees, and no more than
/// the session's capacity when it has one; <see cref="AttendanceStatus.NotAttended"/> and
/// <see cref="AttendanceStatus.NotSet"/> count none (0 is never a way to say nobody came); the session must exist in
/// the tenant and not be cancelled, which the sessions API is asked when the attendance is set. Policy lives here;
/// the store only persists, selects and counts. Thread-safe.</para>
/// </remarks>
public sealed class AttendanceService
{
    /// <summary>
    /// How many times a write that only lost a race (no expected revision was given) is tried before it is reported as
    /// a conflict. Each lost race means another write succeeded, so this bounds only pathological contention.
    /// </summary>
    private const int MaxAttempts = 64;

    private readonly IAttendanceStore _store;
    private readonly SessionService _sessions;
    private readonly IClock _clock;
    private readonly SchedulingOptions _options;
    private readonly CursorCodec _cursors;

    /// <summary>Creates the API over an attendance store and the sessions API the attendance refers to.</summary>
    /// <param name="store">Where attendance is kept.</param>
    /// <param name="sessions">The sessions API, asked whether a session exists, is cancelled, and its capacity (without the caller's permissions: the check is the library's own).</param>
    /// <param name="clock">The clock that stamps created and updated instants.</param>
    /// <param name="options">Limits and the cursor key; the defaults when null.</param>
    /// <exception cref="ArgumentNullException">A store, the sessions API or the clock is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public AttendanceService(IAttendanceStore store, SessionService sessions, IClock clock, SchedulingOptions? options = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _sessions = sessions ?? throw new ArgumentNullException(nameof(sessions));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _options = options ?? new SchedulingOptions();
        _options.Validate();
        _cursors = new CursorCodec(CursorKind.Attendance, new CursorKeyRing(_options, sessions.CursorKeyStore));
    }

    /// <summary>
    /// Sets the attendance of a booking at a session: creates it (revision 1) or replaces what is marked (the id and
    /// creation instant stay, the revision goes up by one). With <see cref="AttendanceMark.ExpectedRevision"/> the
    /// write happens only if the stored revision is still that one; without it, the last writer wins.
    /// </summary>
    /// <returns>The attendance as stored.</returns>
    /// <exception cref="SchedulingException">
    /// Invalid argument naming the field (<c>bookingId</c>, <c>sessionId</c> for a session that does not exist or is
    /// cancelled, <c>status</c>, <c>numberOfAttendees</c>, <c>id</c>, <c>expectedRevision</c>); conflict on a stale
    /// revision or an id another attendance holds; permission denied or unauthenticated.
    /// </exception>
    public async ValueTask<Attendance> SetAttendanceAsync(CallerContext caller, AttendanceMark mark, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(mark);
        caller.Demand(Permissions.AttendanceManage);
        return await SetAsync(caller.TenantId, mark, new SessionLookup(_sessions, caller.TenantId), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sets many attendance records and says, for every item in order, whether it was written and if not why: nothing
    /// is skipped silently (a cancelled or missing session is a failed item, with the same error a single set gives).
    /// <see cref="BulkAttendanceMode.Independent"/> writes each valid item on its own;
    /// <see cref="BulkAttendanceMode.AllOrNothing"/> writes all of them in one transaction or none. A booking and
    /// session named twice in one request fail from the second time on.
    /// </summary>
    /// <exception cref="SchedulingException">
    /// Limit exceeded for more than <see cref="SchedulingOptions.MaxAttendanceBatchSize"/> items; invalid argument for
    /// an undefined mode or a null item (<c>marks</c>); permission denied or unauthenticated. Problems of single items are reported in the result.
    /// </exception>
    public async ValueTask<BulkAttendanceResult> BulkSetAttendanceAsync(
        CallerContext caller,
        IReadOnlyList<AttendanceMark> marks,
        BulkAttendanceMode mode = BulkAttendanceMode.Independent,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(marks);
        caller.Demand(Permissions.AttendanceManage);
        if (!Enum.IsDefined(mode))
        {
            throw SchedulingException.Invalid("mode", $"{mode} is not a bulk mode: use Independent or AllOrNothing.");
        }

        if (marks.Count > _options.MaxAttendanceBatchSize)
        {
            throw SchedulingException.Limit("marks", $"At most {_options.MaxAttendanceBatchSize} items may be set at once; {marks.Count} were given.");
        }

        if (marks.Any(m => m is null))
        {
            throw SchedulingException.Invalid("marks", "An item of the bulk set is null.");
        }

        var repeats = Repeats(marks);
        var sessions = new SessionLookup(_sessions, caller.TenantId);
        return mode == BulkAttendanceMode.AllOrNothing
            ? await AllOrNothingAsync(caller.TenantId, marks, repeats, sessions, cancellationToken).ConfigureAwait(false)
            : await EachOnItsOwnAsync(caller.TenantId, marks, repeats, sessions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gets an attendance by id.</summary>
    /// <exception cref="SchedulingException">Not found (also for another tenant's id), invalid argument for an empty id, permission denied or unauthenticated.</exception>
    public async ValueTask<Attendance> GetAttendanceAsync(CallerContext caller, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Demand(Permissions.AttendanceView);
        RequireId(id);
        return await _store.FindAsync(caller.TenantId, id, cancellationToken).ConfigureAwait(false)
            ?? throw SchedulingException.NotFound("Attendance", id);
    }

    /// <summary>
    /// Deletes an attendance for good (to say "nothing known" and keep the record, set it to
    /// <see cref="AttendanceStatus.NotSet"/> instead). With <paramref name="expectedRevision"/> it is deleted only
    /// if the stored revision is still that one.
    /// </summary>
    /// <exception cref="SchedulingException">Not found, conflict on a stale revision, permission denied or unauthenticated.</exception>
    public async ValueTask DeleteAttendanceAsync(CallerContext caller, string id, long? expectedRevision = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Demand(Permissions.AttendanceManage);
        RequireId(id);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await _store.FindAsync(caller.TenantId, id, cancellationToken).ConfigureAwait(false)
                ?? throw SchedulingException.NotFound("Attendance", id);
            if (expectedRevision is { } expected && expected != stored.Revision)
            {
                throw SchedulingException.Conflict($"Attendance '{id}' is at revision {stored.Revision}, not {expected}: read it again and retry.", "expectedRevision");
            }

            if (await _store.DeleteAsync(caller.TenantId, id, stored.Revision, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            if (expectedRevision is not null || attempt == MaxAttempts)
            {
                throw ChangedMeanwhile($"Attendance '{id}'");
            }

            await Task.Yield();
        }
    }

    /// <summary>
    /// The first page of attendance the query's filter admits, in the query's order (by id, ascending, by default),
    /// <see cref="AttendanceQuery.Limit"/> items long (50 by default). The page's <see cref="CursorPage{T}.NextCursor"/>
    /// and <see cref="CursorPage{T}.PreviousCursor"/> carry the query: pass one alone to
    /// <see cref="QueryAttendanceAsync(CallerContext, string, CancellationToken)"/>.
    /// </summary>
    /// <remarks>
    /// Paging is by keyset: a page starts right after (or, going back, right before) the item at its edge, so an item
    /// that does not change is never repeated or skipped while others are written. The first page has no previous
    /// cursor; <see cref="CursorPage{T}.HasNext"/> is exact.
    /// </remarks>
    /// <exception cref="SchedulingException">
    /// Invalid argument (<c>limit</c>) for a limit below 1; limit exceeded (<c>limit</c>) for one above
    /// <see cref="SchedulingOptions.MaxPageSize"/>; permission denied or unauthenticated.
    /// </exception>
    public async ValueTask<CursorPage<Attendance>> QueryAttendanceAsync(CallerContext caller, AttendanceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(query);
        caller.Demand(Permissions.AttendanceView);
        var limit = query.Limit ?? _options.DefaultAttendancePageSize;
        if (limit < 1)
        {
            throw SchedulingException.Invalid("limit", $"The limit must be at least 1; {limit} was asked for.");
        }

        if (limit > _options.MaxPageSize)
        {
            throw SchedulingException.Limit("limit", $"At most {_options.MaxPageSize} items fit a page; {limit} were asked for.");
        }

        var filter = query.Filter ?? AttendanceFilter.All;
        var sort = query.Sort ?? AttendanceSort.IdAscending;
        return await PageAsync(caller.TenantId, filter, sort, limit, position: null, SeekDirection.Forward, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The page a cursor points to: the next or the previous page of a query. The cursor carries the filter, the
    /// sort and the limit; the tenant and the permissions come from the caller, checked again on every page.
    /// </summary>
    /// <exception cref="SchedulingException">
    /// Invalid argument (<c>cursor</c>) for an empty, malformed or altered cursor, or one issued to another tenant;
    /// permission denied or unauthenticated.
    /// </exception>
    public async ValueTask<CursorPage<Attendance>> QueryAttendanceAsync(CallerContext caller, string cursor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Demand(Permissions.AttendanceView);
        if (string.IsNullOrEmpty(cursor))
        {
            throw SchedulingException.Invalid("cursor", "The cursor is empty: pass back exactly the cursor a page returned.");
        }

        var state = AttendanceCursor.FromPayload(await _cursors.OpenAsync(caller.TenantId, cursor, cancellationToken).ConfigureAwait(false));
        if (state.Limit < 1 || state.Limit > _options.MaxPageSize)
        {
            throw SchedulingException.Invalid("cursor", $"The cursor asks for pages of {state.Limit}; this host serves at most {_options.MaxPageSize}. Start the query again.");
        }

        AttendanceFilter filter;
        try
        {
            filter = AttendanceFilter.Parse(state.FilterJson);
        }
        catch (SchedulingException exception)
        {
            throw new SchedulingException(SchedulingErrorCode.InvalidArgument, "The cursor is malformed: pass back exactly the cursor a page returned.", "cursor", exception);
        }

        return await PageAsync(caller.TenantId, filter, state.Sort, state.Limit, state.Position, state.Direction, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Who came to one session or instance: its attendance counted by status, and the total attendees. A session with nothing marked counts zeros.</summary>
    /// <exception cref="SchedulingException">Invalid argument for an empty id; permission denied or unauthenticated.</exception>
    public async ValueTask<SessionAttendanceSummary> SummarizeSessionAsync(CallerContext caller, string sessionId, CancellationToken cancellationToken = default) =>
        (await SummarizeSessionsAsync(caller, [sessionId], cancellationToken).ConfigureAwait(false))[0];

    /// <summary>
    /// Who came to each of these sessions or instances (for example every instance of a course), in the order asked,
    /// each id once. The store counts; no record is loaded.
    /// </summary>
    /// <exception cref="SchedulingException">
    /// Invalid argument for no id or an empty one; limit exceeded for more than <see cref="SchedulingOptions.MaxIdsPerList"/>
    /// ids; permission denied or unauthenticated.
    /// </exception>
    public async ValueTask<IReadOnlyList<SessionAttendanceSummary>> SummarizeSessionsAsync(CallerContext caller, IReadOnlyCollection<string> sessionIds, CancellationToken cancellationToken = default)
    {
        var tallies = await TallyAsync(caller, AttendanceGrouping.Session, sessionIds, "sessionIds", cancellationToken).ConfigureAwait(false);
        return [.. tallies.Select(t => new SessionAttendanceSummary(t.Key, t.Attended, t.NotAttended, t.NotSet, t.TotalAttendees))];
    }

    /// <summary>How one booking attended across its sessions, with its attendance rate. A booking with nothing marked counts zeros and has no rate.</summary>
    /// <exception cref="SchedulingException">Invalid argument for an empty id; permission denied or unauthenticated.</exception>
    public async ValueTask<BookingAttendanceSummary> SummarizeBookingAsync(CallerContext caller, string bookingId, CancellationToken cancellationToken = default) =>
        (await SummarizeBookingsAsync(caller, [bookingId], cancellationToken).ConfigureAwait(false))[0];

    /// <summary>How each of these bookings attended, in the order asked, each id once. The store counts; no record is loaded.</summary>
    /// <exception cref="SchedulingException">
    /// Invalid argument for no id or an empty one; limit exceeded for more than <see cref="SchedulingOptions.MaxIdsPerList"/>
    /// ids; permission denied or unauthenticated.
    /// </exception>
    public async ValueTask<IReadOnlyList<BookingAttendanceSummary>> SummarizeBookingsAsync(CallerContext caller, IReadOnlyCollection<string> bookingIds, CancellationToken cancellationToken = default)
    {
        var tallies = await TallyAsync(caller, AttendanceGrouping.Booking, bookingIds, "bookingIds", cancellationToken).ConfigureAwait(false);
        return [.. tallies.Select(t => new BookingAttendanceSummary(t.Key, t.Attended, t.NotAttended, t.NotSet, t.TotalAttendees))];
    }

    private static AttendancePosition PositionOf(Attendance attendance) => new(attendance.NumberOfAttendees, attendance.Id);

    /// <summary>For each item, whether an earlier item names the same booking and session (and which), so the repeat fails instead of racing the first.</summary>
    private static int?[] Repeats(IReadOnlyList<AttendanceMark> marks)
    {
        var first = new Dictionary<(string?, string?), int>();
        var repeats = new int?[marks.Count];
        for (var i = 0; i < marks.Count; i++)
        {
            if (!first.TryAdd((marks[i].BookingId, marks[i].SessionId), i))
            {
                repeats[i] = first[(marks[i].BookingId, marks[i].SessionId)];
            }
        }

        return repeats;
    }

    private static SchedulingException Repeated(AttendanceMark mark, int firstIndex) =>
        SchedulingException.Invalid("sessionId", $"Booking '{mark.BookingId}' at session '{mark.SessionId}' is already set by item {firstIndex} of this bulk set.");

    private static SchedulingException ChangedMeanwhile(string what) =>
        SchedulingException.Conflict($"{what} changed while this call ran: read it again and retry.", "expectedRevision");

    private static BulkAttendanceItemResult Failed(int index, AttendanceMark mark, SchedulingException error) => new()
    {
        Index = index,
        Mark = mark,
        Outcome = BulkAttendanceOutcome.Failed,
        ErrorCode = error.Code,
        ErrorField = error.Field,
        Message = error.Message,
    };

    private static BulkAttendanceItemResult Succeeded(int index, AttendanceMark mark, Attendance attendance) => new()
    {
        Index = index,
        Mark = mark,
        Outcome = BulkAttendanceOutcome.Succeeded,
        Attendance = attendance,
    };

    /// <summary>Checks what a mark says on its own and returns its number of attendees, the default filled in.</summary>
    private static int CheckMark(AttendanceMark mark, PayloadLimits limits)
    {
        var meter = new PayloadMeter(limits, "attendance");
        meter.Id(mark.Id, "id");
        meter.Id(mark.BookingId, "bookingId");
        meter.Id(mark.SessionId, "sessionId");

        if (string.IsNullOrWhiteSpace(mark.BookingId))
        {
            throw SchedulingException.Invalid("bookingId", "A booking id is required.");
        }

        if (string.IsNullOrWhiteSpace(mark.SessionId))
        {
            throw SchedulingException.Invalid("sessionId", "A session id is required: the id of a single session or of an instance, as the sessions API gives it.");
        }

        if (mark.Id is not null && string.IsNullOrWhiteSpace(mark.Id))
        {
            throw SchedulingException.Invalid("id", "An id, when given, must not be empty.");
        }

        if (!Enum.IsDefined(mark.Status))
        {
            throw SchedulingException.Invalid("status", $"{mark.Status} is not an attendance status: use NOT_SET, ATTENDED or NOT_ATTENDED.");
        }

        if (mark.ExpectedRevision is < 0)
        {
            throw SchedulingException.Invalid("expectedRevision", "A revision is never negative; 0 means the attendance does not exist yet.");
        }

        if (mark.Status == AttendanceStatus.Attended)
        {
            var attendees = mark.NumberOfAttendees ?? 1;
            return attendees switch
            {
                0 => throw SchedulingException.Invalid("numberOfAttendees", "0 is not a number of attendees: to say nobody came, set the status to NOT_ATTENDED."),
                < 0 => throw SchedulingException.Invalid("numberOfAttendees", $"An attended session has at least 1 attendee; {attendees} was given."),
                _ => attendees,
            };
        }

        return mark.NumberOfAttendees switch
        {
            null or 0 => 0,
            var given => throw SchedulingException.Invalid(
                "numberOfAttendees",
                $"A {AttendanceFilter.StatusName(mark.Status)} attendance has no attendees; {given} was given. Leave the number out, or set the status to ATTENDED."),
        };
    }

    private static void RequireId(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            throw SchedulingException.Invalid("id", "An id is required.");
        }
    }

    private static string NewId() => Guid.NewGuid().ToString("N");

    private async ValueTask<Attendance> SetAsync(string tenantId, AttendanceMark mark, SessionLookup sessions, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var write = await PrepareAsync(tenantId, mark, sessions, cancellationToken).ConfigureAwait(false);
            var written = write.ExpectedRevision == 0
                ? await _store.InsertAsync(tenantId, write.Attendance, cancellationToken).ConfigureAwait(false)
                : await _store.ReplaceAsync(tenantId, write.Attendance, write.ExpectedRevision, cancellationToken).ConfigureAwait(false);
            if (written)
            {
                return write.Attendance;
            }

            // Another writer got in between the read and the write. Without an expected revision the caller asked for
            // "whatever is stored", so read again and retry; with one, the caller must see the change first.
            if (mark.ExpectedRevision is not null || attempt == MaxAttempts)
            {
                throw ChangedMeanwhile($"The attendance of booking '{mark.BookingId}' at session '{mark.SessionId}'");
            }

            await Task.Yield();
        }
    }

    /// <summary>
    /// Checks a mark against the rules, the session and what is stored, and makes the write that applies it: an insert
    /// (expected revision 0) or a replacement of the stored revision. Writes nothing.
    /// </summary>
    private async ValueTask<AttendanceWrite> PrepareAsync(string tenantId, AttendanceMark mark, SessionLookup sessions, CancellationToken cancellationToken)
    {
        var attendees = CheckMark(mark, _options.PayloadLimits);
        var session = await sessions.FindAsync(mark.SessionId, cancellationToken).ConfigureAwait(false)
            ?? throw SchedulingException.Invalid("sessionId", $"Session '{mark.SessionId}' does not exist: pass the id of a single session or of an instance, as the sessions API gives it.");
        if (session.Status == SessionStatus.Cancelled)
        {
            throw SchedulingException.Invalid("sessionId", $"Session '{mark.SessionId}' is cancelled: attendance cannot be set on it.");
        }

        if (session.Details.Capacity is int capacity && attendees > capacity)
        {
            throw SchedulingException.Invalid("numberOfAttendees", $"{attendees} attendees do not fit session '{mark.SessionId}', whose capacity is {capacity}.");
        }

        var stored = await _store.FindByBookingAndSessionAsync(tenantId, mark.BookingId, mark.SessionId, cancellationToken).ConfigureAwait(false);
        var storedRevision = stored?.Revision ?? 0;
        if (mark.ExpectedRevision is { } expected && expected != storedRevision)
        {
            throw SchedulingException.Conflict(
                stored is null
                    ? $"Booking '{mark.BookingId}' has no attendance at session '{mark.SessionId}', not revision {expected}: read it again and retry."
                    : $"The attendance of booking '{mark.BookingId}' at session '{mark.SessionId}' is at revision {storedRevision}, not {expected}: read it again and retry.",
                "expectedRevision");
        }

        var now = _clock.GetCurrentInstant();
        if (stored is null)
        {
            if (mark.Id is { } chosen && await _store.FindAsync(tenantId, chosen, cancellationToken).ConfigureAwait(false) is { } holder)
            {
                throw SchedulingException.Conflict($"Id '{chosen}' is taken by the attendance of booking '{holder.BookingId}' at session '{holder.SessionId}'.", "id");
            }

            return new AttendanceWrite(
                new Attendance
                {
                    Id = mark.Id ?? NewId(),
                    BookingId = mark.BookingId,
                    SessionId = mark.SessionId,
                    RecurringSessionId = session.RecurringSessionId,
                    Status = mark.Status,
                    NumberOfAttendees = attendees,
                    Revision = 1,
                    CreatedAt = now,
                    UpdatedAt = now,
                },
                ExpectedRevision: 0);
        }

        if (mark.Id is { } other && other != stored.Id)
        {
            throw SchedulingException.Invalid("id", $"Booking '{mark.BookingId}' already has attendance '{stored.Id}' at session '{mark.SessionId}'; leave the id out or pass that one.");
        }

        return new AttendanceWrite(
            stored with
            {
                RecurringSessionId = session.RecurringSessionId,
                Status = mark.Status,
                NumberOfAttendees = attendees,
                Revision = stored.Revision + 1,
                UpdatedAt = now,
            },
            stored.Revision);
    }

    private async ValueTask<BulkAttendanceResult> EachOnItsOwnAsync(string tenantId, IReadOnlyList<AttendanceMark> marks, int?[] repeats, SessionLookup sessions, CancellationToken cancellationToken)
    {
        var results = ImmutableArray.CreateBuilder<BulkAttendanceItemResult>(marks.Count);
        for (var i = 0; i < marks.Count; i++)
        {
            if (repeats[i] is int firstIndex)
            {
                results.Add(Failed(i, marks[i], Repeated(marks[i], firstIndex)));
                continue;
            }

            try
            {
                results.Add(Succeeded(i, marks[i], await SetAsync(tenantId, marks[i], sessions, cancellationToken).ConfigureAwait(false)));
            }
            catch (SchedulingException error)
            {
                results.Add(Failed(i, marks[i], error));
            }
        }

        return new BulkAttendanceResult(results.MoveToImmutable());
    }

    private async ValueTask<BulkAttendanceResult> AllOrNothingAsync(string tenantId, IReadOnlyList<AttendanceMark> marks, int?[] repeats, SessionLookup sessions, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var writes = new AttendanceWrite[marks.Count];
            var errors = new SchedulingException?[marks.Count];
            for (var i = 0; i < marks.Count; i++)
            {
                try
                {
                    writes[i] = repeats[i] is int firstIndex
                        ? throw Repeated(marks[i], firstIndex)
                        : await PrepareAsync(tenantId, marks[i], sessions, cancellationToken).ConfigureAwait(false);
                }
                catch (SchedulingException error)
                {
                    errors[i] = error;
                }
            }

            if (errors.Any(e => e is not null))
            {
                var failed = string.Join(", ", Enumerable.Range(0, marks.Count).Where(i => errors[i] is not null));
                return new BulkAttendanceResult([.. marks.Select((mark, i) => errors[i] is { } error
                    ? Failed(i, mark, error)
                    : new BulkAttendanceItemResult
                    {
                        Index = i,
                        Mark = mark,
                        Outcome = BulkAttendanceOutcome.NotApplied,
                        Message = $"Not written: the bulk set is all-or-nothing and item(s) {failed} failed.",
                    })]);
            }

            if (await _store.SaveManyAsync(tenantId, writes, cancellationToken).ConfigureAwait(false))
            {
                return new BulkAttendanceResult([.. marks.Select((mark, i) => Succeeded(i, mark, writes[i].Attendance))]);
            }

            // A concurrent write got in between. Checking again reports items whose expected revision went stale as
            // conflicts, and rebases the others on what is stored now.
            if (attempt == MaxAttempts)
            {
                var conflict = ChangedMeanwhile("The attendance of this bulk set");
                return new BulkAttendanceResult([.. marks.Select((mark, i) => Failed(i, mark, conflict))]);
            }

            await Task.Yield();
        }
    }

    private async ValueTask<CursorPage<Attendance>> PageAsync(
        string tenantId,
        AttendanceFilter filter,
        AttendanceSort sort,
        int limit,
        AttendancePosition? position,
        SeekDirection direction,
        CancellationToken cancellationToken)
    {
        // One item more than the page tells whether another page follows in the direction read.
        var items = new List<Attendance>(limit + 1);
        await foreach (var attendance in _store.FindInOrderAsync(tenantId, filter.PushDown(), sort, position, direction, cancellationToken).ConfigureAwait(false))
        {
            if (filter.Admits(attendance))
            {
                items.Add(attendance);
                if (items.Count > limit)
                {
                    break;
                }
            }
        }

        var more = items.Count > limit;
        if (more)
        {
            items.RemoveAt(limit);
        }

        if (direction == SeekDirection.Backward)
        {
            items.Reverse();
        }

        // The side the page was read towards is known exactly; the side it came from held at least the item its
        // cursor was made at. An empty page (everything past the position was deleted) points back to the whole end.
        var hasNext = direction == SeekDirection.Forward ? more : position is not null;
        var hasPrevious = direction == SeekDirection.Backward ? more : position is not null;
        var filterJson = filter.ToJson();
        ValueTask<string> SealAsync(SeekDirection towards, AttendancePosition? from) =>
            _cursors.SealAsync(tenantId, new AttendanceCursor(filterJson, sort, limit, towards, from).ToPayload(), cancellationToken);

        var next = hasNext ? await SealAsync(SeekDirection.Forward, items.Count > 0 ? PositionOf(items[^1]) : null).ConfigureAwait(false) : null;
        var previous = hasPrevious ? await SealAsync(SeekDirection.Backward, items.Count > 0 ? PositionOf(items[0]) : null).ConfigureAwait(false) : null;
        return new CursorPage<Attendance>([.. items], hasNext, next) { PreviousCursor = previous };
    }

    private async ValueTask<List<AttendanceTally>> TallyAsync(CallerContext caller, AttendanceGrouping grouping, IReadOnlyCollection<string> keys, string field, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(keys);
        caller.Demand(Permissions.AttendanceView);
        if (keys.Count == 0 || keys.Any(string.IsNullOrEmpty))
        {
            throw SchedulingException.Invalid(field, "One or more non-empty ids are required.");
        }

        if (keys.Count > _options.MaxIdsPerList)
        {
            throw SchedulingException.Limit(field, $"At most {_options.MaxIdsPerList} ids may be summarised at once; {keys.Count} were given.");
        }

        var distinct = keys.Distinct(StringComparer.Ordinal).ToList();
        var counted = new Dictionary<string, AttendanceTally>(StringComparer.Ordinal);
        await foreach (var tally in _store.TallyAsync(caller.TenantId, grouping, distinct, cancellationToken).ConfigureAwait(false))
        {
            counted[tally.Key] = tally;
        }

        return [.. distinct.Select(key => counted.TryGetValue(key, out var tally) ? tally : new AttendanceTally(key, 0, 0, 0, 0))];
    }

    /// <summary>Finds sessions for one call, each id once, so a bulk set of a whole class asks the sessions API once.</summary>
    private sealed class SessionLookup(SessionService sessions, string tenantId)
    {
        private readonly Dictionary<string, Session?> _found = new(StringComparer.Ordinal);

        public async ValueTask<Session?> FindAsync(string id, CancellationToken cancellationToken)
        {
            if (!_found.TryGetValue(id, out var session))
            {
                session = await sessions.FindSessionAsync(tenantId, id, cancellationToken).ConfigureAwait(false);
                _found[id] = session;
            }

            return session;
        }
    }
}
