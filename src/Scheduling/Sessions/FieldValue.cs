using NodaTime;

namespace Scheduling.Sessions;

/// <summary>
/// The value of one custom field on a session: the field's id, its kind, and a value of that kind. Workspaces define
/// the fields (<see cref="Workspaces.FieldDefinition"/>); <see cref="Workspaces.WorkspaceSessionService"/> checks
/// values against those definitions when it writes them.
/// </summary>
/// <remarks>
/// Exactly one of <see cref="Text"/>, <see cref="Number"/>, <see cref="Boolean"/> and <see cref="Date"/> is set,
/// the one <see cref="Kind"/> says (a choice is text). Built only through the <c>Of...</c> factories, which validate,
/// so a value is always well formed. Immutable and thread-safe; equal when field, kind and value are equal.
/// </remarks>
public sealed record FieldValue
{
    private FieldValue(string fieldId, FieldKind kind)
    {
        if (string.IsNullOrWhiteSpace(fieldId))
        {
            throw SchedulingException.Invalid(nameof(fieldId), "A field value needs the id of its field.");
        }

        FieldId = fieldId;
        Kind = kind;
    }

    /// <summary>Gets the id of the field (as the workspace defines it).</summary>
    public string FieldId { get; }

    /// <summary>Gets the kind of value.</summary>
    public FieldKind Kind { get; }

    /// <summary>Gets the text of a <see cref="FieldKind.Text"/> or <see cref="FieldKind.Choice"/> value; otherwise null.</summary>
    public string? Text { get; private init; }

    /// <summary>Gets the number of a <see cref="FieldKind.Number"/> value; otherwise null.</summary>
    public decimal? Number { get; private init; }

    /// <summary>Gets the flag of a <see cref="FieldKind.Boolean"/> value; otherwise null.</summary>
    public bool? Boolean { get; private init; }

    /// <summary>Gets the date of a <see cref="FieldKind.Date"/> value; otherwise null.</summary>
    public LocalDate? Date { get; private init; }

    /// <summary>A text value (may be empty).</summary>
    /// <exception cref="SchedulingException"><see cref="SchedulingErrorCode.InvalidArgument"/> on <c>fieldId</c> (null, empty or white space) or <c>text</c> (null).</exception>
    public static FieldValue OfText(string fieldId, string text) =>
        new(fieldId, FieldKind.Text) { Text = text ?? throw SchedulingException.Invalid(nameof(text), "A text value must not be null: give an empty text for none.") };

    /// <summary>A number value.</summary>
    /// <exception cref="SchedulingException"><see cref="SchedulingErrorCode.InvalidArgument"/> on <c>fieldId</c>: null, empty or white space.</exception>
    public static FieldValue OfNumber(string fieldId, decimal number) => new(fieldId, FieldKind.Number) { Number = number };

    /// <summary>A yes-or-no value.</summary>
    /// <exception cref="SchedulingException"><see cref="SchedulingErrorCode.InvalidArgument"/> on <c>fieldId</c>: null, empty or white space.</exception>
    public static FieldValue OfBoolean(string fieldId, bool flag) => new(fieldId, FieldKind.Boolean) { Boolean = flag };

    /// <summary>A date value.</summary>
    /// <exception cref="SchedulingException"><see cref="SchedulingErrorCode.InvalidArgument"/> on <c>fieldId</c>: null, empty or white space.</exception>
    public static FieldValue OfDate(string fieldId, LocalDate date) => new(fieldId, FieldKind.Date) { Date = date };

    /// <summary>A choice: one of the values the field's definition lists (checked when written through a workspace).</summary>
    /// <exception cref="SchedulingException"><see cref="SchedulingErrorCode.InvalidArgument"/> on <c>fieldId</c> or <c>choice</c>: null, empty or white space.</exception>
    public static FieldValue OfChoice(string fieldId, string choice) => string.IsNullOrWhiteSpace(choice)
        ? throw SchedulingException.Invalid(nameof(choice), "A choice must not be empty.")
        : new(fieldId, FieldKind.Choice) { Text = choice };

    /// <summary>The field id and the value, for messages: <c>referral-date = 2025-03-01</c>.</summary>
    public override string ToString() => $"{FieldId} = {Kind switch
    {
        FieldKind.Number => Number!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        FieldKind.Boolean => Boolean!.Value ? "true" : "false",
        FieldKind.Date => NodaTime.Text.LocalDatePattern.Iso.Format(Date!.Value),
        _ => Text,
    }}";
}
