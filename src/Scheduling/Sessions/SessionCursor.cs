using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Scheduling.Sessions;

/// <summary>
/// What a session query cursor remembers: the query itself and the keyset position the next page starts after: the
/// last item of the page, or, for a page stopped by <see cref="SchedulingOptions.MaxExaminedPerPage"/>, the last item
/// it examined, which the filter may have rejected (any (start, id) in result order is a position).
/// </summary>
internal sealed record SessionCursor(Instant From, Instant To, string FilterJson, SessionFieldset Fieldset, int PageSize, Instant AfterStart, string AfterId)
{
    private const int Version = 1;
    private static readonly InstantPattern InstantText = InstantPattern.ExtendedIso;

    public byte[] ToPayload()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", Version);
            writer.WriteString("from", InstantText.Format(From));
            writer.WriteString("to", InstantText.Format(To));
            // The canonical filter is JSON already: carried as it is, not escaped into a string three to six times longer.
            writer.WritePropertyName("filter");
            writer.WriteRawValue(FilterJson, skipInputValidation: true);
            writer.WriteNumber("fieldset", (int)Fieldset);
            writer.WriteNumber("size", PageSize);
            writer.WriteString("afterStart", InstantText.Format(AfterStart));
            writer.WriteString("afterId", AfterId);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    public static SessionCursor FromPayload(byte[] payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.GetProperty("v").GetInt32() != Version)
            {
                throw Malformed();
            }

            return new SessionCursor(
                InstantText.Parse(root.GetProperty("from").GetString()!).GetValueOrThrow(),
                InstantText.Parse(root.GetProperty("to").GetString()!).GetValueOrThrow(),
                CarriedFilter(root.GetProperty("filter")),
                (SessionFieldset)root.GetProperty("fieldset").GetInt32(),
                root.GetProperty("size").GetInt32(),
                InstantText.Parse(root.GetProperty("afterStart").GetString()!).GetValueOrThrow(),
                root.GetProperty("afterId").GetString()!);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or UnparsableValueException or DecoderFallbackException or FormatException or ArgumentException or SchedulingException)
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
