using System.Collections.Immutable;
using NodaTime;
using Scheduling.Paging;
using Scheduling.Recurrence;
using Scheduling.Security;
using Scheduling.Sessions;

namespace Scheduling.Workspaces;

/// <summary>
/// The workspace view of the sessions API, in process (the HTTP API's <c>GET /v1/workspace/:workspaceId/sessions</c>):
/// list a workspace's sessions by client, services, staff, date range and lifecycle status, read one, book one, and
/// move it along its lifecycle, each as a <see cref="WorkspaceSession"/> with names from the host's directory.
/// </summary>
/// <remarks>
/// <para>A view, not a second model: every call goes through <see cref="SessionService"/> and the same stores, with
/// the workspace as the tenant. Only events are listed (working-hours blocks are availability, not sessions a client
/// comes to). See <c>docs/workspace-mapping.md</c> for how each field maps.</para>
/// <para>Access, in this order: an anonymous caller without the permission is unauthenticated (401); a workspace the
/// directory does not know, or one the caller does not belong to (<see cref="CallerContext.TenantId"/> differs), is
/// not found (404), so a caller cannot probe other workspaces; a member without the permission is denied (403).
/// Reads need <see cref="Permissions.SessionsView"/>, writes <see cref="Permissions.SessionsManage"/>.</para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed class WorkspaceSessionService
{
    private readonly IWorkspaceDirectory _directory;
    private readonly SessionService _sessions;
    private readonly IClock _clock;
    private readonly SchedulingOptions _options;
    private readonly CursorCodec _cursors;

    /// <summary>Creates the workspace view over the host's directory and the sessions API.</summary>
    /// <param name="directory">The host's workspaces and names.</param>
    /// <param name="sessions">The sessions API every read and write goes through.</param>
    /// <param name="clock">The clock lifecycle statuses and default date ranges are read from.</param>
    /// <param name="options">Limits, the cursor key and the name snapshot switch; the defaults when null. Pass the sessions API's own.</param>
    /// <exception cref="ArgumentNullException">The directory, the sessions API or the clock is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public WorkspaceSessionService(IWorkspaceDirectory directory, SessionService sessions, IClock clock, SchedulingOptions? options = null)
    {
        _directory = directory ?? throw new ArgumentNullException(nameof(directory));
        _sessions = sessions ?? throw new ArgumentNullException(nameof(sessions));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _options = options ?? new SchedulingOptions();
        _options.Validate();
        _cursors = new CursorCodec(CursorKind.Workspace, new CursorKeyRing(_options, sessions.CursorKeyStore));
    }

    /// <summary>
    /// The first page of a workspace's sessions (single sessions and instances of recurring ones) that match
    /// <paramref name="query"/>, sorted by start then id, with lifecycle statuses read now.
    /// </summary>
    /// <exception cref="SchedulingException">
    /// Unauthenticated, not found (field <c>workspaceId</c>) or permission denied, as the remarks order them; invalid
    /// argument on <c>dateTo</c> for a range that ends before it starts; limit exceeded on <c>dateTo</c> for a range
    /// longer than <see cref="SchedulingOptions.MaxQueryWindow"/>, or on <c>pageSize</c>.
    /// </exception>
    public async ValueTask<CursorPage<WorkspaceSession>> ListSessionsAsync(CallerContext caller, string workspaceId, WorkspaceSessionQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var workspace = await EnterAsync(caller, workspaceId, Permissions.SessionsView, cancellationToken).ConfigureAwait(false);
        var asOf = _clock.GetCurrentInstant();
        var (from, to) = Range(query, workspace.Zone, asOf);
        if (query.Status == LifecycleStatus.Scheduled && asOf > from && asOf < to)
        {
            // A scheduled session starts after now, so nothing that ends by now can be one: the range starts at now.
            // Exact, not a shortcut: an unmarked session that began before now is in progress or completed.
            from = asOf;
        }

        var page = await _sessions.QuerySessionsAsync(
            caller,
            new SessionQuery { From = from, To = to, Filter = Filter(query, asOf), PageSize = query.PageSize },
            cancellationToken).ConfigureAwait(false);
        return await ViewAsync(workspace, page, asOf, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The next page of a list. The cursor carries the query and the instant the first page read statuses at, so
    /// every page agrees with the first; workspace and permissions come from the caller.
    /// </summary>
    /// <exception cref="SchedulingException">
    /// Invalid argument on <c>cursor</c> for a malformed or altered cursor, one of another list, or one issued in
    /// another workspace; unauthenticated, not found or permission denied.
    /// </exception>
    public async ValueTask<CursorPage<WorkspaceSession>> ListSessionsAsync(CallerContext caller, string workspaceId, string cursor, CancellationToken cancellationToken = default)
    {
        var workspace = await EnterAsync(caller, workspaceId, Permissions.SessionsView, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(cursor))
        {
            throw SchedulingException.Invalid("cursor", "The cursor is empty: pass back exactly the cursor a page returned.");
        }

        var state = WorkspaceCursor.FromPayload(await _cursors.OpenAsync(workspace.Id, cursor, cancellationToken).ConfigureAwait(false));
        var page = await _sessions.QuerySessionsAsync(caller, state.SessionsCursor, cancellationToken).ConfigureAwait(false);
        return await ViewAsync(workspace, page, state.AsOf, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A session or an instance of the workspace, with its status now.</summary>
    /// <exception cref="SchedulingException">Not found (the session, or the workspace as the remarks say); unauthenticated or permission denied.</exception>
    public async ValueTask<WorkspaceSession> GetSessionAsync(CallerContext caller, string workspaceId, string id, CancellationToken cancellationToken = default)
    {
        var workspace = await EnterAsync(caller, workspaceId, Permissions.SessionsView, cancellationToken).ConfigureAwait(false);
        var session = await ListedSessionAsync(caller, id, cancellationToken).ConfigureAwait(false);
        return await ViewAsync(workspace, session, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Books a single session in the workspace: its field values are checked against the workspace's definitions,
    /// the client is booked as a participant, and with <see cref="SchedulingOptions.SnapshotNamesAtBooking"/> the
    /// directory's names are kept as a fallback (unless the request brings its own).
    /// </summary>
    /// <exception cref="SchedulingException">
    /// Invalid argument naming the field (<c>type</c> for working hours, <c>fieldValues.{id}</c> for a value the
    /// workspace does not define, of the wrong kind, or a required one missing, and everything the sessions API
    /// checks); conflict when the id is taken; unauthenticated, not found or permission denied.
    /// </exception>
    public async ValueTask<WorkspaceSession> CreateSessionAsync(CallerContext caller, string workspaceId, NewSession request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var workspace = await EnterAsync(caller, workspaceId, Permissions.SessionsManage, cancellationToken).ConfigureAwait(false);
        RequireEvent(request.Type);
        SessionValidation.RequireMember(request.Details, "details");
        workspace.CheckFieldValues(request.Details.FieldValues);
        var names = request.Details.Names ?? await SnapshotAsync(workspace.Id, request.Details.ClientId, request.ScheduleOwnerId, request.Details.ServiceIds, cancellationToken).ConfigureAwait(false);
        var session = await _sessions.CreateSessionAsync(caller, request with { Details = request.Details with { Names = names } }, cancellationToken).ConfigureAwait(false);
        return await ViewAsync(workspace, session, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Books a recurring session in the workspace (a weekly appointment), checked and snapshotted like
    /// <see cref="CreateSessionAsync"/>; its instances list as sessions.
    /// </summary>
    /// <exception cref="SchedulingException">As <see cref="CreateSessionAsync"/>, and what the sessions API checks of a series.</exception>
    public async ValueTask<RecurringSession> CreateRecurringSessionAsync(CallerContext caller, string workspaceId, NewRecurringSession request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var workspace = await EnterAsync(caller, workspaceId, Permissions.SessionsManage, cancellationToken).ConfigureAwait(false);
        RequireEvent(request.Type);
        SessionValidation.RequireMember(request.Details, "details");
        workspace.CheckFieldValues(request.Details.FieldValues);
        var names = request.Details.Names ?? await SnapshotAsync(workspace.Id, request.Details.ClientId, request.ScheduleOwnerId, request.Details.ServiceIds, cancellationToken).ConfigureAwait(false);
        return await _sessions.CreateRecurringSessionAsync(caller, request with { Details = request.Details with { Names = names } }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Changes a session or one instance, as <see cref="SessionService.UpdateSessionAsync"/> does; new field values
    /// are checked against the workspace's definitions first. With <see cref="SchedulingOptions.SnapshotNamesAtBooking"/>,
    /// a change of client or services takes the directory's names of the new ones (unless the changes bring names).
    /// </summary>
    /// <exception cref="SchedulingException">
    /// Invalid argument (<c>fieldValues.{id}</c>, and what the sessions API checks); conflict on a stale revision;
    /// not found (also for working hours, which the workspace does not list); unauthenticated or permission denied.
    /// </exception>
    public async ValueTask<WorkspaceSession> UpdateSessionAsync(CallerContext caller, string workspaceId, string id, SessionChanges changes, long expectedRevision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        SessionValidation.RequireMember(changes.Details, "details");
        var workspace = await EnterAsync(caller, workspaceId, Permissions.SessionsManage, cancellationToken).ConfigureAwait(false);
        var current = await ListedSessionAsync(caller, id, cancellationToken).ConfigureAwait(false);
        if (changes.Details.FieldValues.HasValue)
        {
            workspace.CheckFieldValues(OrEmpty(changes.Details.FieldValues.Value));
        }

        if (!changes.Details.Names.HasValue && (changes.Details.ClientId.HasValue || changes.Details.ServiceIds.HasValue))
        {
            var clientId = changes.Details.ClientId.Or(current.Details.ClientId);
            var serviceIds = changes.Details.ServiceIds.HasValue ? OrEmpty(changes.Details.ServiceIds.Value) : current.Details.ServiceIds;
            if (await SnapshotAsync(workspace.Id, clientId, current.ScheduleOwnerId, serviceIds, cancellationToken).ConfigureAwait(false) is { } fresh)
            {
                changes = changes with { Details = changes.Details with { Names = Merge(fresh, current.Details.Names) } };
            }
        }

        var session = await _sessions.UpdateSessionAsync(caller, id, changes, expectedRevision, cancellationToken).ConfigureAwait(false);
        return await ViewAsync(workspace, session, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Changes a recurring session of the workspace, as <see cref="SessionService.UpdateRecurringSessionAsync"/>
    /// does; new field values are checked against the workspace's definitions first.
    /// </summary>
    /// <exception cref="SchedulingException">
    /// Invalid argument (<c>fieldValues.{id}</c>, and what the sessions API checks); conflict on a stale revision;
    /// not found; unauthenticated or permission denied.
    /// </exception>
    public async ValueTask<RecurringSession> UpdateRecurringSessionAsync(CallerContext caller, string workspaceId, string id, RecurringSessionChanges changes, long expectedRevision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        SessionValidation.RequireMember(changes.Details, "details");
        var workspace = await EnterAsync(caller, workspaceId, Permissions.SessionsManage, cancellationToken).ConfigureAwait(false);
        if (changes.Details.FieldValues.HasValue)
        {
            workspace.CheckFieldValues(OrEmpty(changes.Details.FieldValues.Value));
        }

        return await _sessions.UpdateRecurringSessionAsync(caller, id, changes, expectedRevision, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Moves a session or an instance along its lifecycle (<see cref="SessionLifecycle"/>): in progress, completed or
    /// cancelled. Statuses the clock gives need no call; a call pins the status explicitly.
    /// </summary>
    /// <exception cref="SchedulingException">
    /// Conflict naming <c>status</c> for a change the lifecycle refuses; conflict on a stale revision; not found (also
    /// for working hours); unauthenticated or permission denied.
    /// </exception>
    public async ValueTask<WorkspaceSession> ChangeStatusAsync(CallerContext caller, string workspaceId, string id, LifecycleStatus status, long expectedRevision, CancellationToken cancellationToken = default)
    {
        var workspace = await EnterAsync(caller, workspaceId, Permissions.SessionsManage, cancellationToken).ConfigureAwait(false);
        await ListedSessionAsync(caller, id, cancellationToken).ConfigureAwait(false);
        var session = await _sessions.ChangeLifecycleStatusAsync(caller, id, status, expectedRevision, cancellationToken).ConfigureAwait(false);
        return await ViewAsync(workspace, session, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Appends a dated note to a session or an instance, as <see cref="SessionService.AddNoteAsync"/> does.</summary>
    /// <exception cref="SchedulingException">Invalid argument (<c>text</c>, <c>authorId</c>); not found (also for working hours); unauthenticated or permission denied.</exception>
    public async ValueTask<WorkspaceSession> AddNoteAsync(CallerContext caller, string workspaceId, string id, string text, string? authorId = null, CancellationToken cancellationToken = default)
    {
        var workspace = await EnterAsync(caller, workspaceId, Permissions.SessionsManage, cancellationToken).ConfigureAwait(false);
        await ListedSessionAsync(caller, id, cancellationToken).ConfigureAwait(false);
        var session = await _sessions.AddNoteAsync(caller, id, text, authorId, cancellationToken).ConfigureAwait(false);
        return await ViewAsync(workspace, session, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The range the query names, in the workspace's zone, with the defaults the query's remarks give.</summary>
    private (Instant From, Instant To) Range(WorkspaceSessionQuery query, DateTimeZone zone, Instant asOf)
    {
        var window = _options.MaxQueryWindow;
        if (query.DateFrom is { IsEmpty: true })
        {
            throw SchedulingException.Invalid("dateFrom", "The bound is empty (default): give a date, a date-time or an instant, or none.");
        }

        if (query.DateTo is { IsEmpty: true })
        {
            throw SchedulingException.Invalid("dateTo", "The bound is empty (default): give a date, a date-time or an instant, or none.");
        }

        var from = Edge(query.DateFrom, bound => bound.AsStart(zone), "dateFrom");
        var to = Edge(query.DateTo, bound => bound.AsEnd(zone), "dateTo");
        (Instant From, Instant To) range = (from, to) switch
        {
            ({ } f, { } t) => (f, t),
            ({ } f, null) => (f, SupportedTimes.EndOf(f, window)),
            (null, { } t) => (t - window, t),
            _ => Today(zone, asOf, window),
        };

        if (range.To <= range.From)
        {
            throw SchedulingException.Invalid("dateTo", $"The range must end after it starts ({query.DateFrom} to {query.DateTo} in {zone.Id}).");
        }

        if (range.To - range.From > window)
        {
            throw SchedulingException.Limit("dateTo", $"The range is {(range.To - range.From).TotalDays:0.##} days long (elapsed time); at most {window.TotalDays:0.##} days may be listed at once.");
        }

        return range;
    }

    /// <summary>The instant a bound stands for in the workspace's zone, refused (naming it) outside the supported years.</summary>
    private static Instant? Edge(DateBound? bound, Func<DateBound, Instant> instantOf, string field)
    {
        if (bound is not { } given)
        {
            return null;
        }

        Instant instant;
        try
        {
            instant = instantOf(given);
        }
        catch (OverflowException)
        {
            // A local time at the very edge of NodaTime's time line can lie past its last instant in the zone.
            instant = Instant.MaxValue;
        }

        return instant >= SupportedRange.Start && instant <= SupportedRange.End
            ? instant
            : throw SchedulingException.Invalid(field, $"'{field}' ({given}) is outside the supported range of years ({SupportedRange.Start} to {SupportedRange.End}, end exclusive).");
    }

    private static (Instant From, Instant To) Today(DateTimeZone zone, Instant asOf, Duration window)
    {
        var start = asOf.InZone(zone).Date.AtStartOfDayInZone(zone).ToInstant();
        return (start, start + window);
    }

    /// <summary>
    /// The query as a sessions filter: one flat "all of", so the store selects candidates by staff; events only; and
    /// status always named, so cancelled sessions are listed unless the status asks otherwise.
    /// </summary>
    private static SessionFilter Filter(WorkspaceSessionQuery query, Instant asOf)
    {
        var parts = new List<SessionFilter> { SessionFilter.TypeIs(SessionType.Event) };
        if (query.StaffId is { } staffId)
        {
            parts.Add(SessionFilter.ScheduleOwnerIdIn(staffId));
        }

        if (query.ClientId is { } clientId)
        {
            parts.Add(SessionFilter.ClientIdIs(clientId));
        }

        if (!query.ServiceIds.IsDefaultOrEmpty)
        {
            parts.Add(SessionFilter.HasAnyService([.. query.ServiceIds]));
        }

        parts.Add(query.Status is { } status
            ? SessionFilter.LifecycleStatusAt(status, asOf)
            : SessionFilter.StatusIn(SessionStatus.Confirmed, SessionStatus.Cancelled));
        return SessionFilter.FromNode(new Querying.FilterNode.AllOf([.. parts.Select(p => p.Node)]));
    }

    /// <summary>A session or an instance the workspace lists (an event); working hours read as not found.</summary>
    private async ValueTask<Session> ListedSessionAsync(CallerContext caller, string id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw SchedulingException.Invalid("id", "A session id is required.");
        }

        // The library's own check, unshaped: the caller's permission was demanded on entry (view to read, manage to write).
        var session = await _sessions.FindSessionAsync(caller.TenantId, id, cancellationToken).ConfigureAwait(false);
        return session is { Type: SessionType.Event } ? session : throw SchedulingException.NotFound("Session", id);
    }

    /// <summary>A fresh snapshot, keeping the earlier snapshot's names for ids the directory no longer knows.</summary>
    private static NameSnapshot Merge(NameSnapshot fresh, NameSnapshot? earlier) => earlier is null ? fresh : fresh with
    {
        Clients = earlier.Clients.SetItems(fresh.Clients),
        Services = earlier.Services.SetItems(fresh.Services),
        Staff = earlier.Staff.SetItems(fresh.Staff),
    };

    private async ValueTask<Workspace> EnterAsync(CallerContext caller, string workspaceId, string permission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Kind == CallerKind.Anonymous)
        {
            // Authentication comes first: an anonymous caller without the permission is told to sign in, whatever it asks for.
            caller.Demand(permission);
        }

        if (string.IsNullOrWhiteSpace(workspaceId))
        {
            throw SchedulingException.Invalid("workspaceId", "A workspace id is required.");
        }

        if (!string.Equals(caller.TenantId, workspaceId, StringComparison.Ordinal)
            || await _directory.FindWorkspaceAsync(workspaceId, cancellationToken).ConfigureAwait(false) is not { } workspace)
        {
            throw new SchedulingException(SchedulingErrorCode.NotFound, $"Workspace '{workspaceId}' was not found.", "workspaceId");
        }

        caller.Demand(permission);
        return workspace;
    }

    private async ValueTask<CursorPage<WorkspaceSession>> ViewAsync(Workspace workspace, CursorPage<Session> page, Instant asOf, CancellationToken cancellationToken)
    {
        var names = await ResolvedNames.LookUpAsync(_directory, workspace.Id, page.Items, cancellationToken).ConfigureAwait(false);
        ImmutableArray<WorkspaceSession> items = [.. page.Items.Select(s => WorkspaceSession.Of(s, workspace, names, asOf))];
        var next = page.NextCursor is { } sessionsCursor
            ? await _cursors.SealAsync(workspace.Id, new WorkspaceCursor(asOf, sessionsCursor).ToPayload(), cancellationToken).ConfigureAwait(false)
            : null;
        return new CursorPage<WorkspaceSession>(items, page.HasNext, next);
    }

    private async ValueTask<WorkspaceSession> ViewAsync(Workspace workspace, Session session, CancellationToken cancellationToken)
    {
        var names = await ResolvedNames.LookUpAsync(_directory, workspace.Id, [session], cancellationToken).ConfigureAwait(false);
        return WorkspaceSession.Of(session, workspace, names, _clock.GetCurrentInstant());
    }

    /// <summary>The directory's names now, when the options keep a snapshot at booking; otherwise null.</summary>
    private async ValueTask<NameSnapshot?> SnapshotAsync(string workspaceId, string? clientId, string staffId, ImmutableArray<string> serviceIds, CancellationToken cancellationToken)
    {
        if (!_options.SnapshotNamesAtBooking)
        {
            return null;
        }

        var snapshot = NameSnapshot.Empty;
        if (clientId is not null && (await FindAsync(workspaceId, DirectoryEntryKind.Client, [clientId], cancellationToken).ConfigureAwait(false)).TryGetValue(clientId, out var clientName))
        {
            snapshot = snapshot.WithClient(clientId, clientName);
        }

        if (!string.IsNullOrWhiteSpace(staffId) && (await FindAsync(workspaceId, DirectoryEntryKind.Staff, [staffId], cancellationToken).ConfigureAwait(false)).TryGetValue(staffId, out var staffName))
        {
            snapshot = snapshot.WithStaff(staffId, staffName);
        }

        var services = OrEmpty(serviceIds).Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToArray();
        if (services.Length > 0)
        {
            foreach (var (serviceId, serviceName) in await FindAsync(workspaceId, DirectoryEntryKind.Service, services, cancellationToken).ConfigureAwait(false))
            {
                snapshot = snapshot.WithService(serviceId, serviceName);
            }
        }

        return snapshot.IsEmpty ? null : snapshot;
    }

    private async ValueTask<IReadOnlyDictionary<string, string>> FindAsync(string workspaceId, DirectoryEntryKind kind, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        await _directory.FindNamesAsync(workspaceId, kind, ids, cancellationToken).ConfigureAwait(false) ?? new Dictionary<string, string>();

    private static void RequireEvent(SessionType type)
    {
        if (type != SessionType.Event)
        {
            throw SchedulingException.Invalid("type", "A workspace books events: working hours are availability, kept through the sessions API.");
        }
    }

    private static ImmutableArray<T> OrEmpty<T>(ImmutableArray<T> values) => values.IsDefault ? [] : values;
}
