using System.Collections.Frozen;
using System.Collections.Immutable;
using NodaTime;

namespace Scheduling.Querying;

/// <summary>
/// The fields a filter may name for one kind of item, and the filter language over them: parsing the JSON form
/// (<c>{"tags":{"$hasSome":["yoga"]},"$or":[...]}</c>), checking a tree built in code, writing the canonical JSON
/// back, and evaluating a tree against an item. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Every filter is within <see cref="FilterLimits"/>, however it was made: the JSON reader stops at the first node,
/// value or character over a limit, and a tree built in code is measured as it is built. Parsing the canonical JSON of
/// a filter this schema accepts gives an equal filter back.
/// </remarks>
/// <typeparam name="TItem">The type of item filtered.</typeparam>
public sealed class FilterSchema<TItem>
{
    /// <summary>The deepest nesting a filter may have (<see cref="FilterLimits.MaxDepth"/>).</summary>
    public const int MaxDepth = FilterLimits.MaxDepth;

    /// <summary>The most nodes and values a filter may hold in all (<see cref="FilterLimits.MaxNodes"/>).</summary>
    public const int MaxSize = FilterLimits.MaxNodes;

    private readonly FrozenDictionary<string, FilterField<TItem>> _fields;

    /// <summary>Creates a schema.</summary>
    /// <exception cref="ArgumentException">Two fields share a name.</exception>
    public FilterSchema(IEnumerable<FilterField<TItem>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        _fields = fields.ToDictionary(f => f.Name, StringComparer.Ordinal).ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Gets the fields by name.</summary>
    public IReadOnlyDictionary<string, FilterField<TItem>> Fields => _fields;

    /// <summary>Parses the JSON form of a filter.</summary>
    /// <exception cref="SchedulingException">
    /// Invalid argument naming the path at fault (<c>filter.tags.$hasSome</c>), or on <c>filter</c> with the position
    /// for text that is not JSON or not valid UTF-16; limit exceeded on <c>filter</c> for a filter over
    /// <see cref="FilterLimits"/>.
    /// </exception>
    public FilterNode Parse(string json)
    {
        if (json is null)
        {
            throw new SchedulingException(SchedulingErrorCode.InvalidArgument, "The filter text is null: give a JSON object, {} for everything.", "filter");
        }

        return FilterJsonReader<TItem>.Read(_fields, json);
    }

    /// <summary>Parses the JSON form of a filter from UTF-8 (a leading byte order mark is skipped).</summary>
    /// <exception cref="SchedulingException">
    /// As <see cref="Parse(string)"/>; invalid argument on <c>filter</c> with the byte position for text that is not
    /// valid UTF-8.
    /// </exception>
    public FilterNode Parse(ReadOnlySpan<byte> utf8Json) => FilterJsonReader<TItem>.Read(_fields, utf8Json);

    /// <summary>Checks a filter built in code: known fields, allowed operators, values of the right type.</summary>
    /// <remarks>Its limits were checked when the tree was built (<see cref="FilterLimits"/>).</remarks>
    /// <exception cref="SchedulingException">Invalid argument naming the path at fault; invalid argument on <c>filter</c> for a null tree.</exception>
    public void Validate(FilterNode node)
    {
        if (node is null)
        {
            throw new SchedulingException(SchedulingErrorCode.InvalidArgument, "The filter is null: pass a filter, or the one that admits everything.", "filter");
        }

        Validate(node, "filter");
    }

    /// <summary>Whether <paramref name="item"/> satisfies <paramref name="node"/>, a tree this schema accepts.</summary>
    public bool Matches(FilterNode node, TItem item)
    {
        switch (node)
        {
            case FilterNode.AllOf all:
                foreach (var child in all.Children)
                {
                    if (!Matches(child, item))
                    {
                        return false;
                    }
                }

                return true;
            case FilterNode.AnyOf any:
                foreach (var child in any.Children)
                {
                    if (Matches(child, item))
                    {
                        return true;
                    }
                }

                return false;
            case FilterNode.Not not:
                return !Matches(not.Child, item);
            case FilterNode.Condition condition:
                return _fields[condition.Field].Matches(item, condition);
            default:
                return false;
        }
    }

    /// <summary>Writes the canonical JSON form of a filter (every node one object, every condition in <c>{"field":{"$op":value}}</c> form, ASCII only).</summary>
    public string ToJson(FilterNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.ToString();
    }

    private static string OperatorName(FilterOperator op) => FilterJsonWriter.OperatorName(op);

    private static bool TakesList(FilterOperator op) => FilterJsonWriter.TakesList(op);

    private static SchedulingException Invalid(string path, string message) => new(SchedulingErrorCode.InvalidArgument, message, path);

    /// <summary>Checks a tree against the fields; recursion follows the tree's depth, at most <see cref="FilterLimits.MaxDepth"/>.</summary>
    private void Validate(FilterNode node, string path)
    {
        switch (node)
        {
            case FilterNode.AllOf all:
                foreach (var child in all.Children)
                {
                    Validate(child, path + ".$and");
                }

                break;
            case FilterNode.AnyOf any:
                foreach (var child in any.Children)
                {
                    Validate(child, path + ".$or");
                }

                break;
            case FilterNode.Not not:
                Validate(not.Child, path + ".$not");
                break;
            case FilterNode.Condition condition:
                var conditionPath = $"{path}.{condition.Field}";
                if (!_fields.TryGetValue(condition.Field, out var field))
                {
                    throw Invalid(conditionPath, $"Unknown field '{condition.Field}'.");
                }

                if (!field.Allows(condition.Operator))
                {
                    throw Invalid(conditionPath, $"Field '{field.Name}' ({field.Kind}) does not support {OperatorName(condition.Operator)}.");
                }

                var wanted = TakesList(condition.Operator) ? condition.Values.Length : 1;
                if (condition.Values.IsEmpty || condition.Values.Length != wanted)
                {
                    throw Invalid(conditionPath, $"{OperatorName(condition.Operator)} on '{field.Name}' takes {(TakesList(condition.Operator) ? "one or more values" : "one value")}.");
                }

                foreach (var value in condition.Values)
                {
                    if (!Fits(field, condition.Operator, value))
                    {
                        throw Invalid(conditionPath, condition.Operator == FilterOperator.Exists
                            ? $"$exists on '{field.Name}' takes true or false."
                            : field.Kind == FilterFieldKind.Choice
                                ? $"'{value.Text}' is not a value of '{field.Name}': use one of {string.Join(", ", field.Choices)}."
                                : $"Field '{field.Name}' takes {field.ValueDescription}.");
                    }
                }

                break;
        }
    }

    /// <summary>Whether a value built in code has the one form its field and operator take.</summary>
    private static bool Fits(FilterField<TItem> field, FilterOperator op, FilterValue value)
    {
        if (op == FilterOperator.Exists)
        {
            return value is { Flag: not null, Text: null, Number: null, Instant: null };
        }

        return field.Kind switch
        {
            FilterFieldKind.Text or FilterFieldKind.TextList => value is { Text: not null, Number: null, Instant: null, Flag: null },
            FilterFieldKind.Choice => value is { Number: null, Instant: null, Flag: null } && value.Text is { } text && field.Choices.Contains(text),
            FilterFieldKind.Integer => value is { Number: not null, Text: null, Instant: null, Flag: null },
            _ => value is { Instant: not null, Text: null, Number: null, Flag: null },
        };
    }
}
