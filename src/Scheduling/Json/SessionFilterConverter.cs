using System.Text.Json;
using System.Text.Json.Serialization;
using Scheduling.Sessions;

namespace Scheduling.Json;

/// <summary>
/// A <see cref="SessionFilter"/> as its canonical query-language JSON (<c>{"tags":{"$hasSome":["yoga"]}}</c>, <c>{}</c>
/// for every session), read back by <see cref="SessionFilter.Parse(string)"/>: a filter it refuses is a
/// <see cref="JsonException"/> with the <see cref="SchedulingException"/> (and its path) as inner exception.
/// </summary>
internal sealed class SessionFilterConverter : JsonConverter<SessionFilter>
{
    public override SessionFilter Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        QueryLanguageText.Read(ref reader, SessionFilter.Parse);

    public override void Write(Utf8JsonWriter writer, SessionFilter value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.ToJson(), skipInputValidation: true);
}
