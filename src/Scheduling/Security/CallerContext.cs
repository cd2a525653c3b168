using System.Collections.Immutable;

namespace Scheduling.Security;

/// <summary>
/// Who makes a call, for which tenant, with which permissions. Every API call takes one; a store never sees it, and
/// a cursor never carries it, so what a caller may see always comes from the caller.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class CallerContext
{
    private CallerContext(string tenantId, CallerKind kind, string? callerId, ImmutableHashSet<string> permissions, bool isElevated)
    {
        TenantId = tenantId;
        Kind = kind;
        CallerId = callerId;
        Permissions = permissions;
        IsElevated = isElevated;
    }

    /// <summary>Gets the tenant every read and write of the call is confined to.</summary>
    public string TenantId { get; }

    /// <summary>Gets who is calling.</summary>
    public CallerKind Kind { get; }

    /// <summary>Gets the caller's own id (a member or staff id), or null.</summary>
    public string? CallerId { get; }

    /// <summary>Gets the permissions granted to the caller.</summary>
    public ImmutableHashSet<string> Permissions { get; }

    /// <summary>Gets a value indicating whether the host elevated this call (the HTTP API's <c>suppressAuth</c>): every permission holds.</summary>
    public bool IsElevated { get; }

    /// <summary>The trusted host acting for a tenant: every permission holds.</summary>
    /// <exception cref="SchedulingException"><see cref="SchedulingErrorCode.InvalidArgument"/> on <c>tenantId</c>: null, empty, white space, or holding a lone surrogate.</exception>
    public static CallerContext Host(string tenantId) => new(CheckTenant(tenantId), CallerKind.Host, null, [], isElevated: false);

    /// <summary>An anonymous caller with the given permissions (often none, or just <see cref="Security.Permissions.SessionsView"/>).</summary>
    /// <exception cref="SchedulingException">
    /// <see cref="SchedulingErrorCode.InvalidArgument"/> on <c>tenantId</c> (null, empty or white space) or
    /// <c>permissions</c> (a null or empty permission).
    /// </exception>
    /// <exception cref="ArgumentNullException"><paramref name="permissions"/> is null.</exception>
    public static CallerContext Anonymous(string tenantId, params string[] permissions) =>
        new(CheckTenant(tenantId), CallerKind.Anonymous, null, CheckPermissions(permissions), isElevated: false);

    /// <summary>A signed-in member with the given permissions.</summary>
    /// <exception cref="SchedulingException">
    /// <see cref="SchedulingErrorCode.InvalidArgument"/> on <c>tenantId</c> or <c>memberId</c> (null, empty or white
    /// space) or <c>permissions</c> (a null or empty permission).
    /// </exception>
    /// <exception cref="ArgumentNullException"><paramref name="permissions"/> is null.</exception>
    public static CallerContext Member(string tenantId, string memberId, params string[] permissions) =>
        new(CheckTenant(tenantId), CallerKind.Member, CheckId(memberId, nameof(memberId)), CheckPermissions(permissions), isElevated: false);

    /// <summary>A signed-in member of staff with the given permissions.</summary>
    /// <exception cref="SchedulingException">
    /// <see cref="SchedulingErrorCode.InvalidArgument"/> on <c>tenantId</c> or <c>staffId</c> (null, empty or white
    /// space) or <c>permissions</c> (a null or empty permission).
    /// </exception>
    /// <exception cref="ArgumentNullException"><paramref name="permissions"/> is null.</exception>
    public static CallerContext Staff(string tenantId, string staffId, params string[] permissions) =>
        new(CheckTenant(tenantId), CallerKind.Staff, CheckId(staffId, nameof(staffId)), CheckPermissions(permissions), isElevated: false);

    /// <summary>
    /// This caller with every permission, for one call the host decides to trust (the HTTP API's <c>suppressAuth</c>).
    /// The tenant stays the same: elevation never crosses tenants.
    /// </summary>
    public CallerContext Elevate() => new(TenantId, Kind, CallerId, Permissions, isElevated: true);

    /// <summary>Whether the caller holds <paramref name="permission"/>.</summary>
    public bool Has(string permission) => IsElevated || Kind == CallerKind.Host || Permissions.Contains(permission);

    /// <summary>Throws unless the caller holds <paramref name="permission"/>: unauthenticated for anonymous callers, permission denied otherwise.</summary>
    /// <exception cref="SchedulingException">The caller lacks the permission.</exception>
    public void Demand(string permission)
    {
        if (Has(permission))
        {
            return;
        }

        throw Kind == CallerKind.Anonymous
            ? new SchedulingException(SchedulingErrorCode.Unauthenticated, $"Sign in: this call needs the '{permission}' permission.")
            : new SchedulingException(SchedulingErrorCode.PermissionDenied, $"This call needs the '{permission}' permission.");
    }

    private static string CheckTenant(string tenantId)
    {
        if (string.IsNullOrWhiteSpace(tenantId))
        {
            throw SchedulingException.Invalid("tenantId", "A tenant id is required.");
        }

        // Stores keep the tenant as UTF-8 text, which has no form for half a surrogate pair.
        return Querying.FilterText.FindLoneSurrogate(tenantId) is int at
            ? throw SchedulingException.Invalid("tenantId", $"The tenant id is not valid text: a lone surrogate at character {at}.")
            : tenantId;
    }

    private static string CheckId(string id, string field) => string.IsNullOrWhiteSpace(id)
        ? throw SchedulingException.Invalid(field, "A caller id is required.")
        : id;

    private static ImmutableHashSet<string> CheckPermissions(string[] permissions)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        return permissions.Any(string.IsNullOrWhiteSpace)
            ? throw SchedulingException.Invalid("permissions", "A permission must not be null or empty.")
            : [.. permissions];
    }
}
