using System.Text.Json;
using System.Text.Json.Serialization;
using Scheduling.Attendance;

namespace Scheduling.Json;

/// <summary>
/// An <see cref="AttendanceSort"/> in the attendance API's form, <c>[{"fieldName":"numberOfAttendees","order":"DESC"}]</c>
/// (<see cref="AttendanceSort.ToJson"/>), read back by <see cref="AttendanceSort.Parse"/>.
/// </summary>
internal sealed class AttendanceSortConverter : JsonConverter<AttendanceSort>
{
    public override AttendanceSort Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        QueryLanguageText.Read(ref reader, AttendanceSort.Parse);

    public override void Write(Utf8JsonWriter writer, AttendanceSort value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.ToJson(), skipInputValidation: true);
}
