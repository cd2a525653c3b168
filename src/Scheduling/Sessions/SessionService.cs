using NodaTime;
using Scheduling.Paging;
using Scheduling.Recurrence;
using Scheduling.Security;
using Scheduling.Stores;
using Scheduling.Stores.InMemory;

namespace Scheduling.Sessions;

/// <summary>
/// The sessions API, in process: create, get, list, update, cancel and delete sessions and recurring sessions,
/// edit single instances or an instance and all that follow, book participants, and query instances between two
/// instants, one cursor page at a time.
/// </summary>
/// <remarks>
/// <para>Every call takes the caller: its tenant confines every read and write (an id of another tenant reads as not
/// found), and its permissions decide what it may do and see. Errors are <see cref="SchedulingException"/>s.</para>
/// <para>Policy lives here; the stores only persist and select candidates. Thread-safe.</para>
/// </remarks>
public sealed class SessionService
{
    private readonly IRecurringSessionStore _recurringSessions;
    private readonly IClock _clock;
    private readonly SchedulingOptions _options;
    private readonly SessionTargets _targets;
    private readonly SessionCreation _creation;
    private readonly SeriesEdits _seriesEdits;
    private readonly ThisAndFollowing _split;
    private readonly SessionDeletion _deletion;
    private readonly SessionBookings _bookings;
    private readonly SessionQueries _queries;
    private readonly InstanceOverridePager _overrides;

    /// <summary>
    /// Creates the API over two stores. Without keys in <paramref name="options"/>, cursors are signed with a key kept
    /// in memory by this service: they work as long as it lives. A host with durable stores passes their cursor key
    /// store to the other constructor (<c>AddScheduling</c> does).
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public SessionService(ISessionStore sessions, IRecurringSessionStore recurringSessions, IClock clock, SchedulingOptions? options = null)
        : this(sessions, recurringSessions, new InMemoryCursorKeyStore(), clock, options)
    {
    }

    /// <summary>
    /// Creates the API over two stores and the store of the cursor key, which signs cursors when
    /// <paramref name="options"/> configure no keys (created there on first use).
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public SessionService(ISessionStore sessions, IRecurringSessionStore recurringSessions, ICursorKeyStore cursorKeys, IClock clock, SchedulingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        _recurringSessions = recurringSessions ?? throw new ArgumentNullException(nameof(recurringSessions));
        CursorKeyStore = cursorKeys ?? throw new ArgumentNullException(nameof(cursorKeys));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _options = options ?? new SchedulingOptions();
        _options.Validate();
        _targets = new SessionTargets(sessions, recurringSessions);
        _creation = new SessionCreation(sessions, recurringSessions, _clock, _options);
        _seriesEdits = new SeriesEdits(recurringSessions, _clock, _options);
        _split = new ThisAndFollowing(_targets, _seriesEdits, recurringSessions, _clock, _options);
        _deletion = new SessionDeletion(sessions, recurringSessions, _targets);
        _bookings = new SessionBookings(_targets, _clock, _options);
        _queries = new SessionQueries(sessions, recurringSessions, cursorKeys, _options);
        _overrides = new InstanceOverridePager(recurringSessions, new CursorCodec(CursorKind.InstanceOverrides, new CursorKeyRing(_options, cursorKeys)), _options);
    }

    /// <summary>Gets the store of the cursor key, which the services built on this one sign their own cursors with too.</summary>
    internal ICursorKeyStore CursorKeyStore { get; }

    /// <summary>Creates a single session.</summary>
    /// <exception cref="SchedulingException">Permission denied, invalid argument, or conflict when the id is taken.</exception>
    public async ValueTask<Session> CreateSessionAsync(CallerContext caller, NewSession request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        caller.Demand(Permissions.SessionsManage);
        var session = await _creation.CreateAsync(caller.TenantId, request, cancellationToken).ConfigureAwait(false);
        return SessionVisibility.ShapeFor(caller, session);
    }

    /// <summary>Creates a recurring session.</summary>
    /// <exception cref="SchedulingException">Permission denied, invalid argument (naming the field), or conflict when the id is taken.</exception>
    public async ValueTask<RecurringSession> CreateRecurringSessionAsync(CallerContext caller, NewRecurringSession request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        caller.Demand(Permissions.SessionsManage);
        return await _creation.CreateAsync(caller.TenantId, request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gets a single session or an instance by id.</summary>
    /// <exception cref="SchedulingException">Not found (also for another tenant's id), permission denied, or unauthenticated.</exception>
    public async ValueTask<Session> GetSessionAsync(CallerContext caller, string id, SessionFieldset fieldset = SessionFieldset.Default, CancellationToken cancellationToken = default)
    {
        SessionVisibility.DemandRead(caller, fieldset);
        SessionValidation.RequireId(id);
        var target = await _targets.FindAsync(caller.TenantId, id, cancellationToken).ConfigureAwait(false)
            ?? throw SchedulingException.NotFound("Session", id);
        return SessionVisibility.Shape(target.Session, fieldset);
    }

    /// <summary>Gets a recurring session by id.</summary>
    /// <exception cref="SchedulingException">Not found, permission denied, or unauthenticated.</exception>
    public async ValueTask<RecurringSession> GetRecurringSessionAsync(CallerContext caller, string id, CancellationToken cancellationToken = default)
    {
        SessionVisibility.DemandRead(caller, SessionFieldset.Default);
        SessionValidation.RequireId(id);
        var record = await _recurringSessions.FindAsync(caller.TenantId, id, cancellationToken).ConfigureAwait(false)
            ?? throw SchedulingException.NotFound("Recurring session", id);
        return record.Series;
    }

    /// <summary>
    /// The first page of a series' instance overrides (what each instance changed on its own, its bookings included),
    /// in order of <see cref="InstanceOverride.IdentityStart"/>. Every override stored for the series is listed, those
    /// of instances its rule no longer produces included. Participants are shaped as in every session read: without
    /// personal information unless the query asks for <see cref="SessionFieldset.AllPersonalInformation"/>.
    /// </summary>
    /// <exception cref="SchedulingException">
    /// Not found (also for another tenant's id); limit exceeded for a page larger than <see cref="SchedulingOptions.MaxPageSize"/>;
    /// invalid argument for an empty id; permission denied or unauthenticated.
    /// </exception>
    public ValueTask<CursorPage<InstanceOverride>> ListInstanceOverridesAsync(CallerContext caller, InstanceOverrideQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        SessionVisibility.DemandRead(caller, query.Fieldset);
        return _overrides.FirstAsync(caller.TenantId, query, cancellationToken);
    }

    /// <summary>The next page of a listing of instance overrides. The cursor carries the listing; tenant and permissions come from the caller.</summary>
    /// <exception cref="SchedulingException">Invalid argument for a malformed or altered cursor, or one issued to another tenant; not found when the series was deleted; permission denied.</exception>
    public async ValueTask<CursorPage<InstanceOverride>> ListInstanceOverridesAsync(CallerContext caller, string cursor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        RequireCursor(cursor);
        var state = await _overrides.OpenAsync(caller.TenantId, cursor, cancellationToken).ConfigureAwait(false);
        SessionVisibility.DemandRead(caller, state.Fieldset);
        return await _overrides.NextAsync(caller.TenantId, state, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gets sessions and instances by id, in the order asked; ids that do not exist are left out.</summary>
    /// <exception cref="SchedulingException">Limit exceeded for more than <see cref="SchedulingOptions.MaxIdsPerList"/> ids, permission denied, or unauthenticated.</exception>
    public async ValueTask<IReadOnlyList<Session>> ListSessionsAsync(CallerContext caller, IReadOnlyCollection<string> ids, SessionFieldset fieldset = SessionFieldset.Default, CancellationToken cancellationToken = default)
    {
        SessionVisibility.DemandRead(caller, fieldset);
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count > _options.MaxIdsPerList)
        {
            throw SchedulingException.Limit("ids", $"At most {_options.MaxIdsPerList} ids may be listed at once; {ids.Count} were given.");
        }

        if (ids.Any(id => id is null))
        {
            throw SchedulingException.Invalid("ids", "An id of the list is null.");
        }

        var found = new List<Session>(ids.Count);
        foreach (var id in ids.Distinct())
        {
            if (await _targets.FindAsync(caller.TenantId, id, cancellationToken).ConfigureAwait(false) is { } target)
            {
                found.Add(SessionVisibility.Shape(target.Session, fieldset));
            }
        }

        return found;
    }

    /// <summary>
    /// Changes a single session, or one instance of a recurring session (which then overrides its series for the
    /// fields given). <paramref name="expectedRevision"/> is the revision the caller read; a stale one is a conflict.
    /// </summary>
    /// <exception cref="SchedulingException">Not found, conflict on a stale revision, invalid argument, or permission denied.</exception>
    public async ValueTask<Session> UpdateSessionAsync(CallerContext caller, string id, SessionChanges changes, long expectedRevision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(changes);
        caller.Demand(Permissions.SessionsManage);
        SessionValidation.RequireId(id);
        SessionValidation.RequireMember(changes.Details, "details");
        var now = _clock.GetCurrentInstant();
        var limits = _options.PayloadLimits;
        var updated = await _targets.EditAsync(
            caller.TenantId,
            id,
            stored => SingleSessionEdits.Updated(stored, changes, id, expectedRevision, now, limits),
            instance => InstanceEdits.Updated(instance, changes, id, expectedRevision, now, limits),
            cancellationToken).ConfigureAwait(false);
        return SessionVisibility.ShapeFor(caller, updated);
    }

    /// <summary>
    /// Changes the whole series. Fields an instance set for itself are kept: an instance's own start does not move,
    /// and an instance's own end keeps its duration. Instance ids do not change when the series moves. Exception and
    /// extra dates not given move with the start, so they keep naming the same instances.
    /// </summary>
    /// <exception cref="SchedulingException">Not found, conflict on a stale revision, invalid argument, or permission denied.</exception>
    public async ValueTask<RecurringSession> UpdateRecurringSessionAsync(CallerContext caller, string id, RecurringSessionChanges changes, long expectedRevision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(changes);
        caller.Demand(Permissions.SessionsManage);
        SessionValidation.RequireId(id);
        SessionValidation.RequireMember(changes.Details, "details");
        return await _seriesEdits.UpdateAsync(caller.TenantId, id, changes, expectedRevision, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Changes an instance and every instance after it ("this and following"): the series is split, the old one now
    /// ends before the instance (with UNTIL, or a smaller COUNT) and a new series starts at it, with the changes
    /// applied. Past instances stay as they were. Instances from the split on belong to the new series, so their ids
    /// change; their own edits move with them. Exception and extra dates before the instance stay on the ended series;
    /// those from it on move to the new one (as far as the instance moves, unless the changes give the new series its
    /// own). An instance that is an extra date, not an occurrence of the rule, cannot start a new series: edit it alone.
    /// </summary>
    /// <param name="caller">The caller.</param>
    /// <param name="instanceId">The first instance to change.</param>
    /// <param name="changes">The changes; <see cref="RecurringSessionChanges.Start"/> is the new start of that instance.</param>
    /// <param name="expectedRevision">The revision of the series the caller read.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new series that starts at the instance.</returns>
    /// <exception cref="SchedulingException">Not found, conflict on a stale revision, invalid argument, or permission denied.</exception>
    public async ValueTask<RecurringSession> UpdateFollowingAsync(CallerContext caller, string instanceId, RecurringSessionChanges changes, long expectedRevision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(changes);
        caller.Demand(Permissions.SessionsManage);
        SessionValidation.RequireId(instanceId, "instanceId");
        SessionValidation.RequireMember(changes.Details, "details");
        return await _split.SplitAsync(caller.TenantId, instanceId, changes, expectedRevision, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Cancels a single session, or one instance of a recurring session (it stays as a cancelled tombstone that
    /// queries show when asked for cancelled sessions).
    /// </summary>
    /// <exception cref="SchedulingException">Not found, conflict on a stale revision, or permission denied.</exception>
    public async ValueTask<Session> CancelSessionAsync(CallerContext caller, string id, long expectedRevision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Demand(Permissions.SessionsManage);
        SessionValidation.RequireId(id);
        var now = _clock.GetCurrentInstant();
        var cancelled = await _targets.EditAsync(
            caller.TenantId,
            id,
            stored => SingleSessionEdits.Cancelled(stored, id, expectedRevision, now),
            instance => InstanceEdits.Cancelled(instance, id, expectedRevision, now),
            cancellationToken).ConfigureAwait(false);
        return SessionVisibility.ShapeFor(caller, cancelled);
    }

    /// <summary>Cancels a recurring session from now on: instances that start from now are cancelled, earlier ones stay.</summary>
    /// <exception cref="SchedulingException">Not found, conflict on a stale revision, or permission denied.</exception>
    public async ValueTask<RecurringSession> CancelRecurringSessionAsync(CallerContext caller, string id, long expectedRevision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Demand(Permissions.SessionsManage);
        SessionValidation.RequireId(id);
        return await _seriesEdits.CancelAsync(caller.TenantId, id, expectedRevision, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a single session for good. Instances cannot be deleted: cancel them.</summary>
    /// <remarks>
    /// A session stored in a form this version cannot read (<see cref="SchedulingErrorCode.UnreadableRecord"/>) is
    /// deleted without reading it: the store checks <paramref name="expectedRevision"/> against the revision it keeps
    /// beside the body (the unreadable-record error says which, when the body still tells).
    /// </remarks>
    /// <exception cref="SchedulingException">Not found, conflict on a stale revision, invalid argument for an instance id, or permission denied.</exception>
    public async ValueTask DeleteSessionAsync(CallerContext caller, string id, long expectedRevision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Demand(Permissions.SessionsManage);
        SessionValidation.RequireId(id);
        await _deletion.DeleteSessionAsync(caller.TenantId, id, expectedRevision, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a recurring session, its instances and their edits for good.</summary>
    /// <remarks>
    /// A series stored in a form this version cannot read, or with an override that cannot be read
    /// (<see cref="SchedulingErrorCode.UnreadableRecord"/>), is deleted without reading it: the store checks
    /// <paramref name="expectedRevision"/> against the series revision it keeps beside the body.
    /// </remarks>
    /// <exception cref="SchedulingException">Not found, conflict on a stale revision, or permission denied.</exception>
    public async ValueTask DeleteRecurringSessionAsync(CallerContext caller, string id, long expectedRevision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Demand(Permissions.SessionsManage);
        SessionValidation.RequireId(id);
        await _deletion.DeleteSeriesAsync(caller.TenantId, id, expectedRevision, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Books a participant into a single session or an instance. The rules (<see cref="Booking"/>) are decided inside
    /// the store's atomic change, so two concurrent bookings of the last seat cannot both succeed. Booking someone
    /// already booked changes nothing.
    /// </summary>
    /// <exception cref="SchedulingException">
    /// Not found; conflict naming <c>capacity</c> when the session is full, or <c>status</c> when it is cancelled;
    /// invalid argument for a participant without an id; limit exceeded when the session holds the most participants
    /// a session may; permission denied.
    /// </exception>
    public async ValueTask<Session> AddParticipantAsync(CallerContext caller, string sessionId, Participant participant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(participant);
        caller.Demand(Permissions.SessionsManage);
        SessionValidation.RequireId(sessionId, "sessionId");
        if (string.IsNullOrWhiteSpace(participant.Id))
        {
            throw SchedulingException.Invalid("participant.id", "A participant needs an id.");
        }

        var booked = await _bookings.AddAsync(caller.TenantId, sessionId, participant, cancellationToken).ConfigureAwait(false);
        return SessionVisibility.ShapeFor(caller, booked);
    }

    /// <summary>
    /// Cancels a booking: removes a participant from a single session or an instance, freeing the seat in the same
    /// atomic change that checks it (<see cref="Booking.Release(Session?, string, Instant)"/>), so a booking racing the
    /// removal sees the seat either taken or free, never both. An instance keeps every other edit of its own.
    /// </summary>
    /// <param name="caller">The caller; needs <see cref="Permissions.SessionsManage"/>.</param>
    /// <param name="sessionId">The single session or instance.</param>
    /// <param name="participantId">Whose booking is cancelled.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// The session as it is now. Removing someone who is not booked changes nothing (no new revision) and returns the
    /// session as it is, so a retried cancellation succeeds.
    /// </returns>
    /// <exception cref="SchedulingException">
    /// Not found; conflict naming <c>status</c> when the session is cancelled or marked completed (its bookings are
    /// then the record of who was affected or took part), or <c>participantId</c> when it names the client of a
    /// single session (change its <c>ClientId</c> instead); invalid argument for an empty id; permission denied.
    /// </exception>
    public async ValueTask<Session> RemoveParticipantAsync(CallerContext caller, string sessionId, string participantId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Demand(Permissions.SessionsManage);
        SessionValidation.RequireId(sessionId, "sessionId");
        if (string.IsNullOrWhiteSpace(participantId))
        {
            throw SchedulingException.Invalid("participantId", "Name the participant whose booking is cancelled.");
        }

        var released = await _bookings.RemoveAsync(caller.TenantId, sessionId, participantId, cancellationToken).ConfigureAwait(false);
        return SessionVisibility.ShapeFor(caller, released);
    }

    /// <summary>
    /// Moves a single session or an instance along its lifecycle (<see cref="SessionLifecycle"/>): marks it
    /// in progress or completed, or cancels it. The change is checked against the status at this moment, explicit
    /// marks and the clock both counted; asking for the status it already has changes nothing, except that marking a
    /// status the clock gave it (in progress, completed) pins it.
    /// </summary>
    /// <param name="caller">The caller; needs <see cref="Permissions.SessionsManage"/>.</param>
    /// <param name="id">The session or instance.</param>
    /// <param name="status">The status to move to.</param>
    /// <param name="expectedRevision">The revision the caller read.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The session as it is now.</returns>
    /// <exception cref="SchedulingException">
    /// Conflict naming <c>status</c> for a change the lifecycle refuses (completed to anything, scheduled straight to
    /// completed, back to scheduled, out of cancelled); conflict on a stale revision; invalid argument for an
    /// undefined status; not found; permission denied or unauthenticated.
    /// </exception>
    public async ValueTask<Session> ChangeLifecycleStatusAsync(CallerContext caller, string id, LifecycleStatus status, long expectedRevision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Demand(Permissions.SessionsManage);
        SessionValidation.RequireId(id);
        if (!Enum.IsDefined(status))
        {
            throw SchedulingException.Invalid("status", $"{status} is not a lifecycle status: use scheduled, in-progress, completed or cancelled.");
        }

        var now = _clock.GetCurrentInstant();
        var changed = await _targets.EditAsync(
            caller.TenantId,
            id,
            stored => SingleSessionEdits.Marked(stored, status, id, expectedRevision, now),
            instance => InstanceEdits.Marked(instance, status, id, expectedRevision, now),
            cancellationToken).ConfigureAwait(false);
        return SessionVisibility.ShapeFor(caller, changed);
    }

    /// <summary>
    /// Appends a dated note to a single session or an instance (<see cref="SessionDetails.NoteLog"/>). Notes are never
    /// edited, so an append needs no expected revision: one that races another write is retried on the new state.
    /// </summary>
    /// <param name="caller">The caller; needs <see cref="Permissions.SessionsManage"/>.</param>
    /// <param name="sessionId">The session or instance.</param>
    /// <param name="text">What the note says.</param>
    /// <param name="authorId">
    /// Who wrote it: leave null for a signed-in caller, who always writes as itself (<see cref="CallerContext.CallerId"/>);
    /// the host, which has no id of its own, names the author.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The session with the note at the end of its log.</returns>
    /// <exception cref="SchedulingException">
    /// Invalid argument naming <c>text</c> (empty) or <c>authorId</c> (missing for the host, or another than a signed-in
    /// caller's own); not found; permission denied or unauthenticated.
    /// </exception>
    public async ValueTask<Session> AddNoteAsync(CallerContext caller, string sessionId, string text, string? authorId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Demand(Permissions.SessionsManage);
        SessionValidation.RequireId(sessionId, "sessionId");
        if (string.IsNullOrWhiteSpace(text))
        {
            throw SchedulingException.Invalid("text", "A note must say something.");
        }

        var author = caller.CallerId switch
        {
            { } own when authorId is null || authorId == own => own,
            { } own => throw SchedulingException.Invalid("authorId", $"A signed-in caller writes notes as itself ('{own}'), not as '{authorId}'."),
            null when !string.IsNullOrWhiteSpace(authorId) => authorId,
            _ => throw SchedulingException.Invalid("authorId", "Name the note's author: the caller has no id of its own."),
        };

        // The append runs inside the store's atomic change, so one that races another write lands on the new state.
        var note = new SessionNote(RecordIds.New(), author, text, _clock.GetCurrentInstant());
        var limits = _options.PayloadLimits;
        var noted = await _targets.EditAsync(
            caller.TenantId,
            sessionId,
            stored => SingleSessionEdits.Noted(stored, note, limits),
            instance => InstanceEdits.Noted(instance, note, limits),
            cancellationToken).ConfigureAwait(false);
        return SessionVisibility.ShapeFor(caller, noted);
    }

    /// <summary>The first page of sessions and instances that overlap the query's window, sorted by start then id.</summary>
    /// <remarks>
    /// A page holds at most the page size, and fewer (even none) while <see cref="CursorPage{T}.HasNext"/> is still
    /// true when it examined <see cref="SchedulingOptions.MaxExaminedPerPage"/> sessions and instances before it found
    /// a page of matches: every page call does bounded work, however rarely the filter matches, and its cursor
    /// continues right after the last item examined. Page on until <see cref="CursorPage{T}.NextCursor"/> is null to
    /// get every match, in order, exactly once. A cancelled token stops the page with an
    /// <see cref="OperationCanceledException"/>.
    /// </remarks>
    /// <exception cref="SchedulingException">
    /// Limit exceeded for a window longer than <see cref="SchedulingOptions.MaxQueryWindow"/> or a page larger than
    /// <see cref="SchedulingOptions.MaxPageSize"/>; invalid argument for a window that ends before it starts or
    /// reaches outside <see cref="SupportedRange"/> (<c>from</c>, <c>to</c>); permission denied or unauthenticated;
    /// <see cref="SchedulingErrorCode.UnreadableRecord"/> naming a session or series the window reaches that is stored
    /// in a form this version cannot read (the query fails rather than answer without it; delete it or repair it).
    /// </exception>
    public ValueTask<CursorPage<Session>> QuerySessionsAsync(CallerContext caller, SessionQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        SessionVisibility.DemandRead(caller, query.Fieldset);
        return _queries.FirstAsync(caller, query, cancellationToken);
    }

    /// <summary>The next page of a query. The cursor carries the query; tenant and permissions come from the caller.</summary>
    /// <remarks>Bounded as the first page is: a page may be short, or empty, and still have a next one.</remarks>
    /// <exception cref="SchedulingException">Invalid argument for a malformed or altered cursor, or one issued to another tenant; permission denied.</exception>
    public ValueTask<CursorPage<Session>> QuerySessionsAsync(CallerContext caller, string cursor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        RequireCursor(cursor);
        return _queries.NextAsync(caller, cursor, cancellationToken);
    }

    /// <summary>
    /// A single session or an instance by id, unshaped and without a permission check, for the library's other
    /// services (attendance checks that a session exists and takes place); null when there is none in the tenant.
    /// </summary>
    internal async ValueTask<Session?> FindSessionAsync(string tenantId, string id, CancellationToken cancellationToken) =>
        (await _targets.FindAsync(tenantId, id, cancellationToken).ConfigureAwait(false))?.Session;

    private static void RequireCursor(string cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            throw SchedulingException.Invalid("cursor", "The cursor is empty: pass back exactly the cursor a page returned.");
        }
    }
}
