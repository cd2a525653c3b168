using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace Scheduling.Querying;

/// <summary>
/// Reads the JSON form of a filter into a tree in one forward pass over the text, checking the schema's fields,
/// operators and values and the <see cref="FilterLimits"/> as it goes: text longer than
/// <see cref="FilterLimits.MaxJsonLength"/> is refused before reading, and reading stops at the first node, value or
/// character over a limit, so no oversized tree is ever built. Recursion follows the filter's nesting, which is
/// refused beyond <see cref="FilterLimits.MaxDepth"/>.
/// </summary>
/// <typeparam name="TItem">The type of item filtered.</typeparam>
internal sealed class FilterJsonReader<TItem>
{
    private static readonly JsonReaderOptions Options = new()
    {
        // A filter level is at most an object and an array; a condition adds its operator object and a list.
        MaxDepth = (FilterLimits.MaxDepth * 2) + 4,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly FrozenDictionary<string, FilterField<TItem>> _fields;
    private int _size;
    private long _textLength;

    private FilterJsonReader(FrozenDictionary<string, FilterField<TItem>> fields)
    {
        _fields = fields;
    }

    public static FilterNode Read(FrozenDictionary<string, FilterField<TItem>> fields, string json)
    {
        if (json.Length > FilterLimits.MaxJsonLength)
        {
            throw TooLong(json.Length, "characters");
        }

        if (FilterText.FindLoneSurrogate(json) is int at)
        {
            throw Malformed($"The filter is not valid text: a lone surrogate at character {at}.");
        }

        var rented = ArrayPool<byte>.Shared.Rent(StrictUtf8.GetMaxByteCount(json.Length));
        try
        {
            var length = StrictUtf8.GetBytes(json, rented);
            return new FilterJsonReader<TItem>(fields).ReadDocument(rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public static FilterNode Read(FrozenDictionary<string, FilterField<TItem>> fields, ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length > FilterLimits.MaxJsonLength)
        {
            throw TooLong(utf8Json.Length, "bytes");
        }

        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        for (var at = 0; at < utf8Json.Length;)
        {
            if (System.Text.Rune.DecodeFromUtf8(utf8Json[at..], out _, out var consumed) != OperationStatus.Done)
            {
                throw Malformed($"The filter is not valid UTF-8: an invalid sequence at byte {at}.");
            }

            at += consumed;
        }

        return new FilterJsonReader<TItem>(fields).ReadDocument(utf8Json);
    }

    private static SchedulingException TooLong(int length, string unit) =>
        new(SchedulingErrorCode.LimitExceeded, $"The filter text is {length} {unit} long; at most {FilterLimits.MaxJsonLength} are read.", "filter");

    private static SchedulingException Malformed(string message) => new(SchedulingErrorCode.InvalidArgument, message, "filter");

    private static SchedulingException Invalid(string path, string message) => new(SchedulingErrorCode.InvalidArgument, message, path);

    /// <summary>Text from the filter for a message: at most 64 characters of it.</summary>
    private static string Quote(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "...");

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "object",
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => "null",
    };

    private static bool TryReadOperator(string name, out FilterOperator op)
    {
        op = name switch
        {
            "$eq" => FilterOperator.Eq,
            "$ne" => FilterOperator.Ne,
            "$in" => FilterOperator.In,
            "$nin" => FilterOperator.Nin,
            "$gt" => FilterOperator.Gt,
            "$gte" => FilterOperator.Gte,
            "$lt" => FilterOperator.Lt,
            "$lte" => FilterOperator.Lte,
            "$hasSome" => FilterOperator.HasSome,
            "$hasAll" => FilterOperator.HasAll,
            "$exists" => FilterOperator.Exists,
            _ => (FilterOperator)(-1),
        };
        return op >= 0;
    }

    /// <summary>The string at the reader, or invalid argument with its position when its escapes are not valid UTF-16.</summary>
    private static string ReadString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException exception)
        {
            throw new SchedulingException(
                SchedulingErrorCode.InvalidArgument,
                $"The filter is not valid text: the string at byte {reader.TokenStartIndex} has an invalid escape ({exception.Message})",
                "filter",
                exception);
        }
    }

    private FilterNode ReadDocument(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, Options);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw Invalid("filter", "filter must be a JSON object.");
            }

            var node = ReadObject(ref reader, "filter", depth: 0);

            // Anything after the object (other than white space) is not one JSON value: the reader throws.
            reader.Read();
            return node;
        }
        catch (JsonException exception)
        {
            // The reader's own message may quote a long stretch of the text: the position is what helps.
            throw new SchedulingException(
                SchedulingErrorCode.InvalidArgument,
                $"The filter is not valid JSON at line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1} of the line: {Quote(exception.Message.Split(" LineNumber:")[0])}",
                "filter",
                exception);
        }
    }

    private void Count(int nodes, ref Utf8JsonReader reader)
    {
        _size += nodes;
        if (_size > FilterLimits.MaxNodes)
        {
            throw new SchedulingException(
                SchedulingErrorCode.LimitExceeded,
                $"The filter holds more than {FilterLimits.MaxNodes} nodes and values (reading stopped at byte {reader.TokenStartIndex}).",
                "filter");
        }
    }

    /// <summary>Reads the object the reader is at (its start) up to its end.</summary>
    private FilterNode ReadObject(ref Utf8JsonReader reader, string path, int depth)
    {
        if (depth > FilterLimits.MaxDepth)
        {
            throw new SchedulingException(
                SchedulingErrorCode.LimitExceeded,
                $"The filter nests deeper than {FilterLimits.MaxDepth} levels (at {path}, byte {reader.TokenStartIndex}).",
                "filter");
        }

        var members = default(Members);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = ReadString(ref reader);
            var propertyPath = $"{path}.{Quote(name)}";
            switch (name)
            {
                case "$and":
                case "$or":
                    members.Add(ReadGroup(ref reader, name, propertyPath, depth));
                    break;
                case "$not":
                    if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw Invalid(propertyPath, $"{propertyPath} must be a JSON object.");
                    }

                    var child = ReadObject(ref reader, propertyPath, depth + 1);
                    Count(1, ref reader);
                    members.Add(new FilterNode.Not(child));
                    break;
                default:
                    ReadField(ref reader, name, propertyPath, ref members);
                    break;
            }
        }

        if (members.Single is { } single)
        {
            return single;
        }

        // No key, or several: one "all of" node.
        Count(1, ref reader);
        return new FilterNode.AllOf(members.Several?.DrainToImmutable() ?? []);
    }

    private FilterNode ReadGroup(ref Utf8JsonReader reader, string name, string path, int depth)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            throw Invalid(path, $"{path} must be a non-empty array of filters.");
        }

        var parts = ImmutableArray.CreateBuilder<FilterNode>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var partPath = $"{path}[{parts.Count}]";
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw Invalid(partPath, $"{partPath} must be a JSON object.");
            }

            parts.Add(ReadObject(ref reader, partPath, depth + 1));
        }

        if (parts.Count == 0)
        {
            throw Invalid(path, $"{path} must be a non-empty array of filters.");
        }

        Count(1, ref reader);
        return name == "$and" ? new FilterNode.AllOf(parts.DrainToImmutable()) : new FilterNode.AnyOf(parts.DrainToImmutable());
    }

    private void ReadField(ref Utf8JsonReader reader, string name, string path, ref Members into)
    {
        if (name.StartsWith('$'))
        {
            throw Invalid(path, $"Unknown operator '{Quote(name)}' where a field or $and, $or, $not was expected.");
        }

        if (!_fields.TryGetValue(name, out var field))
        {
            throw Invalid(path, $"Unknown field '{Quote(name)}'. Fields: {string.Join(", ", _fields.Keys.Order(StringComparer.Ordinal))}.");
        }

        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            into.Add(Condition(ref reader, field, FilterOperator.Eq, path));
            return;
        }

        // An object of operators ({"$gte":1,"$lte":9}); any other object is a value of the wrong type.
        var first = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var operatorName = ReadString(ref reader);
            if (!operatorName.StartsWith('$'))
            {
                throw Invalid(path, first
                    ? $"Field '{field.Name}' takes {field.ValueDescription}, not object."
                    : $"Field '{field.Name}' takes {field.ValueDescription} or an object of operators, not an object that mixes operators with '{Quote(operatorName)}'.");
            }

            var operationPath = $"{path}.{Quote(operatorName)}";
            if (!TryReadOperator(operatorName, out var op))
            {
                throw Invalid(operationPath, $"Unknown operator '{Quote(operatorName)}'.");
            }

            reader.Read();
            into.Add(Condition(ref reader, field, op, operationPath));
            first = false;
        }

        if (first)
        {
            throw Invalid(path, $"Field '{field.Name}' takes {field.ValueDescription}, not object.");
        }
    }

    /// <summary>A condition from the operand the reader is at.</summary>
    private FilterNode.Condition Condition(ref Utf8JsonReader reader, FilterField<TItem> field, FilterOperator op, string path)
    {
        if (!field.Allows(op))
        {
            throw Invalid(path, $"Field '{field.Name}' ({field.Kind}) does not support {FilterJsonWriter.OperatorName(op)}.");
        }

        ImmutableArray<FilterValue> values;
        if (op == FilterOperator.Exists)
        {
            values = reader.TokenType is JsonTokenType.True or JsonTokenType.False
                ? [FilterValue.Of(reader.GetBoolean())]
                : throw Invalid(path, $"{FilterJsonWriter.OperatorName(op)} on '{field.Name}' takes true or false.");
            Count(1, ref reader);
        }
        else if (FilterJsonWriter.TakesList(op))
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw Invalid(path, $"{FilterJsonWriter.OperatorName(op)} on '{field.Name}' takes a non-empty array.");
            }

            var list = ImmutableArray.CreateBuilder<FilterValue>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                Count(1, ref reader);
                list.Add(ReadValue(ref reader, field, $"{path}[{list.Count}]"));
            }

            if (list.Count == 0)
            {
                throw Invalid(path, $"{FilterJsonWriter.OperatorName(op)} on '{field.Name}' takes a non-empty array.");
            }

            values = list.DrainToImmutable();
        }
        else
        {
            Count(1, ref reader);
            values = [ReadValue(ref reader, field, path)];
        }

        Count(1, ref reader);
        return new FilterNode.Condition(field.Name, op, values);
    }

    private FilterValue ReadValue(ref Utf8JsonReader reader, FilterField<TItem> field, string path)
    {
        switch (field.Kind)
        {
            case FilterFieldKind.Text or FilterFieldKind.TextList when reader.TokenType == JsonTokenType.String:
                return FilterValue.Of(ReadText(ref reader, field));
            case FilterFieldKind.Choice when reader.TokenType == JsonTokenType.String:
                var given = ReadText(ref reader, field);
                var choice = given.ToUpperInvariant();
                return field.Choices.Contains(choice)
                    ? FilterValue.Of(choice)
                    : throw Invalid(path, $"'{Quote(given)}' is not a value of '{field.Name}': use one of {string.Join(", ", field.Choices)}.");
            case FilterFieldKind.Integer when reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number):
                return FilterValue.Of(number);
            case FilterFieldKind.Instant when reader.TokenType == JsonTokenType.String:
                var text = ReadString(ref reader);
                var parsed = FilterJsonWriter.InstantText.Parse(text);
                return parsed.Success
                    ? FilterValue.Of(parsed.Value)
                    : throw Invalid(path, $"'{Quote(text)}' is not an ISO 8601 instant such as 2025-01-06T09:00:00Z.");
            default:
                throw Invalid(path, $"Field '{field.Name}' takes {field.ValueDescription}, not {Describe(reader.TokenType)}.");
        }
    }

    /// <summary>A string value, counted toward the filter's text as soon as it is read.</summary>
    private string ReadText(ref Utf8JsonReader reader, FilterField<TItem> field)
    {
        var text = ReadString(ref reader);
        if (text.Length > FilterLimits.MaxValueLength)
        {
            throw new SchedulingException(
                SchedulingErrorCode.LimitExceeded,
                $"A value of '{field.Name}' is {text.Length} characters long; at most {FilterLimits.MaxValueLength} are allowed (byte {reader.TokenStartIndex}).",
                "filter");
        }

        _textLength += text.Length;
        if (_textLength > FilterLimits.MaxTextLength)
        {
            throw new SchedulingException(
                SchedulingErrorCode.LimitExceeded,
                $"The filter's values hold more than {FilterLimits.MaxTextLength} characters (reading stopped at byte {reader.TokenStartIndex}).",
                "filter");
        }

        return text;
    }

    /// <summary>The nodes one object's keys make: usually one, which is the object's node; otherwise an "all of" them.</summary>
    private struct Members
    {
        public FilterNode? Single;
        public ImmutableArray<FilterNode>.Builder? Several;

        public void Add(FilterNode node)
        {
            if (Single is null && Several is null)
            {
                Single = node;
                return;
            }

            Several ??= ImmutableArray.CreateBuilder<FilterNode>();
            if (Single is not null)
            {
                Several.Add(Single);
                Single = null;
            }

            Several.Add(node);
        }
    }
}
