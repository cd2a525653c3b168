namespace Scheduling;

/// <summary>
/// The one exception type of the Scheduling API: a machine-readable <see cref="Code"/>, and for invalid arguments
/// the <see cref="Field"/> at fault.
/// </summary>
public sealed class SchedulingException : Exception
{
    /// <summary>Creates an exception.</summary>
    /// <param name="code">What went wrong.</param>
    /// <param name="message">A sentence a person can read.</param>
    /// <param name="field">The argument, field or filter path at fault, if any (for example <c>filter.tags</c>).</param>
    /// <param name="innerException">The cause, if any.</param>
    public SchedulingException(SchedulingErrorCode code, string message, string? field = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        Field = field;
    }

    /// <summary>Gets what went wrong.</summary>
    public SchedulingErrorCode Code { get; }

    /// <summary>
    /// Gets the argument, field or filter path at fault, or null; for <see cref="SchedulingErrorCode.UnreadableRecord"/>,
    /// the id of the record that cannot be read.
    /// </summary>
    public string? Field { get; }

    internal static SchedulingException NotFound(string what, string id) =>
        new(SchedulingErrorCode.NotFound, $"{what} '{id}' was not found.", "id");

    internal static SchedulingException Invalid(string field, string message) =>
        new(SchedulingErrorCode.InvalidArgument, message, field);

    internal static SchedulingException Conflict(string message, string? field = null) =>
        new(SchedulingErrorCode.Conflict, message, field);

    internal static SchedulingException Unreadable(string what, string id, string reason, Exception? innerException = null) =>
        new(SchedulingErrorCode.UnreadableRecord, $"{what} '{id}' is stored in a form this version cannot read: {reason}", id, innerException);

    internal static SchedulingException Limit(string field, string message) =>
        new(SchedulingErrorCode.LimitExceeded, message, field);
}
