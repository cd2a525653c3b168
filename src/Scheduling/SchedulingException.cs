using Scheduling.Recurrence;

namespace Scheduling;

/// <summary>
/// The one exception type of the Scheduling API: a machine-readable <see cref="Code"/>, and for invalid arguments
/// the <see cref="Field"/> at fault (with the rule <see cref="Part"/> and text <see cref="Position"/> for a
/// recurrence rule).
/// </summary>
/// <remarks>
/// <para>
/// What a caller sends is checked, and everything wrong in it is a <see cref="SchedulingException"/>: an empty, null
/// or unknown id, a member of a request that is null or out of range (<c>rule</c>, <c>zone</c>, <c>start</c>,
/// <c>participant.id</c>, ...), rule text that does not parse or a rule the engine refuses (with the part and
/// position), a zone id the tz database does not know, a filter, sort or cursor that does not read, a request over a
/// limit. <see cref="SchedulingErrorCodes.ToHttpStatusCode"/> maps each code to an HTTP status.
/// </para>
/// <para>
/// Two kinds of mistake are not values and keep the .NET exceptions, because they are bugs in the calling code, not
/// input to report back: a null passed for a whole argument of a public method or constructor that needs an object
/// (the caller, the request, the query, a list, a zone object, a store) is an <see cref="ArgumentNullException"/>; and
/// configuration refused when the services are built or registered (<see cref="SchedulingOptions.Validate"/>,
/// <see cref="PayloadLimits"/>, cursor keys, the registration builder, a filter schema's field names) is an
/// <see cref="ArgumentException"/> at start-up, never later. A text argument (an id, a note's text) is a value:
/// null or empty, it is <see cref="SchedulingErrorCode.InvalidArgument"/> naming it.
/// </para>
/// <para>This type is immutable; it is thread-safe as far as <see cref="Exception"/> is.</para>
/// </remarks>
public sealed class SchedulingException : Exception
{
    /// <summary>Creates an exception.</summary>
    /// <param name="code">What went wrong.</param>
    /// <param name="message">A sentence a person can read.</param>
    /// <param name="field">The argument, field or filter path at fault, if any (for example <c>filter.tags</c>).</param>
    /// <param name="innerException">The cause, if any.</param>
    public SchedulingException(SchedulingErrorCode code, string message, string? field = null, Exception? innerException = null)
        : this(code, message, field, part: null, position: null, innerException)
    {
    }

    /// <summary>Creates an exception about a recurrence rule, naming the rule part and the text position at fault.</summary>
    /// <param name="code">What went wrong.</param>
    /// <param name="message">A sentence a person can read.</param>
    /// <param name="field">The argument or field at fault, such as <c>rule</c>.</param>
    /// <param name="part">The rule part at fault, such as <c>BYDAY</c>, if any.</param>
    /// <param name="position">The zero-based character position in the rule text, if the problem was found parsing it.</param>
    /// <param name="innerException">The cause, if any (a <see cref="RecurrenceException"/> for an engine error).</param>
    public SchedulingException(SchedulingErrorCode code, string message, string? field, string? part, int? position, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        Field = field;
        Part = part;
        Position = position;
    }

    /// <summary>Gets what went wrong.</summary>
    public SchedulingErrorCode Code { get; }

    /// <summary>
    /// Gets the argument, field or filter path at fault, or null; for <see cref="SchedulingErrorCode.UnreadableRecord"/>,
    /// the id of the record that cannot be read.
    /// </summary>
    public string? Field { get; }

    /// <summary>
    /// Gets the recurrence rule part at fault (<c>FREQ</c>, <c>BYDAY</c>, <c>UNTIL</c>, ...) when <see cref="Field"/>
    /// is a rule and the engine named one (<see cref="RecurrenceError.Part"/>), or null.
    /// </summary>
    public string? Part { get; }

    /// <summary>
    /// Gets the zero-based character position in the rule text when the problem was found parsing it
    /// (<see cref="RecurrenceError.Position"/>), or null.
    /// </summary>
    public int? Position { get; }

    internal static SchedulingException NotFound(string what, string id) =>
        new(SchedulingErrorCode.NotFound, $"{what} '{id}' was not found.", "id");

    internal static SchedulingException Invalid(string field, string message) =>
        new(SchedulingErrorCode.InvalidArgument, message, field);

    /// <summary>A recurrence rule the engine refused, on <paramref name="field"/>, with the engine's part and position.</summary>
    internal static SchedulingException InvalidRule(RecurrenceException exception, string field = "rule") =>
        new(SchedulingErrorCode.InvalidArgument, exception.Message, field, exception.Error.Part, exception.Error.Position, exception);

    /// <summary>A rule the sessions API refuses itself (such as UNTIL before the start), naming the part.</summary>
    internal static SchedulingException InvalidRule(string part, string message) =>
        new(SchedulingErrorCode.InvalidArgument, message, "rule", part, position: null);

    internal static SchedulingException Conflict(string message, string? field = null) =>
        new(SchedulingErrorCode.Conflict, message, field);

    internal static SchedulingException Unreadable(string what, string id, string reason, Exception? innerException = null) =>
        new(SchedulingErrorCode.UnreadableRecord, $"{what} '{id}' is stored in a form this version cannot read: {reason}", id, innerException);

    internal static SchedulingException Limit(string field, string message) =>
        new(SchedulingErrorCode.LimitExceeded, message, field);
}
