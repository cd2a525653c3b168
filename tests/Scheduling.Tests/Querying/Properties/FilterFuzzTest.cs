using System.Text;
using Scheduling.Querying;
using Scheduling.Sessions;
using Scheduling.Testing;

namespace Scheduling.Tests.Querying.Properties;

/// <summary>
/// Mutated filter texts (characters and bytes changed, spans cut, doubled or dropped, deep nesting, huge arrays) give
/// a filter or a typed error on <c>filter</c>, never anything else, and the work of reading one is bounded by the
/// limits, not by the text.
/// </summary>
public sealed class FilterFuzzTest
{
    /// <summary>What reading any text may allocate: the text's UTF-8 and a tree within the limits, with room to spare.</summary>
    private const long MaxAllocatedPerParse = 24L * 1024 * 1024;

    private static readonly string[] Corpus =
    [
        """{}""",
        """{"title":"Yoga","tags":{"$hasSome":["a","b"]}}""",
        """{"$or":[{"capacity":{"$gt":3,"$lte":10}},{"$not":{"status":"CANCELLED"}}]}""",
        """{"$and":[{"start":{"$gte":"2025-03-01T00:00:00Z"}},{"end":{"$lt":"2025-03-02T00:00:00.5Z"}}]}""",
        """{"participants.id":{"$ne":"p1"},"serviceIds":{"$hasAll":["x"]},"location":{"$exists":false}}""",
        """{"type":{"$in":["event","WORKING_HOURS"]},"progress":{"$nin":["NONE"]},"id":{"$in":["\u00e9\ud83d\ude00"]}}""",
    ];

    private static readonly string[] Splices =
    [
        "{", "}", "[", "]", "\"", "\\", ":", ",", "$", "$and", "$not", "{}", "[]", "null", "1e999", "-0", "\\u", "\\ud800", "\\udc00",
        "\uD800", "\uDC00", "\u0000", "\"title\"", "{\"$not\":", "\"$in\":[", "9223372036854775808", "true",
    ];

    [Fact]
    public void Mutated_text_gives_a_filter_or_a_typed_error_within_bounded_work()
    {
        var random = PropertyRuns.RandomSource(salt: 11);
        var cases = PropertyRuns.Cases(1_500);
        var trees = new FilterTrees<Session>(SessionFilter.Schema, random);
        for (var i = 0; i < cases; i++)
        {
            var seed = i % 4 == 0
                ? trees.Next(random.Next(2) == 0 ? 30 : FilterLimits.MaxNodes, random.Next(FilterLimits.MaxDepth + 1)).ToString()
                : Corpus[random.Next(Corpus.Length)];
            var text = Mutate(seed, random);

            ParsesOrFailsTyped(text, () => SessionFilter.Parse(text), text.Length);
        }
    }

    [Fact]
    public void Mutated_utf8_gives_a_filter_or_a_typed_error_within_bounded_work()
    {
        var random = PropertyRuns.RandomSource(salt: 12);
        var cases = PropertyRuns.Cases(1_500);
        for (var i = 0; i < cases; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(Mutate(Corpus[random.Next(Corpus.Length)], random)).ToList();
            for (var edits = random.Next(1, 4); edits > 0 && bytes.Count > 0; edits--)
            {
                bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
            }

            var utf8 = bytes.ToArray();
            ParsesOrFailsTyped(Convert.ToHexString(utf8), () => SessionFilter.Parse(utf8), utf8.Length);
        }
    }

    [Theory]
    [InlineData(10)]
    [InlineData(17)]
    [InlineData(40)]
    [InlineData(100_000)]
    public void Deep_nesting_gives_a_typed_error_past_the_limit(int depth)
    {
        var shapes = new[]
        {
            string.Concat(Enumerable.Repeat("""{"$not":""", depth)) + "{}" + new string('}', depth),
            string.Concat(Enumerable.Repeat("""{"$and":[""", depth)) + "{}" + string.Concat(Enumerable.Repeat("]}", depth)),
            """{"title":""" + new string('[', depth) + new string(']', depth) + "}",
            new string('[', depth) + new string(']', depth),
        };

        foreach (var json in shapes)
        {
            ParsesOrFailsTyped(json, () => SessionFilter.Parse(json), json.Length);
        }
    }

    [Theory]
    [InlineData(1_001)]
    [InlineData(100_000)]
    public void Huge_arrays_give_a_typed_error(int length)
    {
        var shapes = new[]
        {
            """{"id":{"$in":[""" + string.Join(",", Enumerable.Repeat("\"a\"", length)) + "]}}",
            """{"capacity":{"$nin":[""" + string.Join(",", Enumerable.Repeat("1", length)) + "]}}",
            """{"$or":[""" + string.Join(",", Enumerable.Repeat("""{"title":"a"}""", length)) + "]}",
            """{"title":[""" + string.Join(",", Enumerable.Repeat("1", length)) + "]}",
        };

        foreach (var json in shapes)
        {
            var error = ParsesOrFailsTyped(json, () => SessionFilter.Parse(json), json.Length);

            error.Should().NotBeNull();
        }
    }

    private static SchedulingException? ParsesOrFailsTyped(string shown, Func<SessionFilter> parse, int length)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        SessionFilter? filter = null;
        SchedulingException? error = null;
        try
        {
            filter = parse();
        }
        catch (SchedulingException exception)
        {
            error = exception;
        }
        catch (Exception exception)
        {
            throw new Xunit.Sdk.XunitException($"Untyped {exception.GetType().Name} for {Shorten(shown)}: {exception}");
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        allocated.Should().BeLessThan(length > FilterLimits.MaxJsonLength ? 64 * 1024 : MaxAllocatedPerParse, "reading {0} is bounded by the limits", Shorten(shown));
        if (error is not null)
        {
            error.Code.Should().BeOneOf(SchedulingErrorCode.InvalidArgument, SchedulingErrorCode.LimitExceeded);
            error.Field.Should().StartWith("filter");
            error.Message.Length.Should().BeLessThan(2_000, "a message quotes at most a little of the text: {0}", error.Message[..Math.Min(600, error.Message.Length)]);
        }
        else
        {
            filter!.Node.Size.Should().BeLessThanOrEqualTo(FilterLimits.MaxNodes);
            filter.Node.Depth.Should().BeLessThanOrEqualTo(FilterLimits.MaxDepth);
            SessionFilter.Parse(filter.ToJson()).Node.Should().Be(filter.Node);
        }

        return error;
    }

    private static string Mutate(string text, Random random)
    {
        var result = new StringBuilder(text);
        for (var edits = random.Next(1, 5); edits > 0; edits--)
        {
            var at = result.Length == 0 ? 0 : random.Next(result.Length);
            switch (random.Next(7))
            {
                case 0:
                    if (result.Length > 0)
                    {
                        result[at] = (char)random.Next(0x20, 0x7F);
                    }

                    break;
                case 1:
                    result.Insert(at, Splices[random.Next(Splices.Length)]);
                    break;
                case 2:
                    result.Remove(at, Math.Min(result.Length - at, random.Next(1, 8)));
                    break;
                case 3:
                    result.Length = at;
                    break;
                case 4:
                    var span = result.ToString(at, Math.Min(result.Length - at, random.Next(1, 40)));
                    result.Insert(at, string.Concat(Enumerable.Repeat(span, random.Next(2, 50))));
                    break;
                case 5:
                    var depth = random.Next(1, 40);
                    result.Insert(0, string.Concat(Enumerable.Repeat("""{"$not":""", depth)));
                    result.Append('}', depth);
                    break;
                default:
                    result.Insert(at, "[" + string.Join(",", Enumerable.Repeat("\"x\"", random.Next(1, 3_000))) + "]");
                    break;
            }
        }

        return result.ToString();
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "...";
}
