using System.Collections.Immutable;
using NodaTime;
using Scheduling.Paging;
using Scheduling.Stores;

namespace Scheduling.Sessions;

/// <summary>
/// Pages through the instance overrides of one series in order of identity start, with a signed cursor that carries
/// the series, the fieldset, the page size and the last identity start. The caller's permissions are checked by
/// <see cref="SessionService"/> before every page; participants are shaped here as every session read shapes them.
/// </summary>
/// <remarks>
/// Each page reads the series with its overrides (<see cref="IRecurringSessionStore.FindAsync"/>) and returns at most
/// a page of them: the page bounds what is returned and shaped, the store's read is that of the series itself.
/// </remarks>
internal sealed class InstanceOverridePager(IRecurringSessionStore store, CursorCodec cursors, SchedulingOptions options)
{
    /// <summary>The first page of a query.</summary>
    public ValueTask<CursorPage<InstanceOverride>> FirstAsync(string tenantId, InstanceOverrideQuery query, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(query.RecurringSessionId))
        {
            throw SchedulingException.Invalid("recurringSessionId", "A recurring session id is required.");
        }

        var pageSize = query.PageSize ?? options.DefaultPageSize;
        if (pageSize < 1 || pageSize > options.MaxPageSize)
        {
            throw SchedulingException.Limit("pageSize", $"The page size must be between 1 and {options.MaxPageSize}; {pageSize} was asked for.");
        }

        return PageAsync(tenantId, query.RecurringSessionId, query.Fieldset, pageSize, after: null, cancellationToken);
    }

    /// <summary>Opens a cursor (checking its signature and tenant) without reading anything else.</summary>
    public async ValueTask<InstanceOverrideCursor> OpenAsync(string tenantId, string cursor, CancellationToken cancellationToken) =>
        InstanceOverrideCursor.FromPayload(await cursors.OpenAsync(tenantId, cursor, cancellationToken).ConfigureAwait(false));

    /// <summary>The page after the one a cursor was issued with.</summary>
    public ValueTask<CursorPage<InstanceOverride>> NextAsync(string tenantId, InstanceOverrideCursor state, CancellationToken cancellationToken) =>
        PageAsync(tenantId, state.RecurringSessionId, state.Fieldset, state.PageSize, state.AfterIdentityStart, cancellationToken);

    private async ValueTask<CursorPage<InstanceOverride>> PageAsync(
        string tenantId,
        string seriesId,
        SessionFieldset fieldset,
        int pageSize,
        LocalDateTime? after,
        CancellationToken cancellationToken)
    {
        var record = await store.FindAsync(tenantId, seriesId, cancellationToken).ConfigureAwait(false)
            ?? throw SchedulingException.NotFound("Recurring session", seriesId);
        var items = record.Overrides.Values
            .Where(o => after is not LocalDateTime last || o.IdentityStart > last)
            .OrderBy(o => o.IdentityStart)
            .Take(pageSize + 1)
            .ToList();
        var hasNext = items.Count > pageSize;
        if (hasNext)
        {
            items.RemoveAt(pageSize);
        }

        var next = hasNext
            ? await cursors.SealAsync(tenantId, new InstanceOverrideCursor(seriesId, fieldset, pageSize, items[^1].IdentityStart).ToPayload(), cancellationToken).ConfigureAwait(false)
            : null;
        return new CursorPage<InstanceOverride>([.. items.Select(o => Shape(o, fieldset))], hasNext, next);
    }

    /// <summary>The override as a caller with <paramref name="fieldset"/> may see it: participants without personal information unless asked for.</summary>
    private static InstanceOverride Shape(InstanceOverride value, SessionFieldset fieldset) =>
        fieldset == SessionFieldset.AllPersonalInformation || value.Participants.All(p => p.WithoutPersonalInformation() == p)
            ? value
            : value with { Participants = [.. value.Participants.Select(p => p.WithoutPersonalInformation())] };
}
