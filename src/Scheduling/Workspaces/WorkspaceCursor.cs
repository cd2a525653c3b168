using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Scheduling.Workspaces;

/// <summary>
/// What a workspace list cursor remembers: the instant the list reads statuses at (so every page agrees with the
/// first) and the sessions query cursor of the next page, which carries the query and the position.
/// </summary>
internal sealed record WorkspaceCursor(Instant AsOf, string SessionsCursor)
{
    private const int Version = 1;
    private const string Kind = "workspace-sessions";
    private static readonly InstantPattern InstantText = InstantPattern.ExtendedIso;

    public byte[] ToPayload()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", Version);
            writer.WriteString("kind", Kind);
            writer.WriteString("asOf", InstantText.Format(AsOf));
            writer.WriteString("sessions", SessionsCursor);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    public static WorkspaceCursor FromPayload(byte[] payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.GetProperty("v").GetInt32() != Version || root.GetProperty("kind").GetString() != Kind)
            {
                throw Malformed();
            }

            return new WorkspaceCursor(
                InstantText.Parse(root.GetProperty("asOf").GetString()!).GetValueOrThrow(),
                root.GetProperty("sessions").GetString()!);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or UnparsableValueException or DecoderFallbackException or FormatException or ArgumentException or SchedulingException)
        {
            throw Malformed(exception);
        }
    }

    private static SchedulingException Malformed(Exception? inner = null) =>
        new(SchedulingErrorCode.InvalidArgument, "The cursor is not a workspace session list cursor: pass back exactly the cursor a page of this list returned.", "cursor", inner);
}
