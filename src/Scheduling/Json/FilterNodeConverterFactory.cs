using System.Text.Json;
using System.Text.Json.Serialization;
using Scheduling.Querying;

namespace Scheduling.Json;

/// <summary>
/// A bare <see cref="FilterNode"/> (and each node type) is written as its canonical JSON, as
/// <see cref="FilterNode.ToString"/> gives it, for logs and diagnostics. It is not read back on its own: the canonical
/// JSON writes an instant and a text alike as a string, and only the schema of the items filtered tells them apart,
/// so a filter travels as a <see cref="Sessions.SessionFilter"/> or an <see cref="Attendance.AttendanceFilter"/>,
/// which read it exactly. Reading one is a <see cref="JsonException"/> that says so.
/// </summary>
internal sealed class FilterNodeConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeof(FilterNode).IsAssignableFrom(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(FilterNodeConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class FilterNodeConverter<TNode> : JsonConverter<TNode>
        where TNode : FilterNode
    {
        public override TNode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw JsonFailure.Because(
                "A filter tree is read with the schema of the items it filters, which tells instants from text: read a SessionFilter or an AttendanceFilter.");

        public override void Write(Utf8JsonWriter writer, TNode value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.ToString(), skipInputValidation: true);
    }
}
