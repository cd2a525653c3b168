using NodaTime;
using Scheduling.Paging;
using Scheduling.Security;
using Scheduling.Stores;

namespace Scheduling.Sessions;

/// <summary>
/// The query entry points: checks a query's window and page size, opens and seals the cursors that carry it from
/// page to page, and lets the <see cref="SessionPager"/> read each page, continuing the previous page's work while
/// the stores report no change. Thread-safe.
/// </summary>
internal sealed class SessionQueries
{
    private readonly SchedulingOptions _options;
    private readonly SessionPager _pager;
    private readonly CursorCodec _cursors;
    private readonly PageContinuations _continuations = new();

    public SessionQueries(ISessionStore sessions, IRecurringSessionStore recurringSessions, ICursorKeyStore cursorKeys, SchedulingOptions options)
    {
        _options = options;
        _pager = new SessionPager(sessions, recurringSessions, options.MaxExaminedPerPage);
        _cursors = new CursorCodec(CursorKind.Sessions, new CursorKeyRing(options, cursorKeys));
    }

    /// <summary>The first page of a query whose caller may read it.</summary>
    /// <exception cref="SchedulingException">Invalid argument or limit exceeded for the window or the page size.</exception>
    public ValueTask<CursorPage<Session>> FirstAsync(CallerContext caller, SessionQuery query, CancellationToken cancellationToken)
    {
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

    /// <summary>The next page of the query a cursor carries; the caller's permissions are checked again.</summary>
    /// <exception cref="SchedulingException">Invalid argument for a malformed, altered or foreign cursor; permission denied.</exception>
    public async ValueTask<CursorPage<Session>> NextAsync(CallerContext caller, string cursor, CancellationToken cancellationToken)
    {
        var state = SessionCursor.FromPayload(await _cursors.OpenAsync(caller.TenantId, cursor, cancellationToken).ConfigureAwait(false));
        SessionVisibility.DemandRead(caller, state.Fieldset);
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
        var (items, position, continuation) = await _pager.PageAsync(
            caller.TenantId,
            from,
            to,
            filter,
            pageSize,
            after,
            (sessionsVersion, seriesVersion) => cursor is null ? null : _continuations.TakeCopy(cursor, caller.TenantId, sessionsVersion, seriesVersion),
            cancellationToken).ConfigureAwait(false);
        string? next = null;
        if (position is { } last)
        {
            next = await _cursors.SealAsync(caller.TenantId, new SessionCursor(from, to, filter.ToJson(), fieldset, pageSize, last.Start, last.Id).ToPayload(), cancellationToken).ConfigureAwait(false);
            if (continuation is not null)
            {
                _continuations.Keep(next, continuation);
            }
        }

        return new CursorPage<Session>([.. items.Select(s => SessionVisibility.Shape(s, fieldset))], next is not null, next);
    }
}
