using Scheduling.Sessions;
using Scheduling.Stores;

namespace Scheduling.Tests.Sessions;

/// <summary>
/// What a filter hands down to the stores: only conditions every admitted session must meet, so a store may return
/// more than the filter admits, never less.
/// </summary>
public sealed class SessionFilterTest
{
    [Fact]
    public void Top_level_equality_conditions_on_shared_fields_are_pushed_down()
    {
        var filter = SessionFilter.Parse("""{"scheduleId":{"$in":["s1","s2"]},"scheduleOwnerId":"o1","type":"event","recurringSessionId":"yoga","tags":"a"}""");

        var pushed = filter.PushDown();

        pushed.ScheduleIds.Should().BeEquivalentTo("s1", "s2");
        pushed.ScheduleOwnerIds.Should().BeEquivalentTo("o1");
        pushed.Types.Should().BeEquivalentTo([SessionType.Event]);
        pushed.RecurringSessionIds.Should().BeEquivalentTo("yoga");
    }

    [Fact]
    public void Builder_conditions_are_pushed_down_like_parsed_ones()
    {
        var pushed = SessionFilter.ScheduleIdIn("s1").And(SessionFilter.TypeIs(SessionType.WorkingHours)).PushDown();

        pushed.ScheduleIds.Should().BeEquivalentTo("s1");
        pushed.Types.Should().BeEquivalentTo([SessionType.WorkingHours]);
    }

    [Theory]
    [InlineData("""{"$or":[{"scheduleId":"s1"},{"title":"a"}]}""")]
    [InlineData("""{"$not":{"scheduleId":"s1"}}""")]
    [InlineData("""{"scheduleId":{"$ne":"s1"}}""")]
    [InlineData("""{"scheduleId":{"$nin":["s1"]}}""")]
    [InlineData("""{"scheduleId":{"$exists":true}}""")]
    [InlineData("""{}""")]
    public void Conditions_that_do_not_bind_every_admitted_session_are_not_pushed_down(string json)
    {
        var pushed = SessionFilter.Parse(json).PushDown();

        pushed.Should().BeEquivalentTo(SessionCandidateFilter.Any);
    }

    [Fact]
    public void Two_conditions_on_one_field_are_left_to_the_core()
    {
        var pushed = SessionFilter.Parse("""{"$and":[{"scheduleId":{"$in":["s1","s2"]}},{"scheduleId":"s2"}]}""").PushDown();

        pushed.ScheduleIds.Should().BeEmpty();
    }
}
