using System.Text;
using System.Text.Json;
using Scheduling.Cli.Expansion;

namespace Scheduling.Cli.Tests.Expansion;

/// <summary>Runs request lines through a <see cref="JsonLinesExpander"/> in memory and reads the responses.</summary>
internal static class JsonLines
{
    /// <summary>Expands <paramref name="requests"/> (joined with <c>\n</c>) and returns the response lines.</summary>
    public static IReadOnlyList<string> Expand(params string[] requests)
    {
        using var output = new MemoryStream();
        new JsonLinesExpander().Run(new StringReader(string.Join('\n', requests)), output);
        var text = Encoding.UTF8.GetString(output.ToArray());
        text.Should().EndWith("\n", "every response ends its line");
        return text[..^1].Split('\n');
    }

    /// <summary>Expands one request and returns its one response.</summary>
    public static JsonElement ExpandOne(string request)
    {
        var responses = Expand(request);
        responses.Should().ContainSingle();
        return Parse(responses[0]);
    }

    /// <summary>Parses a response line.</summary>
    public static JsonElement Parse(string response)
    {
        using var document = JsonDocument.Parse(response);
        return document.RootElement.Clone();
    }

    /// <summary>The occurrences of a response, which must not be an error.</summary>
    public static IReadOnlyList<string> Occurrences(this JsonElement response)
    {
        response.TryGetProperty("error", out var error).Should().BeFalse($"the response should not be an error, but says {error}");
        return [.. response.GetProperty("occurrences").EnumerateArray().Select(occurrence => occurrence.GetString()!)];
    }

    /// <summary>The error message of a response, which must be an error.</summary>
    public static string Error(this JsonElement response)
    {
        response.TryGetProperty("occurrences", out _).Should().BeFalse("the response should be an error");
        return response.GetProperty("error").GetString()!;
    }

    /// <summary>A request line with the given fields; a null value leaves the field out.</summary>
    public static string Request(
        object? id = null,
        string? tz = "America/New_York",
        string? dtstart = "2025-01-06T09:00:00",
        string? rrule = null,
        string[]? exdate = null,
        string[]? rdate = null,
        string? from = "2025-01-01T00:00:00",
        string? to = "2026-01-01T00:00:00")
    {
        var fields = new Dictionary<string, object?>
        {
            ["id"] = id,
            ["tz"] = tz,
            ["dtstart"] = dtstart,
            ["rrule"] = rrule,
            ["exdate"] = exdate,
            ["rdate"] = rdate,
            ["from"] = from,
            ["to"] = to,
        };
        return JsonSerializer.Serialize(fields.Where(field => field.Value is not null).ToDictionary());
    }
}
