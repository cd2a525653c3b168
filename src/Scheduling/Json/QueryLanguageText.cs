using System.Text.Json;

namespace Scheduling.Json;

/// <summary>
/// Reads a value that the query language already has a JSON form for (a filter, a sort): the value's text, handed
/// to that form's parser, whose <see cref="SchedulingException"/> becomes the inner exception of a <see cref="JsonException"/>.
/// </summary>
internal static class QueryLanguageText
{
    public static T Read<T>(ref Utf8JsonReader reader, Func<string, T> parse)
    {
        string text;
        using (var document = JsonDocument.ParseValue(ref reader))
        {
            text = document.RootElement.GetRawText();
        }

        try
        {
            return parse(text);
        }
        catch (SchedulingException exception)
        {
            throw JsonFailure.Because(
                exception.Field is { } field ? $"{exception.Message} (at {field})" : exception.Message,
                exception);
        }
    }
}
