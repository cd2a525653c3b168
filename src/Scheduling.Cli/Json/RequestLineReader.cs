using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using Scheduling.Cli.Expansion;

namespace Scheduling.Cli.Json;

/// <summary>
/// Reads one JSON lines request, for example
/// <c>{"id":"c1","tz":"America/New_York","dtstart":"2025-01-06T18:30:00","rrule":"FREQ=DAILY","exdate":[],"rdate":[],"from":"2025-01-01T00:00:00","to":"2026-01-01T00:00:00"}</c>,
/// into its <see cref="RequestId"/> and <see cref="ExpansionInput"/>, with <see cref="Utf8JsonReader"/> and no
/// reflection.
/// </summary>
/// <remarks>
/// <para>A line must be one JSON object. <c>id</c> is a string, a number or null; <c>tz</c>, <c>dtstart</c>,
/// <c>rrule</c>, <c>from</c> and <c>to</c> are strings; <c>exdate</c> and <c>rdate</c> are arrays of strings. A
/// field that is null counts as absent. Property names are case-sensitive; a field may appear once; other fields are
/// ignored, so producers may add their own. Whether a field is required is for
/// <see cref="ExpansionRequest.TryCreate"/> to say.</para>
/// <para>When a field has the wrong type the rest of the object is still read, so the error can be reported with
/// the id wherever it stands. When the line is not JSON at all the id is left null. This type is stateless and
/// thread-safe.</para>
/// </remarks>
internal static class RequestLineReader
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 16 };

    private enum Field
    {
        Unknown = 0,
        Id,
        TimeZone,
        Start,
        Rule,
        ExceptionDates,
        RecurrenceDates,
        From,
        To,
    }

    /// <summary>Reads a request line.</summary>
    /// <param name="utf8Json">The line as UTF-8, without its line ending.</param>
    /// <param name="id">The request's id, null when it has none or the line is not a JSON object.</param>
    /// <param name="input">The request's fields, when the line is a well-formed request.</param>
    /// <param name="error">Why the line is not a well-formed request, for example <c>tz must be a string</c>.</param>
    /// <returns>True when the line is a well-formed request (its values are checked later).</returns>
    public static bool TryRead(
        ReadOnlySpan<byte> utf8Json,
        out RequestId id,
        [NotNullWhen(true)] out ExpansionInput? input,
        [NotNullWhen(false)] out string? error)
    {
        id = RequestId.Null;
        input = null;
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = "the line is not a JSON object";
                return false;
            }

            string? timeZone = null, start = null, rule = null, from = null, to = null, fieldError = null;
            List<string>? exceptionDates = null, recurrenceDates = null;
            var seen = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = Identify(ref reader);
                reader.Read();
                var bit = 1 << (int)field;
                if (field != Field.Unknown && (seen & bit) != 0)
                {
                    reader.Skip();
                    fieldError ??= $"{Name(field)} appears more than once";
                    continue;
                }

                seen |= bit;
                var problem = field switch
                {
                    Field.Id => ReadId(ref reader, ref id),
                    Field.TimeZone => ReadString(ref reader, field, ref timeZone),
                    Field.Start => ReadString(ref reader, field, ref start),
                    Field.Rule => ReadString(ref reader, field, ref rule),
                    Field.ExceptionDates => ReadStrings(ref reader, field, ref exceptionDates),
                    Field.RecurrenceDates => ReadStrings(ref reader, field, ref recurrenceDates),
                    Field.From => ReadString(ref reader, field, ref from),
                    Field.To => ReadString(ref reader, field, ref to),
                    _ => Skip(ref reader),
                };
                fieldError ??= problem;
            }

            // A second value on the line (or anything but white space) makes Read throw.
            reader.Read();
            if (fieldError is not null)
            {
                error = fieldError;
                return false;
            }

            input = new ExpansionInput
            {
                TimeZone = timeZone,
                Start = start,
                Rule = rule,
                ExceptionDates = exceptionDates ?? [],
                RecurrenceDates = recurrenceDates ?? [],
                From = from,
                To = to,
            };
            error = null;
            return true;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string with an escaped lone surrogate cannot become a .NET string.
            id = RequestId.Null;
            error = $"the line is not valid JSON: {exception.Message}";
            return false;
        }
    }

    private static Field Identify(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("id"u8) ? Field.Id
        : reader.ValueTextEquals("tz"u8) ? Field.TimeZone
        : reader.ValueTextEquals("dtstart"u8) ? Field.Start
        : reader.ValueTextEquals("rrule"u8) ? Field.Rule
        : reader.ValueTextEquals("exdate"u8) ? Field.ExceptionDates
        : reader.ValueTextEquals("rdate"u8) ? Field.RecurrenceDates
        : reader.ValueTextEquals("from"u8) ? Field.From
        : reader.ValueTextEquals("to"u8) ? Field.To
        : Field.Unknown;

    private static string Name(Field field) => field switch
    {
        Field.Id => "id",
        Field.TimeZone => "tz",
        Field.Start => "dtstart",
        Field.Rule => "rrule",
        Field.ExceptionDates => "exdate",
        Field.RecurrenceDates => "rdate",
        Field.From => "from",
        Field.To => "to",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    private static string? ReadId(ref Utf8JsonReader reader, ref RequestId id)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                id = RequestId.FromString(reader.GetString()!);
                return null;
            case JsonTokenType.Number:
                id = RequestId.FromNumberText(Encoding.UTF8.GetString(reader.ValueSpan));
                return null;
            case JsonTokenType.Null:
                id = RequestId.Null;
                return null;
            default:
                reader.Skip();
                return "id must be a string, a number or null";
        }
    }

    private static string? ReadString(ref Utf8JsonReader reader, Field field, ref string? value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                value = reader.GetString();
                return null;
            case JsonTokenType.Null:
                return null;
            default:
                reader.Skip();
                return $"{Name(field)} must be a string";
        }
    }

    private static string? ReadStrings(ref Utf8JsonReader reader, Field field, ref List<string>? values)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return $"{Name(field)} must be an array of strings";
        }

        string? error = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                (values ??= []).Add(reader.GetString()!);
            }
            else
            {
                reader.Skip();
                error = $"{Name(field)} must be an array of strings";
            }
        }

        return error;
    }

    private static string? Skip(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }
}
