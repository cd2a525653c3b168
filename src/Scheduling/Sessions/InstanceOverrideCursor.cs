using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Scheduling.Sessions;

/// <summary>What an instance-override listing cursor remembers: the series, the fieldset, the page size and the identity start of the last override.</summary>
internal sealed record InstanceOverrideCursor(string RecurringSessionId, SessionFieldset Fieldset, int PageSize, LocalDateTime AfterIdentityStart)
{
    private const int Version = 1;
    private static readonly LocalDateTimePattern LocalText = LocalDateTimePattern.ExtendedIso;

    public byte[] ToPayload()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", Version);
            writer.WriteString("series", RecurringSessionId);
            writer.WriteNumber("fieldset", (int)Fieldset);
            writer.WriteNumber("size", PageSize);
            writer.WriteString("after", LocalText.Format(AfterIdentityStart));
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    public static InstanceOverrideCursor FromPayload(byte[] payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.GetProperty("v").GetInt32() != Version)
            {
                throw Malformed();
            }

            return new InstanceOverrideCursor(
                root.GetProperty("series").GetString()!,
                (SessionFieldset)root.GetProperty("fieldset").GetInt32(),
                root.GetProperty("size").GetInt32(),
                LocalText.Parse(root.GetProperty("after").GetString()!).GetValueOrThrow());
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or UnparsableValueException or DecoderFallbackException or FormatException or ArgumentException)
        {
            throw Malformed(exception);
        }
    }

    private static SchedulingException Malformed(Exception? inner = null) =>
        new(SchedulingErrorCode.InvalidArgument, "The cursor is malformed: pass back exactly the cursor a page returned.", "cursor", inner);
}
