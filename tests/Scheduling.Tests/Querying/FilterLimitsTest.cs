using System.Collections.Immutable;
using System.Text;
using Scheduling.Querying;
using Scheduling.Sessions;

namespace Scheduling.Tests.Querying;

/// <summary>
/// The limits of the filter language (<see cref="FilterLimits"/>): every node and value counts, strings and text are
/// bounded, and the same limits hold for JSON and for trees built in code, checked before any work.
/// </summary>
public sealed class FilterLimitsTest
{
    [Fact]
    public void A_million_empty_filters_are_refused_before_reading()
    {
        var json = """{"$and":[""" + string.Join(",", Enumerable.Repeat("{}", 1_000_000)) + "]}";

        var (error, allocated) = ParseMeasured(json);

        ShouldBeLimit(error);
        allocated.Should().BeLessThan(64 * 1024, "text over the length limit is refused before it is read");
    }

    [Fact]
    public void Empty_filters_count_toward_the_node_limit()
    {
        // An "all of" with 999 empty filters is 1,000 nodes; one more is over.
        Parse(AndOf(Enumerable.Repeat("{}", FilterLimits.MaxNodes - 1))).Node.Size.Should().Be(FilterLimits.MaxNodes);

        ShouldBeLimit(Refused(AndOf(Enumerable.Repeat("{}", FilterLimits.MaxNodes))));
    }

    [Fact]
    public void Not_counts_toward_the_node_limit()
    {
        // Each part is three: the $not, its condition and the condition's value; the $and around them is one more.
        var negated = Enumerable.Repeat("""{"$not":{"capacity":{"$exists":true}}}""", 333);

        Parse(AndOf(negated)).Node.Size.Should().Be(1 + (333 * 3));
        ShouldBeLimit(Refused(AndOf(Enumerable.Repeat("""{"$not":{"capacity":{"$exists":true}}}""", 334))));
    }

    [Fact]
    public void A_condition_counts_itself_and_each_of_its_values()
    {
        SessionFilter.Parse("""{"id":{"$in":["a","b"]}}""").Node.Size.Should().Be(3);
        SessionFilter.Parse("""{"capacity":{"$gte":1,"$lte":9}}""").Node.Size.Should().Be(5);
    }

    [Fact]
    public void In_with_a_million_ids_is_refused_before_reading()
    {
        var json = """{"id":{"$in":[""" + string.Join(",", Enumerable.Range(0, 1_000_000).Select(i => $"\"s{i}\"")) + "]}}";

        var (error, allocated) = ParseMeasured(json);

        ShouldBeLimit(error);
        allocated.Should().BeLessThan(64 * 1024);
    }

    [Fact]
    public void In_with_more_ids_than_the_limit_stops_reading_at_the_limit()
    {
        // 40,000 short ids fit the text length limit, so the reader itself must stop at the 1,000th node.
        var json = """{"id":{"$in":[""" + string.Join(",", Enumerable.Range(0, 40_000).Select(i => $"\"{i % 10}\"")) + "]}}";
        json.Length.Should().BeLessThan(FilterLimits.MaxJsonLength);

        var (error, allocated) = ParseMeasured(json);

        ShouldBeLimit(error);
        allocated.Should().BeLessThan(2 * 1024 * 1024, "reading stops at the node limit instead of building 40,000 values");
    }

    [Fact]
    public void Value_longer_than_the_limit_exceeds_it()
    {
        Parse($$"""{"title":"{{new string('a', FilterLimits.MaxValueLength)}}"}""");

        ShouldBeLimit(Refused($$"""{"title":"{{new string('a', FilterLimits.MaxValueLength + 1)}}"}"""));
        ShouldBeLimit(Build(() => SessionFilter.FromNode(new FilterNode.Condition("title", FilterOperator.Eq, [FilterValue.Of(new string('a', FilterLimits.MaxValueLength + 1))]))));
    }

    [Fact]
    public void Values_longer_together_than_the_limit_exceed_it()
    {
        var value = new string('a', FilterLimits.MaxValueLength);
        var fits = FilterLimits.MaxTextLength / FilterLimits.MaxValueLength;
        string Tags(int count) => """{"tags":{"$hasSome":[""" + string.Join(",", Enumerable.Repeat($"\"{value}\"", count)) + "]}}";

        Parse(Tags(fits)).Node.TextLength.Should().Be(FilterLimits.MaxTextLength);
        ShouldBeLimit(Refused(Tags(fits + 1)));
        ShouldBeLimit(Build(() => SessionFilter.HasAnyTag([.. Enumerable.Repeat(value, fits + 1)])));
    }

    [Fact]
    public void Text_longer_than_the_limit_is_refused_even_when_it_is_white_space()
    {
        ShouldBeLimit(Refused("{}" + new string(' ', FilterLimits.MaxJsonLength)));
        ShouldBeLimit(Build(() => SessionFilter.Parse(Encoding.UTF8.GetBytes("{}" + new string(' ', FilterLimits.MaxJsonLength)))));
    }

    [Fact]
    public void Several_keys_at_the_deepest_level_are_one_level_deeper_and_refused()
    {
        // Several keys are an "all of": the conditions sit one level below the object, as the canonical form writes them.
        Parse(NotOf(FilterLimits.MaxDepth, """{"title":"a"}""")).Node.Depth.Should().Be(FilterLimits.MaxDepth);
        Parse(NotOf(FilterLimits.MaxDepth - 1, """{"title":"a","tags":"b"}""")).Node.Depth.Should().Be(FilterLimits.MaxDepth);

        ShouldBeLimit(Refused(NotOf(FilterLimits.MaxDepth, """{"title":"a","tags":"b"}""")));
        ShouldBeLimit(Refused(NotOf(FilterLimits.MaxDepth, """{"capacity":{"$gt":1,"$lt":9}}""")));
    }

    [Fact]
    public void Deepest_filter_with_several_keys_parses_back_from_its_canonical_form()
    {
        var filter = Parse(NotOf(FilterLimits.MaxDepth - 1, """{"title":"a","capacity":{"$gt":1,"$lt":9}}"""));

        SessionFilter.Parse(filter.ToJson()).Node.Should().Be(filter.Node);
    }

    [Fact]
    public void Not_applied_once_more_than_the_depth_limit_in_code_exceeds_it()
    {
        var filter = SessionFilter.ClientIdIs("c1");
        for (var i = 0; i < FilterLimits.MaxDepth; i++)
        {
            filter = filter.Not();
        }

        ShouldBeLimit(Build(() => filter.Not()));
    }

    [Fact]
    public void A_hundred_thousand_nested_nots_in_code_are_refused_at_the_limit_without_overflowing()
    {
        var filter = SessionFilter.ClientIdIs("c1");
        FilterNode node = new FilterNode.Condition("clientId", FilterOperator.Eq, [FilterValue.Of("c1")]);
        var builtFilters = 0;
        var builtNodes = 0;
        SchedulingException? filterError = null;
        SchedulingException? nodeError = null;
        for (var i = 0; i < 100_000 && (filterError is null || nodeError is null); i++)
        {
            try
            {
                filter = filter.Not();
                builtFilters++;
            }
            catch (SchedulingException exception)
            {
                filterError ??= exception;
            }

            try
            {
                node = new FilterNode.Not(node);
                builtNodes++;
            }
            catch (SchedulingException exception)
            {
                nodeError ??= exception;
            }
        }

        builtFilters.Should().Be(FilterLimits.MaxDepth);
        builtNodes.Should().Be(FilterLimits.MaxDepth);
        ShouldBeLimit(filterError);
        ShouldBeLimit(nodeError);
    }

    [Fact]
    public void And_in_a_loop_is_refused_where_its_nesting_passes_the_limit()
    {
        var filter = SessionFilter.ClientIdIs("c0");
        var joined = 0;
        var join = () =>
        {
            for (var i = 1; i <= 20; i++)
            {
                filter = filter.And(SessionFilter.ClientIdIs($"c{i}"));
                joined++;
            }
        };

        ShouldBeLimit(Build(join));
        joined.Should().Be(FilterLimits.MaxDepth);
        SessionFilter.Parse(filter.ToJson()).Node.Should().Be(filter.Node, "every filter that was built has a canonical form the parser accepts");
    }

    [Fact]
    public void Many_parts_join_flat_within_the_limits()
    {
        var parts = Enumerable.Range(0, 300).Select(i => SessionFilter.ClientIdIs($"c{i}").Node);

        var filter = SessionFilter.FromNode(new FilterNode.AllOf([.. parts]));

        filter.Node.Depth.Should().Be(1);
        filter.Node.Size.Should().Be(601);
    }

    [Fact]
    public void Two_legal_filters_together_over_the_node_limit_are_refused_naming_the_filter()
    {
        var ids = SessionFilter.ScheduleIdIn([.. Enumerable.Range(0, 600).Select(i => $"s{i}")]);
        var tags = SessionFilter.HasAnyTag([.. Enumerable.Range(0, 600).Select(i => $"t{i}")]);

        ShouldBeLimit(Build(() => ids.And(tags)));
        ShouldBeLimit(Build(() => ids.Or(tags)));
        ShouldBeLimit(Build(() => SessionFilter.FromNode(new FilterNode.AllOf([ids.Node, tags.Node]))));
    }

    [Fact]
    public void A_with_expression_is_measured_like_a_new_node()
    {
        var condition = new FilterNode.Condition("id", FilterOperator.In, [FilterValue.Of("a")]);
        var many = Enumerable.Range(0, FilterLimits.MaxNodes).Select(i => FilterValue.Of($"s{i}")).ToImmutableArray();

        ShouldBeLimit(Build(() => condition with { Values = many }));
        (condition with { Values = [FilterValue.Of("a"), FilterValue.Of("b")] }).Size.Should().Be(3);
    }

    [Fact]
    public void Largest_tree_writes_canonical_json_within_the_documented_length()
    {
        // Worst cases for the length: text that escapes six times over, the widest values, the deepest nesting.
        var escaped = new string('\u0001', FilterLimits.MaxValueLength);
        var texts = FilterLimits.MaxTextLength / FilterLimits.MaxValueLength;
        var escapedText = new FilterNode.AllOf(
        [
            new FilterNode.Condition("tags", FilterOperator.HasSome, [.. Enumerable.Repeat(FilterValue.Of(escaped), texts)]),
            .. Enumerable.Repeat(new FilterNode.Condition("title", FilterOperator.Ne, [FilterValue.Of("")]), (FilterLimits.MaxNodes - texts - 2) / 2),
        ]);
        var numbers = new FilterNode.Condition("capacity", FilterOperator.In, [.. Enumerable.Repeat(FilterValue.Of(long.MinValue), FilterLimits.MaxNodes - 1)]);
        var widestInstant = FilterValue.Of(Instant.MinValue + Duration.FromNanoseconds(999_999_999));
        var instants = new FilterNode.AllOf([.. Enumerable.Repeat(new FilterNode.Condition("start", FilterOperator.Gte, [widestInstant]), (FilterLimits.MaxNodes - 1) / 2)]);
        var deepest = NotNode(FilterLimits.MaxDepth, new FilterNode.AllOf([]));

        foreach (var node in new FilterNode[] { escapedText, numbers, instants, deepest })
        {
            var json = SessionFilter.FromNode(node).ToJson();

            json.Length.Should().BeLessThanOrEqualTo(FilterLimits.MaxCanonicalJsonLength);
            json.All(char.IsAscii).Should().BeTrue();
            SessionFilter.Parse(json).Node.Should().Be(node);
        }

        FilterLimits.MaxCanonicalJsonLength.Should().BeLessThan(FilterLimits.MaxJsonLength);
    }

    private static SessionFilter Parse(string json) => SessionFilter.Parse(json);

    private static SchedulingException? Refused(string json) => Build(() => SessionFilter.Parse(json));

    private static SchedulingException? Build(Action build)
    {
        try
        {
            build();
            return null;
        }
        catch (SchedulingException exception)
        {
            return exception;
        }
    }

    private static SchedulingException? Build(Func<object> build) => Build(() => { build(); });

    private static (SchedulingException? Error, long Allocated) ParseMeasured(string json)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Refused(json);
        return (error, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void ShouldBeLimit(SchedulingException? error)
    {
        error.Should().NotBeNull("the filter is over a limit");
        error!.Code.Should().Be(SchedulingErrorCode.LimitExceeded);
        error.Field.Should().Be("filter");
    }

    private static string AndOf(IEnumerable<string> parts) => """{"$and":[""" + string.Join(",", parts) + "]}";

    private static string NotOf(int depth, string inner) => depth == 0 ? inner : """{"$not":""" + NotOf(depth - 1, inner) + "}";

    private static FilterNode NotNode(int depth, FilterNode inner) => depth == 0 ? inner : new FilterNode.Not(NotNode(depth - 1, inner));
}
