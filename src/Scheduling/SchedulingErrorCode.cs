namespace Scheduling;

/// <summary>
/// What went wrong, in a form a host can map to its own protocol (the HTTP status in brackets is the one
/// <see cref="SchedulingErrorCodes.ToHttpStatusCode"/> gives).
/// </summary>
public enum SchedulingErrorCode
{
    /// <summary>The thing does not exist, or belongs to another tenant (404).</summary>
    NotFound = 0,

    /// <summary>The caller is known but lacks a permission (403).</summary>
    PermissionDenied = 1,

    /// <summary>The caller is anonymous and the call needs a permission anonymous callers do not have (401).</summary>
    Unauthenticated = 2,

    /// <summary>An argument is invalid; <see cref="SchedulingException.Field"/> names it (400).</summary>
    InvalidArgument = 3,

    /// <summary>The expected revision is stale, or the change conflicts with the current state, such as a full session (409).</summary>
    Conflict = 4,

    /// <summary>
    /// A request exceeds a fixed limit, such as the query window, the page size, a list of ids, a batch, a filter or a
    /// payload's texts and lists (422): well formed, but more than one call does; ask for less.
    /// </summary>
    LimitExceeded = 5,

    /// <summary>
    /// A stored record cannot be read by this version of the library (500): its body was written by a later version,
    /// edited by hand or broken, names a time zone the tz database no longer has, or holds a rule or value the library
    /// refuses. <see cref="SchedulingException.Field"/> holds the id of the record (a session, a recurring session, or
    /// the instance an override belongs to). Only calls that need the record fail; deleting it works without reading it.
    /// </summary>
    UnreadableRecord = 6,
}
