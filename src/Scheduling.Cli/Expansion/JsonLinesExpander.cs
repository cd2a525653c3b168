using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Scheduling.Cli.Json;
using Scheduling.Cli.Text;
using Scheduling.Recurrence;

namespace Scheduling.Cli.Expansion;

/// <summary>
/// Expands a stream of JSON lines requests into a stream of JSON lines responses: one response per request, in
/// order, each written and flushed as soon as it is ready, so a caller may hold a conversation through the pipes.
/// </summary>
/// <remarks>
/// <para>A request is <c>{"id":...,"tz":...,"dtstart":...,"rrule":...,"exdate":[...],"rdate":[...],"from":...,"to":...}</c>
/// (see <see cref="RequestLineReader"/> and <see cref="ExpansionRequest"/>); the response is
/// <c>{"id":...,"occurrences":["2025-01-06T18:30:00-05:00",...]}</c> or <c>{"id":...,"error":"..."}</c>, with
/// <c>id</c> echoed as given. A line that fails in any way gets an error response and the stream goes on; blank
/// lines get no response. Responses are UTF-8 and end with <c>\n</c>.</para>
/// <para>Work per line is small: zones are cached, and the response is built in one reused buffer and written with
/// one call. Each request is bounded by <see cref="ExpansionLimits"/> and by the expander's budget of time: a line
/// that runs out gets an error response and the next line is read. An instance is not thread-safe; give each stream
/// its own.</para>
/// </remarks>
internal sealed class JsonLinesExpander
{
    private static readonly JsonEncodedText IdProperty = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText OccurrencesProperty = JsonEncodedText.Encode("occurrences");
    private static readonly JsonEncodedText ErrorProperty = JsonEncodedText.Encode("error");

    // Relaxed escaping keeps '+' in offsets and non-ASCII text in messages readable; the output is not embedded in HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private const int MaxRetainedRequestBytes = 1 << 20;

    private readonly TimeZoneCache _zones;
    private readonly TimeSpan _budget;
    private readonly TimeProvider _time;
    private readonly List<Occurrence> _occurrences = [];
    private readonly ArrayBufferWriter<byte> _response = new(4096);
    private byte[] _request = new byte[4096];

    /// <summary>Creates an expander.</summary>
    /// <param name="zones">The zone cache to use; a new one over the tz database by default.</param>
    /// <param name="budget">
    /// How long one line may expand before it gets an error response instead; by default
    /// <see cref="ExpansionLimits.DefaultBudgetMilliseconds"/>, <see cref="Timeout.InfiniteTimeSpan"/> for no limit.
    /// </param>
    /// <param name="time">What the budget is measured by; the system's clock by default.</param>
    public JsonLinesExpander(TimeZoneCache? zones = null, TimeSpan? budget = null, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _zones = zones ?? new TimeZoneCache();
        _budget = budget ?? TimeSpan.FromMilliseconds(ExpansionLimits.DefaultBudgetMilliseconds);
    }

    /// <summary>Reads requests from <paramref name="input"/> until it ends and writes a response for each to <paramref name="output"/>.</summary>
    /// <param name="input">The requests, one JSON object per line.</param>
    /// <param name="output">Where responses go; flushed after each one and left open.</param>
    /// <param name="cancellationToken">Checked between lines and while expanding.</param>
    /// <returns>The number of responses written.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public int Run(TextReader input, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new Utf8JsonWriter(_response, WriterOptions);
        var responses = 0;
        while (input.ReadLine() is { } line)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            _response.ResetWrittenCount();
            writer.Reset();
            WriteResponse(line, writer, cancellationToken);
            writer.Flush();
            "\n"u8.CopyTo(_response.GetSpan(1));
            _response.Advance(1);
            output.Write(_response.WrittenSpan);
            output.Flush();
            responses++;
        }

        return responses;
    }

    private void WriteResponse(string line, Utf8JsonWriter writer, CancellationToken cancellationToken)
    {
        var id = RequestId.Null;
        string? error;
        try
        {
            if (RequestLineReader.TryRead(Encode(line), out id, out var input, out error)
                && ExpansionRequest.TryCreate(input, _zones, out var request, out error)
                && request.TryExpand(_occurrences, out error, _budget, _time, cancellationToken))
            {
                WriteOccurrences(writer, id, request.IsAllDay);
                return;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A failure nobody foresaw still answers its own line and leaves the stream running.
            _response.ResetWrittenCount();
            writer.Reset();
            error = $"unexpected {exception.GetType().Name}: {exception.Message}";
        }

        writer.WriteStartObject();
        id.WriteTo(writer, IdProperty);
        writer.WriteString(ErrorProperty, error);
        writer.WriteEndObject();
    }

    private void WriteOccurrences(Utf8JsonWriter writer, RequestId id, bool allDay)
    {
        Span<byte> text = stackalloc byte[OccurrenceFormatting.MaxLength];
        writer.WriteStartObject();
        id.WriteTo(writer, IdProperty);
        writer.WriteStartArray(OccurrencesProperty);
        foreach (var occurrence in _occurrences)
        {
            var length = allDay
                ? OccurrenceFormatting.WriteDate(occurrence, text)
                : OccurrenceFormatting.WriteDateTime(occurrence, text);
            writer.WriteStringValue(text[..length]);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private ReadOnlySpan<byte> Encode(string line)
    {
        // A byte order mark that reached us as text is not part of the JSON.
        var text = line.AsSpan().TrimStart('\uFEFF');
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        var buffer = _request;
        if (length > buffer.Length)
        {
            // Keep a bigger buffer for the lines to come, but not one that a single huge line asked for.
            buffer = new byte[Math.Max(length, buffer.Length * 2)];
            if (buffer.Length <= MaxRetainedRequestBytes)
            {
                _request = buffer;
            }
        }

        var written = Encoding.UTF8.GetBytes(text, buffer);
        return buffer.AsSpan(0, written);
    }
}
