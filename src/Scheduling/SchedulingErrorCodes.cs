namespace Scheduling;

/// <summary>The mapping of <see cref="SchedulingErrorCode"/> to protocol statuses, written once for every host.</summary>
public static class SchedulingErrorCodes
{
    /// <summary>
    /// The HTTP status a host answers for <paramref name="code"/> (RFC 9110 section 15).
    /// </summary>
    /// <remarks>
    /// <list type="table">
    /// <listheader><term>Code</term><description>Status</description></listheader>
    /// <item><term><see cref="SchedulingErrorCode.NotFound"/></term><description>404 Not Found</description></item>
    /// <item><term><see cref="SchedulingErrorCode.PermissionDenied"/></term><description>403 Forbidden</description></item>
    /// <item><term><see cref="SchedulingErrorCode.Unauthenticated"/></term><description>401 Unauthorized</description></item>
    /// <item><term><see cref="SchedulingErrorCode.InvalidArgument"/></term><description>400 Bad Request</description></item>
    /// <item><term><see cref="SchedulingErrorCode.Conflict"/></term><description>409 Conflict</description></item>
    /// <item><term><see cref="SchedulingErrorCode.LimitExceeded"/></term><description>422 Unprocessable Content</description></item>
    /// <item><term><see cref="SchedulingErrorCode.UnreadableRecord"/></term><description>500 Internal Server Error</description></item>
    /// </list>
    /// <para>
    /// <see cref="SchedulingErrorCode.Conflict"/> covers both a stale expected revision and a change the current
    /// state refuses (a full or cancelled session): the revision is an argument of the call, not an HTTP
    /// precondition, so both are 409 and the body's field tells them apart (<c>expectedRevision</c>, <c>capacity</c>,
    /// <c>status</c>). A host that carries the revision in <c>If-Match</c> may answer 412 for the first itself.
    /// </para>
    /// <para>
    /// <see cref="SchedulingErrorCode.LimitExceeded"/> is a request larger than a fixed bound (a query window, a page,
    /// a list of ids, a batch, a filter, a text or a list in a payload): well formed, but more than this host does in
    /// one call. It is not a rate (429 would invite the same request again later, which fails the same way) and not
    /// always a body (413 would mislead for a window or a page size in the query string), so it is 422, and the
    /// caller has to ask for less.
    /// </para>
    /// <para>
    /// <see cref="SchedulingErrorCode.UnreadableRecord"/> is a stored record this version cannot read: not the
    /// caller's fault, so a server error. A value that is not a defined code also maps to 500, so that mapping an
    /// error never throws.
    /// </para>
    /// </remarks>
    /// <param name="code">The code of a <see cref="SchedulingException"/>.</param>
    /// <returns>The status, from 400 to 599.</returns>
    public static int ToHttpStatusCode(this SchedulingErrorCode code) => code switch
    {
        SchedulingErrorCode.NotFound => 404,
        SchedulingErrorCode.PermissionDenied => 403,
        SchedulingErrorCode.Unauthenticated => 401,
        SchedulingErrorCode.InvalidArgument => 400,
        SchedulingErrorCode.Conflict => 409,
        SchedulingErrorCode.LimitExceeded => 422,
        SchedulingErrorCode.UnreadableRecord => 500,
        _ => 500,
    };
}
