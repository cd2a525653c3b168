using System.Collections.Immutable;
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
    /// <summary>
    /// How many times an append that only lost a race (a note added while another write landed) is tried before it is
    /// reported as a conflict. Each lost race means another write succeeded, so this bounds only pathological contention.
    /// </summary>
    private const int MaxAppendAttempts = 64;

    private readonly ISessionStore _sessions;
    private readonly IRecurringSessionStore _recurringSessions;
    private readonly IClock _clock;
    private readonly SchedulingOptions _options;
    private readonly SessionPager _pager;
    private readonly CursorCodec _cursors;
    private readonly PageContinuations _continuations = new();
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
        _sessions = sessions ?? throw new ArgumentNullException(nameof(sessions));
        _recurringSessions = recurringSessions ?? throw new ArgumentNullException(nameof(recurringSessions));
        CursorKeyStore = cursorKeys ?? throw new ArgumentNullException(nameof(cursorKeys));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _options = options ?? new SchedulingOptions();
        _options.Validate();
        _pager = new SessionPager(sessions, recurringSessions);
        _cursors = new CursorCodec(CursorKind.Sessions, new CursorKeyRing(_options, cursorKeys));
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
        if (request.Id is { } chosen && SessionInstanceId.TryParse(chosen, out _, out _))
        {
            throw SchedulingException.Invalid("id", $"'{chosen}' has the form of an instance id (series id, '_', yyyyMMddTHHmmss); choose another.");
        }

        var now = _clock.GetCurrentInstant();
        var session = new Session
        {
            Id = request.Id ?? NewId(),
            ScheduleId = request.ScheduleId,
            ScheduleOwnerId = request.ScheduleOwnerId,
            Type = request.Type,
            Title = request.Title,
            Tags = request.Tags.IsDefault ? [] : request.Tags,
            Notes = request.Notes,
            Location = request.Location,
            Capacity = request.Capacity,
            Participants = WithClient(OrEmpty(request.Participants), request.ClientId),
            ClientId = request.ClientId,
            ServiceIds = OrEmpty(request.ServiceIds),
            FieldValues = OrEmpty(request.FieldValues),
            Attachments = OrEmpty(request.Attachments),
            NoteLog = OrEmpty(request.NoteLog),
            Invoice = request.Invoice,
            Names = request.Names,
            Start = request.Start,
            End = request.IsAllDay ? request.End : GapStart.EndKeepingLength(request.Start, request.End),
            IsAllDay = request.IsAllDay,
            Revision = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        session = AllDay.Normalised(session);
        Validate(session);
        SessionPayload.Check(_options.PayloadLimits, session);
        if (!await _sessions.InsertAsync(caller.TenantId, session, cancellationToken).ConfigureAwait(false))
        {
            throw SchedulingException.Conflict($"A session with id '{session.Id}' already exists.", "id");
        }

        return Shape(caller, session);
    }

    /// <summary>Creates a recurring session.</summary>
    /// <exception cref="SchedulingException">Permission denied, invalid argument (naming the field), or conflict when the id is taken.</exception>
    public async ValueTask<RecurringSession> CreateRecurringSessionAsync(CallerContext caller, NewRecurringSession request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        caller.Demand(Permissions.SessionsManage);
        var now = _clock.GetCurrentInstant();
        var series = new RecurringSession
        {
            Id = request.Id ?? NewId(),
            ScheduleId = request.ScheduleId,
            ScheduleOwnerId = request.ScheduleOwnerId,
            Type = request.Type,
            Title = request.Title,
            Tags = request.Tags.IsDefault ? [] : request.Tags,
            Notes = request.Notes,
            Location = request.Location,
            Capacity = request.Capacity,
            ClientId = request.ClientId,
            ServiceIds = OrEmpty(request.ServiceIds),
            FieldValues = OrEmpty(request.FieldValues),
            Attachments = OrEmpty(request.Attachments),
            NoteLog = OrEmpty(request.NoteLog),
            Invoice = request.Invoice,
            Names = request.Names,
            Start = request.Start,
            Zone = request.Zone,
            Duration = request.Duration,
            Rule = request.Rule,
            IsAllDay = request.IsAllDay,
            ExceptionDates = SeriesDates.Normalise(request.ExceptionDates),
            ExtraDates = SeriesDates.Normalise(request.ExtraDates),
            IdentityStart = request.Start,
            Revision = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var spanEnd = Validate(series);
        SessionPayload.Check(_options.PayloadLimits, series);
        if (!await _recurringSessions.InsertAsync(caller.TenantId, series, spanEnd, cancellationToken).ConfigureAwait(false))
        {
            throw SchedulingException.Conflict($"A recurring session with id '{series.Id}' already exists.", "id");
        }

        return series;
    }

    /// <summary>Gets a single session or an instance by id.</summary>
    /// <exception cref="SchedulingException">Not found (also for another tenant's id), permission denied, or unauthenticated.</exception>
    public async ValueTask<Session> GetSessionAsync(CallerContext caller, string id, SessionFieldset fieldset = SessionFieldset.Default, CancellationToken cancellationToken = default)
    {
        CheckRead(caller, fieldset);
        RequireId(id);
        var session = await FindAsync(caller.TenantId, id, cancellationToken).ConfigureAwait(false)
            ?? throw SchedulingException.NotFound("Session", id);
        return Shape(session, fieldset);
    }

    /// <summary>Gets a recurring session by id.</summary>
    /// <exception cref="SchedulingException">Not found, permission denied, or unauthenticated.</exception>
    public async ValueTask<RecurringSession> GetRecurringSessionAsync(CallerContext caller, string id, CancellationToken cancellationToken = default)
    {
        CheckRead(caller, SessionFieldset.Default);
        RequireId(id);
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
        CheckRead(caller, query.Fieldset);
        return _overrides.FirstAsync(caller.TenantId, query, cancellationToken);
    }

    /// <summary>The next page of a listing of instance overrides. The cursor carries the listing; tenant and permissions come from the caller.</summary>
    /// <exception cref="SchedulingException">Invalid argument for a malformed or altered cursor, or one issued to another tenant; not found when the series was deleted; permission denied.</exception>
    public async ValueTask<CursorPage<InstanceOverride>> ListInstanceOverridesAsync(CallerContext caller, string cursor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (string.IsNullOrEmpty(cursor))
        {
            throw SchedulingException.Invalid("cursor", "The cursor is empty: pass back exactly the cursor a page returned.");
        }

        var state = await _overrides.OpenAsync(caller.TenantId, cursor, cancellationToken).ConfigureAwait(false);
        CheckRead(caller, state.Fieldset);
        return await _overrides.NextAsync(caller.TenantId, state, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gets sessions and instances by id, in the order asked; ids that do not exist are left out.</summary>
    /// <exception cref="SchedulingException">Limit exceeded for more than <see cref="SchedulingOptions.MaxIdsPerList"/> ids, permission denied, or unauthenticated.</exception>
    public async ValueTask<IReadOnlyList<Session>> ListSessionsAsync(CallerContext caller, IReadOnlyCollection<string> ids, SessionFieldset fieldset = SessionFieldset.Default, CancellationToken cancellationToken = default)
    {
        CheckRead(caller, fieldset);
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
            if (await FindAsync(caller.TenantId, id, cancellationToken).ConfigureAwait(false) is { } session)
            {
                found.Add(Shape(session, fieldset));
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
        RequireId(id);
        var now = _clock.GetCurrentInstant();
        if (await _sessions.FindAsync(caller.TenantId, id, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            CheckRevision(stored.Revision, expectedRevision, id);
            var updated = stored with
            {
                Title = changes.Title.Or(stored.Title),
                Tags = changes.Tags.HasValue ? OrEmpty(changes.Tags.Value) : stored.Tags,
                Notes = changes.Notes.Or(stored.Notes),
                Location = changes.Location.Or(stored.Location),
                Capacity = changes.Capacity.Or(stored.Capacity),
                ClientId = changes.ClientId.Or(stored.ClientId),
                Participants = changes.ClientId.HasValue ? WithClient(WithoutClient(stored.Participants, stored.ClientId), changes.ClientId.Value) : stored.Participants,
                ServiceIds = changes.ServiceIds.HasValue ? OrEmpty(changes.ServiceIds.Value) : stored.ServiceIds,
                FieldValues = changes.FieldValues.HasValue ? OrEmpty(changes.FieldValues.Value) : stored.FieldValues,
                Attachments = changes.Attachments.HasValue ? OrEmpty(changes.Attachments.Value) : stored.Attachments,
                Invoice = changes.Invoice.Or(stored.Invoice),
                Names = changes.Names.Or(stored.Names),
                Start = changes.Start.Or(stored.Start),
                End = changes.Start.HasValue || changes.End.HasValue
                    ? GapStart.EndKeepingLength(changes.Start.Or(stored.Start), changes.End.Or(stored.End))
                    : stored.End,
                Revision = stored.Revision + 1,
                UpdatedAt = now,
            };
            if (stored.IsAllDay && (changes.Start.HasValue || changes.End.HasValue))
            {
                var (firstDay, endDay) = AllDay.Moved(changes.Start.Or(stored.Start), changes.End.HasValue ? changes.End.Value : null, stored.End.Timestamp - stored.Start.Timestamp);
                updated = updated with { Start = firstDay, End = endDay };
            }

            Validate(updated);
            SessionPayload.Check(_options.PayloadLimits, updated);
            await ReplaceAsync(caller.TenantId, updated, expectedRevision, cancellationToken).ConfigureAwait(false);
            return Shape(caller, updated);
        }

        var (view, identity, current) = await FindInstanceAsync(caller.TenantId, id, cancellationToken).ConfigureAwait(false);
        CheckRevision(current.Revision, expectedRevision, id);
        var own = view.Record.Overrides.GetValueOrDefault(identity)
            ?? new InstanceOverride { RecurringSessionId = view.Series.Id, IdentityStart = identity, CreatedAt = now };
        var start = changes.Start.HasValue ? changes.Start.Value : current.Start;
        SupportedTimes.CheckStart(start, "start");
        var end = changes.End.HasValue ? GapStart.EndKeepingLength(start, changes.End.Value) : SupportedTimes.EndOf(start, current.End.Timestamp - current.Start.Timestamp);
        if (view.Series.IsAllDay && (changes.Start.HasValue || changes.End.HasValue))
        {
            (start, end) = AllDay.Moved(start, changes.End.HasValue ? changes.End.Value : null, current.End.Timestamp - current.Start.Timestamp);
        }

        SupportedTimes.CheckEnd(end, "end");
        var saved = own with
        {
            Start = changes.Start.HasValue ? start : own.Start,
            Duration = changes.End.HasValue || changes.Start.HasValue && own.Duration.HasValue ? end.Timestamp - start.Timestamp : own.Duration,
            Title = changes.Title.HasValue ? changes.Title.Value : own.Title,
            Tags = changes.Tags.HasValue ? OrEmpty(changes.Tags.Value) : own.Tags,
            Notes = changes.Notes.HasValue ? changes.Notes.Value : own.Notes,
            Location = changes.Location.HasValue ? changes.Location.Value : own.Location,
            Capacity = changes.Capacity.HasValue ? changes.Capacity.Value : own.Capacity,
            ClientId = changes.ClientId.HasValue ? changes.ClientId.Value : own.ClientId,
            ServiceIds = changes.ServiceIds.HasValue ? OrEmpty(changes.ServiceIds.Value) : own.ServiceIds,
            FieldValues = changes.FieldValues.HasValue ? OrEmpty(changes.FieldValues.Value) : own.FieldValues,
            Attachments = changes.Attachments.HasValue ? OrEmpty(changes.Attachments.Value) : own.Attachments,
            Invoice = changes.Invoice.HasValue ? changes.Invoice.Value : own.Invoice,
            Names = changes.Names.HasValue ? changes.Names.Value : own.Names,
            Revision = own.Revision + 1,
            UpdatedAt = now,
        };
        if (saved.Duration is Duration length && length < Duration.Zero)
        {
            throw SchedulingException.Invalid("end", "The end is before the start.");
        }

        RequireTextIfGiven(saved.Title, "title");

        ValidateCommon(saved.Tags ?? view.Series.Tags, saved.Capacity ?? view.Series.Capacity, saved.Participants.Length);
        var series = view.Series;
        ValidateDetails(
            saved.ClientId ?? series.ClientId,
            saved.ServiceIds ?? series.ServiceIds,
            saved.FieldValues ?? series.FieldValues,
            saved.Attachments ?? series.Attachments,
            saved.NoteLog ?? series.NoteLog);
        SessionPayload.Check(_options.PayloadLimits, saved);

        if (!await _recurringSessions.SaveOverrideAsync(caller.TenantId, saved, expectedRevision, cancellationToken).ConfigureAwait(false))
        {
            throw StaleRevision(id);
        }

        var instance = view.Instance(identity, saved.Start ?? current.Start, saved);
        return Shape(caller, instance);
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
        RequireId(id);
        var record = await _recurringSessions.FindAsync(caller.TenantId, id, cancellationToken).ConfigureAwait(false)
            ?? throw SchedulingException.NotFound("Recurring session", id);
        CheckRevision(record.Series.Revision, expectedRevision, id);
        var updated = SeriesDates.Edited(record.Series, Apply(record.Series, changes), changes) with { Revision = record.Series.Revision + 1, UpdatedAt = _clock.GetCurrentInstant() };
        var spanEnd = Validate(updated);
        SessionPayload.Check(_options.PayloadLimits, updated);
        if (!await _recurringSessions.ReplaceAsync(caller.TenantId, updated, spanEnd, expectedRevision, cancellationToken).ConfigureAwait(false))
        {
            throw StaleRevision(id);
        }

        return updated;
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
        RequireId(instanceId, "instanceId");
        var (view, identity, _) = await FindInstanceAsync(caller.TenantId, instanceId, cancellationToken).ConfigureAwait(false);
        var series = view.Series;
        CheckRevision(series.Revision, expectedRevision, series.Id);
        var splitAt = view.FindOccurrence(identity)!.Value;

        // The ended series ends with UNTIL at the last second before the instance, or with a COUNT of the instances
        // before it when its rule counts. Only a COUNT needs to know how many; otherwise whether any does decides. The
        // instance lies inside the supported range, and an earlier one exists, so that UNTIL lies inside it too and
        // not before DTSTART.
        // COUNT counts the rule's occurrences, those an exception date leaves out included and extra dates not
        // (RFC 5545 section 3.8.5.3), so the instances before the split are counted on the rule alone.
        var rule = series.Rule;
        var ruleAlone = series.IsAllDay ? RecurrenceSet.ForAllDay(series.Start.Date, series.Zone, rule) : new RecurrenceSet(series.Start, series.Zone, rule);
        if (SeriesDates.IsExtra(series, splitAt.RecurrenceId) && !ruleAlone.Between(splitAt.Start, splitAt.Start + Duration.FromSeconds(1), cancellationToken).Any(o => o.RecurrenceId == splitAt.RecurrenceId))
        {
            throw SchedulingException.Invalid("instanceId", $"'{instanceId}' is an extra date of its series, not an occurrence of its rule, so no series can start there with the same rule: edit it on its own, or split at an occurrence of the rule.");
        }

        var earlier = ruleAlone.Between(series.FirstStart, splitAt.Start, cancellationToken);
        var before = rule.Count is null ? (earlier.Any() ? 1 : 0) : earlier.Count();
        if (before == 0)
        {
            // The first instance: "this and following" is the whole series, so it changes in place and no rule is
            // written with an end before its start.
            return await UpdateRecurringSessionAsync(caller, series.Id, changes, expectedRevision, cancellationToken).ConfigureAwait(false);
        }

        var now = _clock.GetCurrentInstant();
        var endedRule = rule.Count is null ? Rules.WithEnd(rule, count: null, until: splitAt.Start - Duration.FromSeconds(1)) : Rules.WithEnd(rule, count: before, until: null);
        var followingRule = rule.Count is int count ? Rules.WithEnd(rule, count - before, null) : rule;
        var ended = series with { Rule = endedRule, Revision = series.Revision + 1, UpdatedAt = now };
        var following = Apply(series, changes with { Rule = changes.Rule.Or(followingRule), Start = changes.Start.Or(splitAt.RecurrenceId) }) with
        {
            Id = NewId(),
            Revision = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        following = following with { IdentityStart = following.Start };
        var delta = Period.Between(splitAt.RecurrenceId, following.Start, PeriodUnits.Seconds).Seconds;
        (ended, following) = SeriesDates.Split(ended, following, changes, splitAt.RecurrenceId, delta);
        var endedSpan = Validate(ended);
        var followingSpan = Validate(following);
        SessionPayload.Check(_options.PayloadLimits, following);

        // Overrides from the split on move to the new series, keyed by where its rule puts them: the old series'
        // shift from identity to rule start, plus the move of the split instance.
        var moveFrom = view.IdentityOf(splitAt.RecurrenceId);
        if (!await _recurringSessions.SplitAsync(caller.TenantId, series.Id, stored => Splitting.Split(stored, expectedRevision, ended, endedSpan, following, followingSpan, moveFrom, view.ShiftSeconds + delta), cancellationToken).ConfigureAwait(false))
        {
            throw StaleRevision(series.Id);
        }

        return following;
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
        RequireId(id);
        var now = _clock.GetCurrentInstant();
        if (await _sessions.FindAsync(caller.TenantId, id, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            CheckRevision(stored.Revision, expectedRevision, id);
            RefuseCompleted(stored);
            var cancelled = stored with { Status = SessionStatus.Cancelled, Revision = stored.Revision + 1, UpdatedAt = now };
            await ReplaceAsync(caller.TenantId, cancelled, expectedRevision, cancellationToken).ConfigureAwait(false);
            return Shape(caller, cancelled);
        }

        var (view, identity, current) = await FindInstanceAsync(caller.TenantId, id, cancellationToken).ConfigureAwait(false);
        CheckRevision(current.Revision, expectedRevision, id);
        RefuseCompleted(current);
        var own = view.Record.Overrides.GetValueOrDefault(identity)
            ?? new InstanceOverride { RecurringSessionId = view.Series.Id, IdentityStart = identity, CreatedAt = now };
        var saved = own with { IsCancelled = true, Revision = own.Revision + 1, UpdatedAt = now };
        if (!await _recurringSessions.SaveOverrideAsync(caller.TenantId, saved, expectedRevision, cancellationToken).ConfigureAwait(false))
        {
            throw StaleRevision(id);
        }

        return Shape(caller, view.Instance(identity, current.Start, saved));
    }

    /// <summary>Cancels a recurring session from now on: instances that start from now are cancelled, earlier ones stay.</summary>
    /// <exception cref="SchedulingException">Not found, conflict on a stale revision, or permission denied.</exception>
    public async ValueTask<RecurringSession> CancelRecurringSessionAsync(CallerContext caller, string id, long expectedRevision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Demand(Permissions.SessionsManage);
        RequireId(id);
        var record = await _recurringSessions.FindAsync(caller.TenantId, id, cancellationToken).ConfigureAwait(false)
            ?? throw SchedulingException.NotFound("Recurring session", id);
        CheckRevision(record.Series.Revision, expectedRevision, id);
        var now = _clock.GetCurrentInstant();
        var cancelled = record.Series with { CancelledFrom = now, Revision = record.Series.Revision + 1, UpdatedAt = now };
        if (!await _recurringSessions.ReplaceAsync(caller.TenantId, cancelled, record.SpanEnd, expectedRevision, cancellationToken).ConfigureAwait(false))
        {
            throw StaleRevision(id);
        }

        return cancelled;
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
        RequireId(id);
        Session? stored;
        try
        {
            stored = await _sessions.FindAsync(caller.TenantId, id, cancellationToken).ConfigureAwait(false);
        }
        catch (SchedulingException exception) when (exception.Code == SchedulingErrorCode.UnreadableRecord)
        {
            if (!await _sessions.DeleteAsync(caller.TenantId, id, expectedRevision, cancellationToken).ConfigureAwait(false))
            {
                throw UnreadableNotAt(id, expectedRevision, exception);
            }

            return;
        }

        if (stored is null)
        {
            throw SessionInstanceId.TryParse(id, out _, out _)
                && await FindAsync(caller.TenantId, id, cancellationToken).ConfigureAwait(false) is not null
                ? SchedulingException.Invalid("id", $"'{id}' is an instance of a recurring session: cancel it instead, or delete the series.")
                : SchedulingException.NotFound("Session", id);
        }

        CheckRevision(stored.Revision, expectedRevision, id);
        if (!await _sessions.DeleteAsync(caller.TenantId, id, expectedRevision, cancellationToken).ConfigureAwait(false))
        {
            throw StaleRevision(id);
        }
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
        RequireId(id);
        RecurringSessionRecord? found;
        try
        {
            found = await _recurringSessions.FindAsync(caller.TenantId, id, cancellationToken).ConfigureAwait(false);
        }
        catch (SchedulingException exception) when (exception.Code == SchedulingErrorCode.UnreadableRecord)
        {
            if (!await _recurringSessions.DeleteAsync(caller.TenantId, id, expectedRevision, cancellationToken).ConfigureAwait(false))
            {
                throw UnreadableNotAt(id, expectedRevision, exception);
            }

            return;
        }

        var record = found ?? throw SchedulingException.NotFound("Recurring session", id);
        CheckRevision(record.Series.Revision, expectedRevision, id);
        if (!await _recurringSessions.DeleteAsync(caller.TenantId, id, expectedRevision, cancellationToken).ConfigureAwait(false))
        {
            throw StaleRevision(id);
        }
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
        RequireId(sessionId, "sessionId");
        if (string.IsNullOrWhiteSpace(participant.Id))
        {
            throw SchedulingException.Invalid("participant.id", "A participant needs an id.");
        }

        var limits = _options.PayloadLimits;
        SessionPayload.Check(limits, participant);
        var now = _clock.GetCurrentInstant();
        var (outcome, session) = await ChangeBookingAsync(
            caller.TenantId,
            sessionId,
            stored => WithRoom(limits, Booking.Book(stored, participant, now), booked => booked.Participants.Length),
            (series, current, identity) => WithRoom(limits, Booking.Book(series, current, identity, participant, now), booked => booked.Participants.Length),
            cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            BookingOutcome.NotFound => throw SchedulingException.NotFound("Session", sessionId),
            BookingOutcome.Cancelled => throw SchedulingException.Conflict($"Session '{sessionId}' is cancelled.", "status"),
            BookingOutcome.Full => throw SchedulingException.Conflict($"Session '{sessionId}' is full.", "capacity"),
            _ => Shape(caller, session!),
        };
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
        RequireId(sessionId, "sessionId");
        if (string.IsNullOrWhiteSpace(participantId))
        {
            throw SchedulingException.Invalid("participantId", "Name the participant whose booking is cancelled.");
        }

        var now = _clock.GetCurrentInstant();
        var (outcome, session) = await ChangeBookingAsync(
            caller.TenantId,
            sessionId,
            stored => Booking.Release(stored, participantId, now),
            (series, current, identity) => Booking.Release(series, current, identity, participantId, now),
            cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            BookingOutcome.NotFound => throw SchedulingException.NotFound("Session", sessionId),
            BookingOutcome.Cancelled => throw SchedulingException.Conflict($"Session '{sessionId}' is cancelled: its bookings stay as the record of who was affected.", "status"),
            BookingOutcome.Completed => throw SchedulingException.Conflict($"Session '{sessionId}' is completed: its bookings stay as the record of who took part.", "status"),
            BookingOutcome.IsClient => throw SchedulingException.Conflict($"'{participantId}' is the client of session '{sessionId}': change its clientId instead.", "participantId"),
            _ => Shape(caller, session!),
        };
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
        RequireId(id);
        if (!Enum.IsDefined(status))
        {
            throw SchedulingException.Invalid("status", $"{status} is not a lifecycle status: use scheduled, in-progress, completed or cancelled.");
        }

        var now = _clock.GetCurrentInstant();
        if (await _sessions.FindAsync(caller.TenantId, id, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            CheckRevision(stored.Revision, expectedRevision, id);
            var (cancelled, progress) = Mark(stored, status, now);
            if (cancelled == (stored.Status == SessionStatus.Cancelled) && progress == stored.Progress)
            {
                return Shape(caller, stored);
            }

            var changed = stored with
            {
                Status = cancelled ? SessionStatus.Cancelled : stored.Status,
                Progress = progress,
                Revision = stored.Revision + 1,
                UpdatedAt = now,
            };
            await ReplaceAsync(caller.TenantId, changed, expectedRevision, cancellationToken).ConfigureAwait(false);
            return Shape(caller, changed);
        }

        var (view, identity, current) = await FindInstanceAsync(caller.TenantId, id, cancellationToken).ConfigureAwait(false);
        CheckRevision(current.Revision, expectedRevision, id);
        var (instanceCancelled, instanceProgress) = Mark(current, status, now);
        if (instanceCancelled == (current.Status == SessionStatus.Cancelled) && instanceProgress == current.Progress)
        {
            return Shape(caller, current);
        }

        var own = view.Record.Overrides.GetValueOrDefault(identity)
            ?? new InstanceOverride { RecurringSessionId = view.Series.Id, IdentityStart = identity, CreatedAt = now };
        var saved = own with
        {
            IsCancelled = own.IsCancelled || instanceCancelled,
            Progress = instanceProgress,
            Revision = own.Revision + 1,
            UpdatedAt = now,
        };
        if (!await _recurringSessions.SaveOverrideAsync(caller.TenantId, saved, expectedRevision, cancellationToken).ConfigureAwait(false))
        {
            throw StaleRevision(id);
        }

        return Shape(caller, view.Instance(identity, current.Start, saved));
    }

    /// <summary>
    /// Appends a dated note to a single session or an instance (<see cref="Session.NoteLog"/>). Notes are never
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
        RequireId(sessionId, "sessionId");
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

        for (var attempt = 1; attempt <= MaxAppendAttempts; attempt++)
        {
            var now = _clock.GetCurrentInstant();
            var note = new SessionNote(NewId(), author, text, now);
            if (await _sessions.FindAsync(caller.TenantId, sessionId, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                SessionPayload.CheckNote(_options.PayloadLimits, stored.NoteLog.Length, text, author);
                var appended = stored with { NoteLog = stored.NoteLog.Add(note), Revision = stored.Revision + 1, UpdatedAt = now };
                if (await _sessions.ReplaceAsync(caller.TenantId, appended, stored.Revision, cancellationToken).ConfigureAwait(false))
                {
                    return Shape(caller, appended);
                }

                continue;
            }

            var (view, identity, current) = await FindInstanceAsync(caller.TenantId, sessionId, cancellationToken).ConfigureAwait(false);
            var own = view.Record.Overrides.GetValueOrDefault(identity)
                ?? new InstanceOverride { RecurringSessionId = view.Series.Id, IdentityStart = identity, CreatedAt = now };
            var log = own.NoteLog ?? view.Series.NoteLog;
            SessionPayload.CheckNote(_options.PayloadLimits, log.Length, text, author);
            var saved = own with { NoteLog = log.Add(note), Revision = own.Revision + 1, UpdatedAt = now };
            if (await _recurringSessions.SaveOverrideAsync(caller.TenantId, saved, own.Revision, cancellationToken).ConfigureAwait(false))
            {
                return Shape(caller, view.Instance(identity, current.Start, saved));
            }
        }

        throw SchedulingException.Conflict($"'{sessionId}' kept changing while the note was added: try again.");
    }

    /// <summary>The first page of sessions and instances that overlap the query's window, sorted by start then id.</summary>
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
        CheckRead(caller, query.Fieldset);
        SupportedTimes.CheckWindow(query.From, query.To);
        if (query.To <= query.From)
        {
            throw SchedulingException.Invalid("to", $"The window must end after it starts ({query.From} to {query.To}).");
        }

        if (query.To - query.From > _options.MaxQueryWindow)
        {
            throw SchedulingException.Limit("to", $"The window is {(query.To - query.From).TotalDays:0.#} days long; at most {_options.MaxQueryWindow.TotalDays:0.#} days may be queried at once.");
        }

        var pageSize = query.PageSize ?? _options.DefaultPageSize;
        if (pageSize < 1 || pageSize > _options.MaxPageSize)
        {
            throw SchedulingException.Limit("pageSize", $"The page size must be between 1 and {_options.MaxPageSize}; {pageSize} was asked for.");
        }

        return PageAsync(caller, query.From, query.To, query.Filter ?? SessionFilter.All, query.Fieldset, pageSize, after: null, cursor: null, cancellationToken);
    }

    /// <summary>The next page of a query. The cursor carries the query; tenant and permissions come from the caller.</summary>
    /// <exception cref="SchedulingException">Invalid argument for a malformed or altered cursor, or one issued to another tenant; permission denied.</exception>
    public ValueTask<CursorPage<Session>> QuerySessionsAsync(CallerContext caller, string cursor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (string.IsNullOrEmpty(cursor))
        {
            throw SchedulingException.Invalid("cursor", "The cursor is empty: pass back exactly the cursor a page returned.");
        }

        return ContinueAsync(caller, cursor, cancellationToken);
    }

    private async ValueTask<CursorPage<Session>> ContinueAsync(CallerContext caller, string cursor, CancellationToken cancellationToken)
    {
        var state = SessionCursor.FromPayload(await _cursors.OpenAsync(caller.TenantId, cursor, cancellationToken).ConfigureAwait(false));
        CheckRead(caller, state.Fieldset);
        var filter = SessionFilter.Parse(state.FilterJson);
        return await PageAsync(caller, state.From, state.To, filter, state.Fieldset, state.PageSize, new SessionPosition(state.AfterStart, state.AfterId), cursor, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<CursorPage<Session>> PageAsync(
        CallerContext caller,
        Instant from,
        Instant to,
        SessionFilter filter,
        SessionFieldset fieldset,
        int pageSize,
        SessionPosition? after,
        string? cursor,
        CancellationToken cancellationToken)
    {
        var (items, hasNext, continuation) = await _pager.PageAsync(
            caller.TenantId,
            from,
            to,
            filter,
            pageSize,
            after,
            (sessionsVersion, seriesVersion) => cursor is null ? null : _continuations.TakeCopy(cursor, caller.TenantId, sessionsVersion, seriesVersion),
            cancellationToken).ConfigureAwait(false);
        string? next = null;
        if (hasNext)
        {
            var last = items[^1];
            next = await _cursors.SealAsync(caller.TenantId, new SessionCursor(from, to, filter.ToJson(), fieldset, pageSize, last.Start.Timestamp, last.Id).ToPayload(), cancellationToken).ConfigureAwait(false);
            if (continuation is not null)
            {
                _continuations.Keep(next, continuation);
            }
        }

        return new CursorPage<Session>([.. items.Select(s => Shape(s, fieldset))], hasNext, next);
    }

    /// <summary>
    /// A single session or an instance by id, unshaped and without a permission check, for the library's other
    /// services (attendance checks that a session exists and takes place); null when there is none in the tenant.
    /// </summary>
    internal ValueTask<Session?> FindSessionAsync(string tenantId, string id, CancellationToken cancellationToken) =>
        FindAsync(tenantId, id, cancellationToken);

    /// <summary>A single session or an instance by id, unshaped; null when there is none in the tenant.</summary>
    private async ValueTask<Session?> FindAsync(string tenantId, string id, CancellationToken cancellationToken)
    {
        if (await _sessions.FindAsync(tenantId, id, cancellationToken).ConfigureAwait(false) is { } single)
        {
            return single;
        }

        return await FindInstanceOrNullAsync(tenantId, id, cancellationToken).ConfigureAwait(false) is { } found ? found.Instance : null;
    }

    /// <summary>
    /// Changes the bookings of a single session or an instance in one atomic store change, resolving which it is once:
    /// only an id of the instance form (<see cref="SessionInstanceId"/>) can name an instance, and a single session
    /// with such an id (stored before such ids were refused, or written to the store directly) wins, as in every other
    /// call. A plain id costs one store call; an instance id two (is there such a single session, then the change).
    /// The session returned is built from what the change decided, not read again.
    /// </summary>
    private async ValueTask<(BookingOutcome Outcome, Session? Session)> ChangeBookingAsync(
        string tenantId,
        string id,
        Func<Session?, BookingDecision<Session>> decideSingle,
        Func<RecurringSession, InstanceOverride?, LocalDateTime, BookingDecision<InstanceOverride>> decideInstance,
        CancellationToken cancellationToken)
    {
        if (!SessionInstanceId.TryParse(id, out var seriesId, out var identity)
            || await _sessions.FindAsync(tenantId, id, cancellationToken).ConfigureAwait(false) is not null)
        {
            var single = await _sessions.ChangeAsync(tenantId, id, stored => decideSingle(stored).ToChange(), cancellationToken).ConfigureAwait(false);
            return (single.Outcome, single.Record);
        }

        (SeriesView View, CalendarDateTime Start)? found = null;
        var decision = await _recurringSessions.ChangeInstanceAsync(
            tenantId,
            seriesId,
            identity,
            (series, current) =>
            {
                // An id names an instance only when the rule still has an occurrence there.
                found = series is null ? null : InstanceOf(series, identity, current);
                return found is null
                    ? StoreChange<InstanceOverride, BookingDecision<InstanceOverride>>.Nothing(new(BookingOutcome.NotFound, null))
                    : decideInstance(series!, current, identity).ToChange();
            },
            cancellationToken).ConfigureAwait(false);
        if (found is not { } instance || decision.Outcome == BookingOutcome.NotFound)
        {
            return (BookingOutcome.NotFound, null);
        }

        return (decision.Outcome, instance.View.Instance(identity, decision.Record?.Start ?? instance.Start, decision.Record));
    }

    /// <summary>The view of a series read with one instance's override, and that instance's start; null when the rule has no occurrence at the identity start.</summary>
    private static (SeriesView View, CalendarDateTime Start)? InstanceOf(RecurringSession series, LocalDateTime identity, InstanceOverride? own)
    {
        var overrides = own is null ? ImmutableDictionary<LocalDateTime, InstanceOverride>.Empty : ImmutableDictionary<LocalDateTime, InstanceOverride>.Empty.Add(identity, own);
        var view = SeriesView.Of(new RecurringSessionRecord(series, null, overrides));
        return view.FindOccurrence(identity) is { } occurrence
            ? (view, own?.Start ?? CalendarDateTime.FromInstantInZone(occurrence.Start, series.Zone))
            : null;
    }

    /// <summary>A booking that would hold more participants than a session may (<see cref="PayloadLimits.MaxParticipants"/>) is refused before it is written.</summary>
    private static BookingDecision<T> WithRoom<T>(PayloadLimits limits, BookingDecision<T> decision, Func<T, int> participants)
        where T : class
    {
        if (decision.Outcome == BookingOutcome.Booked)
        {
            SessionPayload.CheckRoomFor(limits, participants(decision.Record!) - 1);
        }

        return decision;
    }

    private async ValueTask<(SeriesView View, LocalDateTime Identity, Session Instance)> FindInstanceAsync(string tenantId, string id, CancellationToken cancellationToken) =>
        await FindInstanceOrNullAsync(tenantId, id, cancellationToken).ConfigureAwait(false) ?? throw SchedulingException.NotFound("Session", id);

    /// <summary>
    /// An instance by id with the view of its series, read with the instance's own override only (a call on one
    /// instance never reads the others); null when the id names no instance in the tenant.
    /// </summary>
    private async ValueTask<(SeriesView View, LocalDateTime Identity, Session Instance)?> FindInstanceOrNullAsync(string tenantId, string id, CancellationToken cancellationToken)
    {
        if (!SessionInstanceId.TryParse(id, out var seriesId, out var identity)
            || await _recurringSessions.FindForInstanceAsync(tenantId, seriesId, identity, cancellationToken).ConfigureAwait(false) is not { } record)
        {
            return null;
        }

        var view = SeriesView.Of(record);
        if (view.FindOccurrence(identity) is not { } occurrence)
        {
            return null;
        }

        var instance = record.Overrides.TryGetValue(identity, out var own) && own.Start is CalendarDateTime start
            ? view.Instance(identity, start, own)
            : view.Instance(occurrence);
        return (view, identity, instance);
    }

    private async ValueTask ReplaceAsync(string tenantId, Session session, long expectedRevision, CancellationToken cancellationToken)
    {
        if (!await _sessions.ReplaceAsync(tenantId, session, expectedRevision, cancellationToken).ConfigureAwait(false))
        {
            throw StaleRevision(session.Id);
        }
    }

    private static RecurringSession Apply(RecurringSession series, RecurringSessionChanges changes) => series with
    {
        Title = changes.Title.Or(series.Title),
        Tags = changes.Tags.HasValue ? OrEmpty(changes.Tags.Value) : series.Tags,
        Notes = changes.Notes.Or(series.Notes),
        Location = changes.Location.Or(series.Location),
        Capacity = changes.Capacity.Or(series.Capacity),
        ClientId = changes.ClientId.Or(series.ClientId),
        ServiceIds = changes.ServiceIds.HasValue ? OrEmpty(changes.ServiceIds.Value) : series.ServiceIds,
        FieldValues = changes.FieldValues.HasValue ? OrEmpty(changes.FieldValues.Value) : series.FieldValues,
        Attachments = changes.Attachments.HasValue ? OrEmpty(changes.Attachments.Value) : series.Attachments,
        Invoice = changes.Invoice.Or(series.Invoice),
        Names = changes.Names.Or(series.Names),
        Start = changes.Start.Or(series.Start),
        Duration = changes.Duration.Or(series.Duration),
        Rule = changes.Rule.Or(series.Rule),
    };

    private static void CheckRead(CallerContext caller, SessionFieldset fieldset)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Demand(Permissions.SessionsView);
        if (fieldset == SessionFieldset.AllPersonalInformation)
        {
            caller.Demand(Permissions.PersonalInformationView);
        }
    }

    private static void CheckRevision(long stored, long expected, string id)
    {
        if (stored != expected)
        {
            throw SchedulingException.Conflict($"'{id}' is at revision {stored}, not {expected}: read it again and retry.", "expectedRevision");
        }
    }

    private static SchedulingException UnreadableNotAt(string id, long expectedRevision, SchedulingException unreadable) =>
        SchedulingException.Conflict(
            $"'{id}' cannot be read, and was not deleted: it is not at revision {expectedRevision}, or it is gone. {unreadable.Message}",
            "expectedRevision");

    private static SchedulingException StaleRevision(string id) =>
        SchedulingException.Conflict($"'{id}' changed while this call ran: read it again and retry.", "expectedRevision");

    /// <summary>What a lifecycle change writes: whether the session is cancelled, and its explicit mark; refused changes throw.</summary>
    private static (bool Cancelled, ProgressMark Progress) Mark(Session session, LifecycleStatus to, Instant now)
    {
        var from = SessionLifecycle.StatusAt(session, now);
        if (!SessionLifecycle.CanChange(from, to))
        {
            throw SessionLifecycle.Refused(session.Id, from, to);
        }

        var cancelled = session.Status == SessionStatus.Cancelled;
        return to switch
        {
            LifecycleStatus.Cancelled => (true, session.Progress),
            LifecycleStatus.InProgress => (cancelled, ProgressMark.InProgress),
            LifecycleStatus.Completed => (cancelled, ProgressMark.Completed),
            _ => (cancelled, session.Progress),
        };
    }

    /// <summary>A session explicitly marked completed is final: cancelling it would rewrite what took place.</summary>
    private static void RefuseCompleted(Session session)
    {
        if (session.Status != SessionStatus.Cancelled && session.Progress == ProgressMark.Completed)
        {
            throw SessionLifecycle.Refused(session.Id, LifecycleStatus.Completed, LifecycleStatus.Cancelled);
        }
    }

    private static Session Shape(CallerContext caller, Session session) =>
        Shape(session, caller.Has(Permissions.PersonalInformationView) ? SessionFieldset.AllPersonalInformation : SessionFieldset.Default);

    private static Session Shape(Session session, SessionFieldset fieldset) =>
        fieldset == SessionFieldset.AllPersonalInformation || session.Participants.All(p => p.WithoutPersonalInformation() == p)
            ? session
            : session with { Participants = [.. session.Participants.Select(p => p.WithoutPersonalInformation())] };

    private static void Validate(Session session)
    {
        Require(session.ScheduleId, "scheduleId");
        Require(session.ScheduleOwnerId, "scheduleOwnerId");
        RequireTextIfGiven(session.Title, "title");
        SupportedTimes.CheckStart(session.Start, "start");
        SupportedTimes.CheckEnd(session.End, "end");
        if (session.End.Timestamp < session.Start.Timestamp)
        {
            throw SchedulingException.Invalid("end", $"The end ({session.End}) is before the start ({session.Start}).");
        }

        ValidateCommon(session.Tags, session.Capacity, session.Participants.Length);
        if (session.Participants.Any(p => string.IsNullOrWhiteSpace(p?.Id)) || session.Participants.Select(p => p.Id).Distinct().Count() != session.Participants.Length)
        {
            throw SchedulingException.Invalid("participants", "Every participant needs an id, and an id may appear once.");
        }

        ValidateDetails(session.ClientId, session.ServiceIds, session.FieldValues, session.Attachments, session.NoteLog);
    }

    /// <summary>Checks a series and returns the span end of its instances (null when it never ends).</summary>
    private static Instant? Validate(RecurringSession series)
    {
        Require(series.ScheduleId, "scheduleId");
        Require(series.ScheduleOwnerId, "scheduleOwnerId");
        RequireMember(series.Zone, "zone");
        RequireMember(series.Rule, "rule");
        RequireTextIfGiven(series.Title, "title");
        SupportedTimes.CheckStart(series.Start, "start");
        SupportedTimes.CheckDuration(series.Duration, "duration");
        CheckUntilAfterStart(series);
        SeriesDates.Check(series);
        if (series.IsAllDay)
        {
            AllDay.Check(series);
        }

        ValidateCommon(series.Tags, series.Capacity, 0);
        ValidateDetails(series.ClientId, series.ServiceIds, series.FieldValues, series.Attachments, series.NoteLog);
        try
        {
            return series.IsAllDay
                ? Rules.SpanEnd(AllDay.SetOf(series), series.Duration + AllDay.Slack)
                : Rules.SpanEnd(new RecurrenceSet(series.Start, series.Zone, series.Rule, SeriesDates.OrEmpty(series.ExtraDates), SeriesDates.OrEmpty(series.ExceptionDates)), series.Duration);
        }
        catch (RecurrenceException exception)
        {
            // The engine names a rule part for a rule problem (an all-day series' set refused is its rule too); without
            // one it refused the start (a fraction of a second).
            var field = exception.Error.Part is not null || (series.IsAllDay && exception.Error.Code == RecurrenceErrorCode.InvalidSet) ? "rule" : "start";
            throw SchedulingException.InvalidRule(exception, field);
        }
    }

    private static void ValidateCommon(ImmutableArray<string> tags, int? capacity, int participants)
    {
        if (tags.Any(string.IsNullOrWhiteSpace))
        {
            throw SchedulingException.Invalid("tags", "Tags must not be empty.");
        }

        if (capacity is < 0)
        {
            throw SchedulingException.Invalid("capacity", "The capacity must not be negative.");
        }

        if (capacity is int limit && participants > limit)
        {
            throw SchedulingException.Invalid("participants", $"{participants} participants do not fit a capacity of {limit}.");
        }
    }

    /// <summary>Checks the shape of the client, services, field values, attachments and notes (a workspace checks field values against its definitions).</summary>
    private static void ValidateDetails(
        string? clientId,
        ImmutableArray<string> serviceIds,
        ImmutableArray<FieldValue> fieldValues,
        ImmutableArray<Attachment> attachments,
        ImmutableArray<SessionNote> noteLog)
    {
        if (clientId is not null && string.IsNullOrWhiteSpace(clientId))
        {
            throw SchedulingException.Invalid("clientId", "A client id must not be empty: give one, or null for no client.");
        }

        if (serviceIds.Any(string.IsNullOrWhiteSpace) || serviceIds.Distinct(StringComparer.Ordinal).Count() != serviceIds.Length)
        {
            throw SchedulingException.Invalid("serviceIds", "Service ids must not be empty, and an id may appear once.");
        }

        if (fieldValues.Any(v => v is null) || fieldValues.Select(v => v.FieldId).Distinct(StringComparer.Ordinal).Count() != fieldValues.Length)
        {
            throw SchedulingException.Invalid("fieldValues", "A session holds at most one value per field.");
        }

        if (attachments.Any(a => a is null) || attachments.Select(a => a.Id).Distinct(StringComparer.Ordinal).Count() != attachments.Length)
        {
            throw SchedulingException.Invalid("attachments", "Every attachment is given, and an attachment id may appear once.");
        }

        if (noteLog.Any(n => n is null) || noteLog.Select(n => n.Id).Distinct(StringComparer.Ordinal).Count() != noteLog.Length)
        {
            throw SchedulingException.Invalid("noteLog", "Every note is given, and a note id may appear once.");
        }
    }

    private static ImmutableArray<T> OrEmpty<T>(ImmutableArray<T> values) => values.IsDefault ? [] : values;

    /// <summary>The participants without the booking of a client the session is no longer for.</summary>
    private static ImmutableArray<Participant> WithoutClient(ImmutableArray<Participant> participants, string? clientId) =>
        clientId is null ? participants : participants.RemoveAll(p => p.Id == clientId);

    /// <summary>The participants with the client booked first, unless it is booked already (the client of a single session is a participant).</summary>
    private static ImmutableArray<Participant> WithClient(ImmutableArray<Participant> participants, string? clientId) =>
        string.IsNullOrWhiteSpace(clientId) || participants.Any(p => p?.Id == clientId) ? participants : participants.Insert(0, new Participant(clientId));

    /// <summary>A text a caller may leave out (null) but not give as empty or white space, such as a title.</summary>
    private static void RequireTextIfGiven(string? value, string field)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            throw SchedulingException.Invalid(field, $"'{field}' must not be empty or white space: give one, or leave it out.");
        }
    }

    /// <summary>
    /// Refuses a rule whose UNTIL lies before the series' start: such a series would hold its start alone (RFC 5545
    /// always counts DTSTART), which is never what a caller who wrote an end meant.
    /// </summary>
    private static void CheckUntilAfterStart(RecurringSession series)
    {
        if (series.Rule.Until is not { } until)
        {
            return;
        }

        var before = until.Kind switch
        {
            RecurrenceUntilKind.Date => until.Date < series.Start.Date,
            RecurrenceUntilKind.LocalDateTime => until.LocalDateTime < series.Start,
            _ => until.Instant < series.Start.InZoneLeniently(series.Zone).ToInstant(),
        };
        if (before)
        {
            throw SchedulingException.InvalidRule("UNTIL", $"UNTIL {until} is before the series' start {series.Start:uuuu-MM-dd'T'HH:mm:ss}: the series would hold its start alone.");
        }
    }

    /// <summary>A member of a request that must be given; a deserializer can leave even a required one null.</summary>
    private static void RequireMember(object? value, string field)
    {
        if (value is null)
        {
            throw SchedulingException.Invalid(field, $"'{field}' is required.");
        }
    }

    private static void Require(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw SchedulingException.Invalid(field, $"'{field}' is required.");
        }
    }

    private static string NewId() => Guid.NewGuid().ToString("N");

    private static void RequireId(string? id, string field = "id")
    {
        if (string.IsNullOrEmpty(id))
        {
            throw SchedulingException.Invalid(field, "An id is required.");
        }
    }
}
