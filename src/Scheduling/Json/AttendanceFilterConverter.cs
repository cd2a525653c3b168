using System.Text.Json;
using System.Text.Json.Serialization;
using Scheduling.Attendance;

namespace Scheduling.Json;

/// <summary>
/// An <see cref="AttendanceFilter"/> as its canonical query-language JSON (<c>{"status":{"$eq":"ATTENDED"}}</c>),
/// read back by <see cref="AttendanceFilter.Parse(string)"/>: a filter it refuses is a <see cref="JsonException"/>
/// with the <see cref="SchedulingException"/> as inner exception.
/// </summary>
internal sealed class AttendanceFilterConverter : JsonConverter<AttendanceFilter>
{
    public override AttendanceFilter Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        QueryLanguageText.Read(ref reader, AttendanceFilter.Parse);

    public override void Write(Utf8JsonWriter writer, AttendanceFilter value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.ToJson(), skipInputValidation: true);
}
