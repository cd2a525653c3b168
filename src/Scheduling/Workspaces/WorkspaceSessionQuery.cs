using System.Collections.Immutable;
using Scheduling.Sessions;

namespace Scheduling.Workspaces;

/// <summary>
/// What a workspace's session list asks for (the HTTP API's <c>GET /v1/workspace/:workspaceId/sessions</c>): sessions
/// for a client, with any of some services, with a staff member, in a date range, with a lifecycle status; every
/// condition given must hold. Sorted by start, then id.
/// </summary>
/// <remarks>
/// The range has overlap semantics: a session is listed when it starts before <see cref="DateTo"/> and ends after
/// <see cref="DateFrom"/>. It may be at most <see cref="SchedulingOptions.MaxQueryWindow"/> long, like every
/// sessions query. Without <see cref="DateFrom"/> it starts <see cref="SchedulingOptions.MaxQueryWindow"/> before
/// <see cref="DateTo"/>, or, without either, at the start of today in the workspace's zone; without
/// <see cref="DateTo"/> it ends <see cref="SchedulingOptions.MaxQueryWindow"/> after its start.
/// </remarks>
public sealed record WorkspaceSessionQuery
{
    /// <summary>Gets the client the sessions are for, or null for any.</summary>
    public string? ClientId { get; init; }

    /// <summary>Gets the services of which a session must provide at least one; empty for any.</summary>
    public ImmutableArray<string> ServiceIds { get; init; } = [];

    /// <summary>Gets the staff member whose schedule holds the sessions, or null for any.</summary>
    public string? StaffId { get; init; }

    /// <summary>Gets the start of the range (see remarks), or null.</summary>
    public DateBound? DateFrom { get; init; }

    /// <summary>Gets the end of the range, exclusive (see remarks), or null.</summary>
    public DateBound? DateTo { get; init; }

    /// <summary>
    /// Gets the lifecycle status the sessions must have now, or null for every status, cancelled included. The status
    /// is evaluated at the instant of the first page, and every later page uses that instant.
    /// </summary>
    public LifecycleStatus? Status { get; init; }

    /// <summary>Gets the page size, or null for <see cref="SchedulingOptions.DefaultPageSize"/>.</summary>
    public int? PageSize { get; init; }

    /// <summary>
    /// The query the HTTP API's parameters describe, read as they arrive in a query string: <paramref name="serviceIds"/>
    /// comma-separated (<c>id1,id2</c>; blanks around ids ignored), the dates in ISO 8601 (see <see cref="DateBound"/>),
    /// the status as <c>scheduled</c>, <c>in-progress</c>, <c>completed</c> or <c>cancelled</c>. Null or empty
    /// parameters are left out.
    /// </summary>
    /// <exception cref="SchedulingException">Invalid argument naming the parameter at fault (<c>dateFrom</c>, <c>dateTo</c>, <c>status</c>, <c>serviceIds</c>).</exception>
    public static WorkspaceSessionQuery FromParameters(
        string? clientId = null,
        string? serviceIds = null,
        string? dateFrom = null,
        string? dateTo = null,
        string? status = null)
    {
        LifecycleStatus? lifecycle = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            lifecycle = SessionLifecycle.TryParse(status.Trim(), out var parsed)
                ? parsed
                : throw SchedulingException.Invalid("status", $"'{status}' is not a status: use scheduled, in-progress, completed or cancelled.");
        }

        ImmutableArray<string> services = [];
        if (!string.IsNullOrWhiteSpace(serviceIds))
        {
            services = [.. serviceIds.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)];
            if (services.IsEmpty)
            {
                throw SchedulingException.Invalid("serviceIds", $"'{serviceIds}' names no service: give ids separated by commas.");
            }
        }

        return new WorkspaceSessionQuery
        {
            ClientId = string.IsNullOrWhiteSpace(clientId) ? null : clientId.Trim(),
            ServiceIds = services,
            DateFrom = Bound(dateFrom, "dateFrom"),
            DateTo = Bound(dateTo, "dateTo"),
            Status = lifecycle,
        };
    }

    private static DateBound? Bound(string? text, string parameter) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateBound.TryParse(text, out var bound) ? bound
        : throw SchedulingException.Invalid(parameter, $"'{text}' is not an ISO 8601 date-time (2025-03-09T10:00:00Z, 2025-03-09T10:00:00 in the workspace's zone) or date (2025-03-09).");
}
