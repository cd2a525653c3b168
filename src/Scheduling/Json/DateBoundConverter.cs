using System.Text.Json;
using System.Text.Json.Serialization;
using Scheduling.Workspaces;

namespace Scheduling.Json;

/// <summary>
/// A <see cref="DateBound"/> as the ISO 8601 text the workspace list's <c>dateFrom</c> and <c>dateTo</c> take:
/// <c>"2025-03-09T15:00:00Z"</c> (an instant), <c>"2025-03-09T10:00:00"</c> (a local time) or <c>"2025-03-09"</c> (a
/// day). The empty bound, which no query accepts, is the empty string.
/// </summary>
internal sealed class DateBoundConverter : JsonConverter<DateBound>
{
    public override DateBound Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = JsonFailure.ReadString(ref reader, "a date bound (\"2025-03-09T15:00:00Z\", \"2025-03-09T10:00:00\" or \"2025-03-09\")");
        return text.Length == 0 ? default
            : DateBound.TryParse(text, out var bound) ? bound
            : throw JsonFailure.Because($"'{text}' is not an ISO 8601 instant, local date-time or date.");
    }

    public override void Write(Utf8JsonWriter writer, DateBound value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.IsEmpty ? string.Empty : value.ToString());
}
