using System.Text.Json;
using System.Text.Json.Serialization;
using Scheduling.Recurrence;

namespace Scheduling.Json;

/// <summary>
/// A <see cref="RecurrenceRule"/> as its canonical RFC 5545 text (<c>"FREQ=WEEKLY;BYDAY=MO"</c>). Text that does not
/// parse is a <see cref="JsonException"/> naming the rule part and the position, with the
/// <see cref="RecurrenceException"/> as its inner exception.
/// </summary>
internal sealed class RecurrenceRuleConverter : JsonConverter<RecurrenceRule>
{
    public override RecurrenceRule Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = JsonFailure.ReadString(ref reader, "a recurrence rule as RFC 5545 text (\"FREQ=WEEKLY;BYDAY=MO\")");
        try
        {
            return RecurrenceRule.Parse(text);
        }
        catch (RecurrenceException exception)
        {
            var error = exception.Error;
            var where = (error.Part, error.Position) switch
            {
                ({ } part, { } position) => $" in {part} at position {position}",
                ({ } part, null) => $" in {part}",
                (null, { } position) => $" at position {position}",
                _ => string.Empty,
            };
            throw JsonFailure.Because($"The recurrence rule is not valid{where}: {error.Message}", exception);
        }
    }

    public override void Write(Utf8JsonWriter writer, RecurrenceRule value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
