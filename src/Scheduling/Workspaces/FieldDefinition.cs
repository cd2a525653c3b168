using System.Collections.Immutable;
using Scheduling.Sessions;

namespace Scheduling.Workspaces;

/// <summary>
/// A custom field a workspace defines for its sessions: its id, the label people see, its kind, the values a choice
/// offers, and whether every session must have it. The host owns the definitions and hands them over with the
/// <see cref="Workspace"/>; sessions hold <see cref="FieldValue"/>s.
/// </summary>
/// <remarks>Validated at construction. Immutable and thread-safe.</remarks>
public sealed record FieldDefinition
{
    /// <summary>Creates a definition.</summary>
    /// <param name="id">The field's id, unique in its workspace.</param>
    /// <param name="label">The name people see, such as "Referral date".</param>
    /// <param name="kind">The kind of value it takes.</param>
    /// <param name="choices">For <see cref="FieldKind.Choice"/>: the values it offers (at least one, each once); for other kinds none.</param>
    /// <exception cref="SchedulingException">
    /// <see cref="SchedulingErrorCode.InvalidArgument"/> naming the parameter: the id or label is empty; the kind is
    /// not defined; a choice field offers no value, an empty one or the same one twice; another kind offers choices.
    /// </exception>
    public FieldDefinition(string id, string label, FieldKind kind, IEnumerable<string>? choices = null)
    {
        Id = string.IsNullOrWhiteSpace(id) ? throw SchedulingException.Invalid(nameof(id), "A field needs an id.") : id;
        Label = string.IsNullOrWhiteSpace(label) ? throw SchedulingException.Invalid(nameof(label), "A field needs a label.") : label;
        Kind = Enum.IsDefined(kind) ? kind : throw SchedulingException.Invalid(nameof(kind), $"{kind} is not a field kind.");
        Choices = choices is null ? [] : [.. choices];
        if (kind == FieldKind.Choice
            && (Choices.IsEmpty || Choices.Any(string.IsNullOrWhiteSpace) || Choices.Distinct(StringComparer.Ordinal).Count() != Choices.Length))
        {
            throw SchedulingException.Invalid(nameof(choices), $"Choice field '{id}' needs one or more non-empty choices, each once.");
        }

        if (kind != FieldKind.Choice && !Choices.IsEmpty)
        {
            throw SchedulingException.Invalid(nameof(choices), $"Only a choice field offers choices; '{id}' is a {kind} field.");
        }
    }

    /// <summary>Gets the field's id, unique in its workspace.</summary>
    public string Id { get; }

    /// <summary>Gets the name people see.</summary>
    public string Label { get; }

    /// <summary>Gets the kind of value the field takes.</summary>
    public FieldKind Kind { get; }

    /// <summary>Gets the values a choice field offers (compared exactly); empty for other kinds.</summary>
    public ImmutableArray<string> Choices { get; }

    /// <summary>Gets a value indicating whether every session written through the workspace must have a value for it.</summary>
    public bool IsRequired { get; init; }

    /// <summary>Why <paramref name="value"/> does not fit this field, or null when it does.</summary>
    internal string? ProblemWith(FieldValue value) =>
        value.Kind != Kind ? $"Field '{Id}' takes {Describe(Kind)}; {Describe(value.Kind)} was given."
        : Kind == FieldKind.Choice && !Choices.Contains(value.Text!) ? $"Field '{Id}' offers {string.Join(", ", Choices.Select(c => $"'{c}'"))}; '{value.Text}' is not one of them."
        : null;

    private static string Describe(FieldKind kind) => kind switch
    {
        FieldKind.Text => "text",
        FieldKind.Number => "a number",
        FieldKind.Boolean => "yes or no",
        FieldKind.Date => "a date",
        _ => "a choice",
    };
}
