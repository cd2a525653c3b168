using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Scheduling.Querying;

/// <summary>
/// The fields a filter may name for one kind of item, and the filter language over them: parsing the JSON form
/// (<c>{"tags":{"$hasSome":["yoga"]},"$or":[...]}</c>), checking a tree built in code, writing the canonical JSON
/// back, and evaluating a tree against an item. Immutable and thread-safe.
/// </summary>
/// <typeparam name="TItem">The type of item filtered.</typeparam>
public sealed class FilterSchema<TItem>
{
    /// <summary>The deepest nesting of <c>$and</c>, <c>$or</c> and <c>$not</c> a filter may have.</summary>
    public const int MaxDepth = 16;

    /// <summary>The most conditions and values a filter may hold in all.</summary>
    public const int MaxSize = 1_000;

    private static readonly InstantPattern InstantText = InstantPattern.ExtendedIso;
    private readonly ImmutableDictionary<string, FilterField<TItem>> _fields;

    /// <summary>Creates a schema.</summary>
    public FilterSchema(IEnumerable<FilterField<TItem>> fields)
    {
        _fields = fields.ToImmutableDictionary(f => f.Name, StringComparer.Ordinal);
    }

    /// <summary>Gets the fields by name.</summary>
    public IReadOnlyDictionary<string, FilterField<TItem>> Fields => _fields;

    /// <summary>Parses the JSON form of a filter.</summary>
    /// <exception cref="SchedulingException">Invalid argument naming the path at fault (<c>filter.tags.$hasSome</c>), or limit exceeded.</exception>
    public FilterNode Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = (MaxDepth * 2) + 4 });
        }
        catch (JsonException exception)
        {
            throw new SchedulingException(SchedulingErrorCode.InvalidArgument, $"The filter is not valid JSON: {exception.Message}", "filter", exception);
        }

        using (document)
        {
            var size = 0;
            return ReadObject(document.RootElement, "filter", depth: 0, ref size);
        }
    }

    /// <summary>Checks a filter built in code: known fields, allowed operators, values of the right type, within the limits.</summary>
    /// <exception cref="SchedulingException">Invalid argument naming the path at fault, or limit exceeded.</exception>
    public void Validate(FilterNode node)
    {
        var size = 0;
        Validate(node, "filter", 0, ref size);
    }

    /// <summary>Whether <paramref name="item"/> satisfies <paramref name="node"/>.</summary>
    public bool Matches(FilterNode node, TItem item) => node switch
    {
        FilterNode.AllOf all => all.Children.All(c => Matches(c, item)),
        FilterNode.AnyOf any => any.Children.Any(c => Matches(c, item)),
        FilterNode.Not not => !Matches(not.Child, item),
        FilterNode.Condition condition => _fields[condition.Field].Matches(item, condition.Operator, condition.Values),
        _ => false,
    };

    /// <summary>Writes the canonical JSON form of a filter (every condition in <c>{"field":{"$op":value}}</c> form).</summary>
    public string ToJson(FilterNode node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, node);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string OperatorName(FilterOperator op) => "$" + char.ToLowerInvariant(op.ToString()[0]) + op.ToString()[1..];

    private static bool TryReadOperator(string name, out FilterOperator op)
    {
        foreach (var candidate in Enum.GetValues<FilterOperator>())
        {
            if (OperatorName(candidate) == name)
            {
                op = candidate;
                return true;
            }
        }

        op = default;
        return false;
    }

    private static bool TakesList(FilterOperator op) => op is FilterOperator.In or FilterOperator.Nin or FilterOperator.HasSome or FilterOperator.HasAll;

    private static SchedulingException Invalid(string path, string message) => new(SchedulingErrorCode.InvalidArgument, message, path);

    private static void Count(ref int size, int add, string path)
    {
        size += add;
        if (size > MaxSize)
        {
            throw new SchedulingException(SchedulingErrorCode.LimitExceeded, $"The filter holds more than {MaxSize} conditions and values.", path);
        }
    }

    private FilterNode ReadObject(JsonElement element, string path, int depth, ref int size)
    {
        if (depth > MaxDepth)
        {
            throw new SchedulingException(SchedulingErrorCode.LimitExceeded, $"The filter nests deeper than {MaxDepth} levels.", path);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(path, $"{path} must be a JSON object.");
        }

        var children = ImmutableArray.CreateBuilder<FilterNode>();
        foreach (var property in element.EnumerateObject())
        {
            var propertyPath = $"{path}.{property.Name}";
            switch (property.Name)
            {
                case "$and":
                case "$or":
                    if (property.Value.ValueKind != JsonValueKind.Array || property.Value.GetArrayLength() == 0)
                    {
                        throw Invalid(propertyPath, $"{propertyPath} must be a non-empty array of filters.");
                    }

                    var parts = ImmutableArray.CreateBuilder<FilterNode>();
                    var index = 0;
                    foreach (var part in property.Value.EnumerateArray())
                    {
                        parts.Add(ReadObject(part, $"{propertyPath}[{index++}]", depth + 1, ref size));
                    }

                    children.Add(property.Name == "$and" ? new FilterNode.AllOf(parts.ToImmutable()) : new FilterNode.AnyOf(parts.ToImmutable()));
                    break;
                case "$not":
                    children.Add(new FilterNode.Not(ReadObject(property.Value, propertyPath, depth + 1, ref size)));
                    break;
                default:
                    ReadField(property, propertyPath, children, ref size);
                    break;
            }
        }

        return children.Count == 1 ? children[0] : new FilterNode.AllOf(children.ToImmutable());
    }

    private void ReadField(JsonProperty property, string path, ImmutableArray<FilterNode>.Builder into, ref int size)
    {
        if (property.Name.StartsWith('$'))
        {
            throw Invalid(path, $"Unknown operator '{property.Name}' where a field or $and, $or, $not was expected.");
        }

        if (!_fields.TryGetValue(property.Name, out var field))
        {
            throw Invalid(path, $"Unknown field '{property.Name}'. Fields: {string.Join(", ", _fields.Keys.Order(StringComparer.Ordinal))}.");
        }

        var isOperatorObject = property.Value.ValueKind == JsonValueKind.Object
            && property.Value.EnumerateObject().Any()
            && property.Value.EnumerateObject().All(p => p.Name.StartsWith('$'));
        if (!isOperatorObject)
        {
            into.Add(Condition(field, FilterOperator.Eq, property.Value, path, ref size));
            return;
        }

        foreach (var operation in property.Value.EnumerateObject())
        {
            var operationPath = $"{path}.{operation.Name}";
            if (!TryReadOperator(operation.Name, out var op))
            {
                throw Invalid(operationPath, $"Unknown operator '{operation.Name}'.");
            }

            into.Add(Condition(field, op, operation.Value, operationPath, ref size));
        }
    }

    private FilterNode.Condition Condition(FilterField<TItem> field, FilterOperator op, JsonElement operand, string path, ref int size)
    {
        if (!field.Allows(op))
        {
            throw Invalid(path, $"Field '{field.Name}' ({field.Kind}) does not support {OperatorName(op)}.");
        }

        ImmutableArray<FilterValue> values;
        if (op == FilterOperator.Exists)
        {
            values = operand.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? [FilterValue.Of(operand.GetBoolean())]
                : throw Invalid(path, $"{OperatorName(op)} on '{field.Name}' takes true or false.");
        }
        else if (TakesList(op))
        {
            if (operand.ValueKind != JsonValueKind.Array || operand.GetArrayLength() == 0)
            {
                throw Invalid(path, $"{OperatorName(op)} on '{field.Name}' takes a non-empty array.");
            }

            values = [.. operand.EnumerateArray().Select((item, i) => ReadValue(field, item, $"{path}[{i}]"))];
        }
        else
        {
            values = [ReadValue(field, operand, path)];
        }

        Count(ref size, values.Length, path);
        return new FilterNode.Condition(field.Name, op, values);
    }

    private static FilterValue ReadValue(FilterField<TItem> field, JsonElement value, string path)
    {
        switch (field.Kind)
        {
            case FilterFieldKind.Text or FilterFieldKind.TextList when value.ValueKind == JsonValueKind.String:
                return FilterValue.Of(value.GetString()!);
            case FilterFieldKind.Choice when value.ValueKind == JsonValueKind.String:
                var choice = value.GetString()!.ToUpperInvariant();
                return field.Choices.Contains(choice)
                    ? FilterValue.Of(choice)
                    : throw Invalid(path, $"'{value.GetString()}' is not a value of '{field.Name}': use one of {string.Join(", ", field.Choices)}.");
            case FilterFieldKind.Integer when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number):
                return FilterValue.Of(number);
            case FilterFieldKind.Instant when value.ValueKind == JsonValueKind.String:
                var parsed = InstantText.Parse(value.GetString()!);
                return parsed.Success
                    ? FilterValue.Of(parsed.Value)
                    : throw Invalid(path, $"'{value.GetString()}' is not an ISO 8601 instant such as 2025-01-06T09:00:00Z.");
            default:
                throw Invalid(path, $"Field '{field.Name}' takes {Describe(field.Kind)}, not {value.ValueKind.ToString().ToLowerInvariant()}.");
        }
    }

    private static string Describe(FilterFieldKind kind) => kind switch
    {
        FilterFieldKind.Integer => "a whole number",
        FilterFieldKind.Instant => "an ISO 8601 instant string",
        _ => "a string",
    };

    private void Validate(FilterNode node, string path, int depth, ref int size)
    {
        if (depth > MaxDepth)
        {
            throw new SchedulingException(SchedulingErrorCode.LimitExceeded, $"The filter nests deeper than {MaxDepth} levels.", path);
        }

        switch (node)
        {
            case FilterNode.AllOf all:
                foreach (var child in all.Children)
                {
                    Validate(child, path + ".$and", depth + 1, ref size);
                }

                break;
            case FilterNode.AnyOf any:
                if (any.Children.IsEmpty)
                {
                    throw Invalid(path + ".$or", "$or needs at least one alternative.");
                }

                foreach (var child in any.Children)
                {
                    Validate(child, path + ".$or", depth + 1, ref size);
                }

                break;
            case FilterNode.Not not:
                Validate(not.Child, path + ".$not", depth + 1, ref size);
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
                if (condition.Values.IsDefaultOrEmpty || condition.Values.Length != wanted)
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
                                : $"Field '{field.Name}' takes {Describe(field.Kind)}.");
                    }
                }

                Count(ref size, condition.Values.Length, conditionPath);
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

    private static void Write(Utf8JsonWriter writer, FilterNode node)
    {
        writer.WriteStartObject();
        switch (node)
        {
            case FilterNode.AllOf all when all.Children.IsEmpty:
                // The filter that admits everything is the empty object.
                break;
            case FilterNode.AllOf all:
                WriteArray(writer, "$and", all.Children);
                break;
            case FilterNode.AnyOf any:
                WriteArray(writer, "$or", any.Children);
                break;
            case FilterNode.Not not:
                writer.WritePropertyName("$not");
                Write(writer, not.Child);
                break;
            case FilterNode.Condition condition:
                writer.WritePropertyName(condition.Field);
                writer.WriteStartObject();
                writer.WritePropertyName(OperatorName(condition.Operator));
                if (TakesList(condition.Operator))
                {
                    writer.WriteStartArray();
                    foreach (var value in condition.Values)
                    {
                        WriteValue(writer, value);
                    }

                    writer.WriteEndArray();
                }
                else
                {
                    WriteValue(writer, condition.Values[0]);
                }

                writer.WriteEndObject();
                break;
        }

        writer.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, ImmutableArray<FilterNode> children)
    {
        writer.WriteStartArray(name);
        foreach (var child in children)
        {
            Write(writer, child);
        }

        writer.WriteEndArray();
    }

    private static void WriteValue(Utf8JsonWriter writer, FilterValue value)
    {
        if (value.Flag is bool flag)
        {
            writer.WriteBooleanValue(flag);
        }
        else if (value.Number is long number)
        {
            writer.WriteNumberValue(number);
        }
        else if (value.Instant is Instant instant)
        {
            writer.WriteStringValue(InstantText.Format(instant));
        }
        else
        {
            writer.WriteStringValue(value.Text);
        }
    }
}
