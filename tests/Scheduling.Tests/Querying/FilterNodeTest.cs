using Scheduling.Querying;
using Scheduling.Sessions;

namespace Scheduling.Tests.Querying;

/// <summary>A filter tree is a value: equal when its structure is, measured when it is made, written as its canonical JSON.</summary>
public sealed class FilterNodeTest
{
    [Fact]
    public void Trees_built_apart_with_the_same_structure_are_equal_and_hash_alike()
    {
        static FilterNode Build() => new FilterNode.AnyOf(
        [
            new FilterNode.Not(new FilterNode.Condition("tags", FilterOperator.HasAll, [FilterValue.Of("a"), FilterValue.Of("b")])),
            new FilterNode.AllOf([new FilterNode.Condition("capacity", FilterOperator.Gt, [FilterValue.Of(3L)]), new FilterNode.AllOf([])]),
        ]);

        var left = Build();
        var right = Build();

        left.Should().Be(right);
        (left == right).Should().BeTrue();
        left.GetHashCode().Should().Be(right.GetHashCode());
    }

    [Fact]
    public void Trees_that_differ_anywhere_are_not_equal()
    {
        var condition = new FilterNode.Condition("tags", FilterOperator.HasSome, [FilterValue.Of("a"), FilterValue.Of("b")]);

        condition.Should().NotBe(condition with { Values = [FilterValue.Of("b"), FilterValue.Of("a")] });
        condition.Should().NotBe(condition with { Operator = FilterOperator.HasAll });
        condition.Should().NotBe(condition with { Field = "serviceIds" });
        new FilterNode.AllOf([condition]).Should().NotBe(new FilterNode.AnyOf([condition]));
        new FilterNode.Not(condition).Should().NotBe(new FilterNode.Not(new FilterNode.Not(condition)));
        new FilterNode.AllOf([]).Should().NotBe(new FilterNode.AllOf([new FilterNode.AllOf([])]));
    }

    [Fact]
    public void Parsed_and_built_filters_are_equal_trees()
    {
        var built = SessionFilter.ScheduleIdIn("s1").And(SessionFilter.HasAnyTag("yoga").Not());

        var parsed = SessionFilter.Parse("""{"$and":[{"scheduleId":{"$in":["s1"]}},{"$not":{"tags":{"$hasSome":["yoga"]}}}]}""");

        parsed.Node.Should().Be(built.Node);
    }

    [Fact]
    public void A_tree_is_measured_when_it_is_made()
    {
        var node = new FilterNode.AllOf(
        [
            new FilterNode.Not(new FilterNode.Condition("title", FilterOperator.Eq, [FilterValue.Of("Yoga")])),
            new FilterNode.Condition("tags", FilterOperator.HasSome, [FilterValue.Of("a"), FilterValue.Of("bc")]),
        ]);

        node.Size.Should().Be(1 + 3 + 3);
        node.Depth.Should().Be(2);
        node.TextLength.Should().Be(7);
        new FilterNode.AllOf([]).Size.Should().Be(1);
        new FilterNode.AllOf([]).Depth.Should().Be(0);
    }

    [Fact]
    public void ToString_is_the_canonical_json()
    {
        var filter = SessionFilter.Parse("""{"title":"Yoga","$not":{"capacity":{"$gte":3}}}""");

        filter.Node.ToString().Should().Be("""{"$and":[{"title":{"$eq":"Yoga"}},{"$not":{"capacity":{"$gte":3}}}]}""");
        filter.Node.ToString().Should().Be(filter.ToJson());
    }

    [Fact]
    public void Positional_patterns_still_read_a_tree()
    {
        FilterNode node = new FilterNode.Not(new FilterNode.Condition("title", FilterOperator.Eq, [FilterValue.Of("a")]));

        var field = node is FilterNode.Not(FilterNode.Condition(var name, FilterOperator.Eq, _)) ? name : null;

        field.Should().Be("title");
    }
}
