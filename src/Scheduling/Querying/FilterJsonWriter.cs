using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Scheduling.Querying;

/// <summary>
/// Writes a filter's canonical JSON: every node one object (<c>{}</c>, <c>{"$and":[...]}</c>, <c>{"$or":[...]}</c>,
/// <c>{"$not":{...}}</c>, <c>{"field":{"$op":value}}</c>), so its nesting is the tree's <see cref="FilterNode.Depth"/>,
/// and only ASCII (other characters escaped), at most <see cref="FilterLimits.MaxCanonicalJsonLength"/> long.
/// </summary>
internal static class FilterJsonWriter
{
    /// <summary>The text form of instants: ISO 8601 with up to nine decimals, as the reader reads them.</summary>
    public static readonly InstantPattern InstantText = InstantPattern.ExtendedIso;

    public static string Write(FilterNode node)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, node);
        }

        return Encoding.ASCII.GetString(buffer.WrittenSpan);
    }

    public static string OperatorName(FilterOperator op) => op switch
    {
        FilterOperator.Eq => "$eq",
        FilterOperator.Ne => "$ne",
        FilterOperator.In => "$in",
        FilterOperator.Nin => "$nin",
        FilterOperator.Gt => "$gt",
        FilterOperator.Gte => "$gte",
        FilterOperator.Lt => "$lt",
        FilterOperator.Lte => "$lte",
        FilterOperator.HasSome => "$hasSome",
        FilterOperator.HasAll => "$hasAll",
        FilterOperator.Exists => "$exists",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Not a filter operator."),
    };

    public static bool TakesList(FilterOperator op) => op is FilterOperator.In or FilterOperator.Nin or FilterOperator.HasSome or FilterOperator.HasAll;

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
                else if (condition.Values.IsEmpty)
                {
                    // Only a tree its schema refused has no value here; written so that reading it back refuses it too.
                    writer.WriteNullValue();
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
        else if (value.Text is { } text)
        {
            writer.WriteStringValue(text);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
