using System.Text;
using System.Text.Json;
using Scheduling.Querying;
using Scheduling.Stores;

namespace Scheduling.Attendance;

/// <summary>
/// What an attendance query cursor remembers: the query itself (filter, sort, page size) and where the page starts,
/// a keyset position and a direction. No position means the first page (forward) or the last page (backward).
/// </summary>
internal sealed record AttendanceCursor(string FilterJson, AttendanceSort Sort, int Limit, SeekDirection Direction, AttendancePosition? Position)
{
    private const int Version = 1;

    public byte[] ToPayload()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", Version);
            // The canonical filter is JSON already: carried as it is, not escaped into a string three to six times longer.
            writer.WritePropertyName("filter");
            writer.WriteRawValue(FilterJson, skipInputValidation: true);
            writer.WriteNumber("sortField", (int)Sort.Field);
            writer.WriteNumber("sortOrder", (int)Sort.Order);
            writer.WriteNumber("limit", Limit);
            writer.WriteNumber("direction", (int)Direction);
            if (Position is { } position)
            {
                writer.WriteNumber("atNumber", position.NumberOfAttendees);
                writer.WriteString("atId", position.Id);
            }

            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>Reads a payload that passed the signature check; anything unexpected in it still counts as malformed.</summary>
    public static AttendanceCursor FromPayload(byte[] payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            var direction = (SeekDirection)root.GetProperty("direction").GetInt32();
            if (root.GetProperty("v").GetInt32() != Version || !Enum.IsDefined(direction))
            {
                throw Malformed();
            }

            AttendancePosition? position = root.TryGetProperty("atId", out var id)
                ? new AttendancePosition(root.GetProperty("atNumber").GetInt32(), id.GetString()!)
                : null;
            return new AttendanceCursor(
                CarriedFilter(root.GetProperty("filter")),
                AttendanceSort.Of((AttendanceSortField)root.GetProperty("sortField").GetInt32(), (SortOrder)root.GetProperty("sortOrder").GetInt32()),
                root.GetProperty("limit").GetInt32(),
                direction,
                position);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or DecoderFallbackException or FormatException or SchedulingException)
        {
            throw Malformed(exception);
        }
    }

    /// <summary>The filter's canonical JSON: an object, or a string in cursors written before filters were carried as JSON.</summary>
    private static string CarriedFilter(JsonElement filter) =>
        filter.ValueKind == JsonValueKind.String ? filter.GetString()! : filter.ValueKind == JsonValueKind.Object ? filter.GetRawText() : throw Malformed();

    private static SchedulingException Malformed(Exception? inner = null) =>
        new(SchedulingErrorCode.InvalidArgument, "The cursor is malformed: pass back exactly the cursor a page returned.", "cursor", inner);
}
