using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scheduling.Json;

/// <summary>
/// A map of names by id (<see cref="Sessions.NameSnapshot"/>) as a JSON object whose members are written in the
/// ordinal order of the ids, so the same map is the same text in every process (a dictionary's own order follows
/// string hash codes, which change from one process to the next). Reading refuses a repeated id and a value that is
/// not a string.
/// </summary>
internal sealed class NameMapConverter : JsonConverter<ImmutableDictionary<string, string>>
{
    public override ImmutableDictionary<string, string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonFailure.ExpectToken(ref reader, JsonTokenType.StartObject, "an object of names by id");
        var names = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var id = reader.GetString()!;
            reader.Read();
            var name = JsonFailure.ReadString(ref reader, $"a name for '{id}'");
            if (!names.TryAdd(id, name))
            {
                throw JsonFailure.Because($"The id '{id}' appears twice.");
            }
        }

        return names.ToImmutable();
    }

    public override void Write(Utf8JsonWriter writer, ImmutableDictionary<string, string> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (id, name) in value.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            writer.WriteString(id, name);
        }

        writer.WriteEndObject();
    }
}
