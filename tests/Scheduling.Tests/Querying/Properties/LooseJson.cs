using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime.Text;
using Scheduling.Querying;

namespace Scheduling.Tests.Querying.Properties;

/// <summary>
/// Writes a filter tree as JSON a person might write it, for the same tree: random white space, a plain value for
/// <c>$eq</c>, choices in lower case, and letters written as <c>\u</c> escapes, in names and values.
/// </summary>
internal static class LooseJson
{
    public static string Write<TItem>(FilterNode node, FilterSchema<TItem> schema, Random random)
    {
        var text = new StringBuilder();
        Write(text, node, schema, random);
        return text.ToString();
    }

    private static void Write<TItem>(StringBuilder text, FilterNode node, FilterSchema<TItem> schema, Random random)
    {
        Space(text, random);
        text.Append('{');
        switch (node)
        {
            case FilterNode.AllOf all when all.Children.IsEmpty:
                Space(text, random);
                break;
            case FilterNode.AllOf all:
                Group(text, "$and", all.Children, schema, random);
                break;
            case FilterNode.AnyOf any:
                Group(text, "$or", any.Children, schema, random);
                break;
            case FilterNode.Not not:
                Name(text, "$not", random);
                Write(text, not.Child, schema, random);
                break;
            case FilterNode.Condition condition:
                var field = schema.Fields[condition.Field];
                Name(text, condition.Field, random);
                var plain = condition.Operator == FilterOperator.Eq && random.Next(2) == 0;
                if (!plain)
                {
                    text.Append('{');
                    Name(text, "$" + char.ToLowerInvariant(condition.Operator.ToString()[0]) + condition.Operator.ToString()[1..], random);
                }

                if (condition.Operator is FilterOperator.In or FilterOperator.Nin or FilterOperator.HasSome or FilterOperator.HasAll)
                {
                    text.Append('[');
                    for (var i = 0; i < condition.Values.Length; i++)
                    {
                        if (i > 0)
                        {
                            text.Append(',');
                        }

                        Value(text, condition.Values[i], field.Kind, random);
                    }

                    text.Append(']');
                }
                else
                {
                    Value(text, condition.Values[0], field.Kind, random);
                }

                if (!plain)
                {
                    Space(text, random);
                    text.Append('}');
                }

                break;
        }

        Space(text, random);
        text.Append('}');
    }

    private static void Group<TItem>(StringBuilder text, string name, IReadOnlyList<FilterNode> children, FilterSchema<TItem> schema, Random random)
    {
        Name(text, name, random);
        text.Append('[');
        for (var i = 0; i < children.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            Write(text, children[i], schema, random);
        }

        Space(text, random);
        text.Append(']');
    }

    private static void Name(StringBuilder text, string name, Random random)
    {
        Space(text, random);
        String(text, name, random);
        Space(text, random);
        text.Append(':');
        Space(text, random);
    }

    private static void Value(StringBuilder text, FilterValue value, FilterFieldKind kind, Random random)
    {
        Space(text, random);
        if (value.Flag is bool flag)
        {
            text.Append(flag ? "true" : "false");
        }
        else if (value.Number is long number)
        {
            text.Append(number.ToString(CultureInfo.InvariantCulture));
        }
        else if (value.Instant is Instant instant)
        {
            String(text, InstantPattern.ExtendedIso.Format(instant), random);
        }
        else
        {
            String(text, kind == FilterFieldKind.Choice && random.Next(2) == 0 ? value.Text!.ToLowerInvariant() : value.Text!, random);
        }

        Space(text, random);
    }

    /// <summary>A JSON string, with some letters escaped as <c>\u</c> and the rest as the standard writer escapes them.</summary>
    private static void String(StringBuilder text, string value, Random random)
    {
        var escaped = JsonSerializer.Serialize(value);
        var body = new StringBuilder(escaped.Length);
        for (var i = 1; i < escaped.Length - 1; i++)
        {
            var c = escaped[i];
            if (c == '\\')
            {
                // Keep an escape the writer made whole.
                var length = escaped[i + 1] == 'u' ? 6 : 2;
                body.Append(escaped, i, length);
                i += length - 1;
            }
            else if (char.IsAsciiLetter(c) && random.Next(4) == 0)
            {
                body.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                body.Append(c);
            }
        }

        text.Append('"').Append(body).Append('"');
    }

    private static void Space(StringBuilder text, Random random)
    {
        if (random.Next(3) == 0)
        {
            text.Append(" \n\t\r"[random.Next(4)]);
        }
    }
}
