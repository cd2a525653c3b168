using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scheduling.Json;

/// <summary>
/// An enum as its wire name: the member's name in SCREAMING_SNAKE_CASE (<c>WorkingHours</c> is <c>WORKING_HOURS</c>),
/// which is also the name the filter language uses (<c>{"status":"CONFIRMED"}</c>). Reading takes exactly those
/// names, no numbers and no other spelling, so a document means one thing.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal sealed class WireEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> Names =
        Enum.GetValues<TEnum>().Distinct().ToFrozenDictionary(v => v, v => WireName.Of(v.ToString()));

    private static readonly FrozenDictionary<string, TEnum> Values =
        Names.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    private static readonly string Choices = string.Join(", ", Enum.GetValues<TEnum>().Distinct().Select(v => Names[v]));

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(JsonFailure.ReadString(ref reader, $"a {typeof(TEnum).Name} ({Choices})"));

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WriteStringValue(NameOf(value));

    public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WritePropertyName(NameOf(value));

    private static string NameOf(TEnum value) =>
        Names.TryGetValue(value, out var name)
            ? name
            : throw JsonFailure.Because($"{Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)} is not a {typeof(TEnum).Name}, so it has no wire name.");

    private static TEnum Parse(string text) =>
        Values.TryGetValue(text, out var value)
            ? value
            : throw JsonFailure.Because($"'{text}' is not a {typeof(TEnum).Name}: use one of {Choices}.");
}
