using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Scheduling.Json;

/// <summary>
/// Reads and writes a nested value through the converter the options give its type (reflection or a source-generated
/// context alike), within the current document, so that errors report the position in the whole document.
/// </summary>
internal static class JsonValues
{
    public static T? Read<T>(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        var converter = ConverterOf<T>(options);
        if (reader.TokenType == JsonTokenType.Null && !converter.HandleNull)
        {
            return default(T) is null ? default : throw JsonFailure.Because($"null is not a {typeof(T).Name}.");
        }

        return converter.Read(ref reader, typeof(T), options);
    }

    public static void Write<T>(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        var converter = ConverterOf<T>(options);
        if (value is null && !converter.HandleNull)
        {
            writer.WriteNullValue();
            return;
        }

        converter.Write(writer, value, options);
    }

    private static JsonConverter<T> ConverterOf<T>(JsonSerializerOptions options)
    {
        // The options of the last call are nearly always those of this one: their converter is kept beside them.
        if (Last<T>.Entry is { } entry && ReferenceEquals(entry.Options, options))
        {
            return entry.Converter;
        }

        var converter = (JsonConverter<T>)options.GetTypeInfo(typeof(T)).Converter;
        Last<T>.Entry = new LastConverter<T>(options, converter);
        return converter;
    }

    private sealed record LastConverter<T>(JsonSerializerOptions Options, JsonConverter<T> Converter);

    private static class Last<T>
    {
        public static volatile LastConverter<T>? Entry;
    }
}
