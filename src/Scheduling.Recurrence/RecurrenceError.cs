namespace Scheduling.Recurrence;

/// <summary>
/// A precise description of why a recurrence rule or set is invalid: a machine-readable code, the rule part it is
/// about, and the character position in the rule text when there is one.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class RecurrenceError
{
    /// <summary>Creates an error.</summary>
    /// <param name="code">What went wrong.</param>
    /// <param name="message">A sentence a person can read, naming the part and the value.</param>
    /// <param name="part">The rule part it is about (for example <c>BYMONTHDAY</c>), if any.</param>
    /// <param name="position">The zero-based character position in the rule text, if the error came from parsing.</param>
    public RecurrenceError(RecurrenceErrorCode code, string message, string? part = null, int? position = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        Code = code;
        Message = message;
        Part = part;
        Position = position;
    }

    /// <summary>Gets what went wrong.</summary>
    public RecurrenceErrorCode Code { get; }

    /// <summary>Gets a sentence a person can read.</summary>
    public string Message { get; }

    /// <summary>Gets the rule part the error is about, such as <c>FREQ</c> or <c>BYDAY</c>, or null.</summary>
    public string? Part { get; }

    /// <summary>Gets the zero-based character position in the parsed text, or null when the error did not come from parsing.</summary>
    public int? Position { get; }

    /// <inheritdoc />
    public override string ToString() => Message;
}
