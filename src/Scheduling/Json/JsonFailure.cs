using System.Text.Json;

namespace Scheduling.Json;

/// <summary>
/// The errors the converters raise: always a <see cref="JsonException"/>, whose <see cref="JsonException.Path"/> the
/// serializer fills in with where the value sits in the document.
/// </summary>
internal static class JsonFailure
{
    public static JsonException Because(string message, Exception? innerException = null) => new(message, innerException);

    public static JsonException Expected(string what, JsonTokenType found) =>
        new($"Expected {what}, found {Describe(found)}.");

    public static void ExpectToken(ref Utf8JsonReader reader, JsonTokenType expected, string what)
    {
        if (reader.TokenType != expected)
        {
            throw Expected(what, reader.TokenType);
        }
    }

    public static string ReadString(ref Utf8JsonReader reader, string what)
    {
        ExpectToken(ref reader, JsonTokenType.String, what);
        return reader.GetString()!;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
