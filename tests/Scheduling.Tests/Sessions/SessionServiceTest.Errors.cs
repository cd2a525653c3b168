using Scheduling.Recurrence;
using Scheduling.Sessions;
using Scheduling.Stores.ContractTests;

namespace Scheduling.Tests.Sessions;

/// <summary>
/// One error type: bad rules, unknown zones and null members of a request are <see cref="SchedulingException"/>s naming
/// the field; a null argument is a programming error.
/// </summary>
public sealed partial class SessionServiceTest
{
    [Fact]
    public async Task Bad_rule_text_reaching_the_service_is_invalid_argument_on_rule_with_the_part_and_position()
    {
        var create = () => CreateAsync(WeeklyYoga() with { Rule = SessionText.ParseRule("FREQ=WEEKLY;BYDAY=MO,XX") });

        var error = await FailsAsync(create, SchedulingErrorCode.InvalidArgument, "rule");
        error.Part.Should().Be("BYDAY");
        error.Position.Should().Be(21, "XX starts at character 21 of the text");
        error.InnerException.Should().BeOfType<RecurrenceException>();
    }

    [Fact]
    public async Task Until_before_the_start_is_invalid_argument_on_rule_naming_the_until_part()
    {
        var error = await FailsAsync(() => CreateAsync(WeeklyYoga(rule: "FREQ=WEEKLY;UNTIL=20250302")), SchedulingErrorCode.InvalidArgument, "rule");

        error.Part.Should().Be("UNTIL");
        error.Position.Should().BeNull("the rule parsed; the series refused it");
    }

    [Fact]
    public async Task A_start_the_engine_refuses_is_invalid_argument_on_start_with_the_engine_error_inside()
    {
        var error = await FailsAsync(
            () => CreateAsync(WeeklyYoga() with { Start = Time.Local(2025, 3, 3, 18, 30).PlusMilliseconds(500) }),
            SchedulingErrorCode.InvalidArgument,
            "start");

        error.InnerException.Should().BeOfType<RecurrenceException>().Which.Code.Should().Be(RecurrenceErrorCode.InvalidSet);
        error.Part.Should().BeNull();
    }

    [Fact]
    public async Task Unknown_zone_id_is_invalid_argument_on_zone()
    {
        await FailsAsync(() => CreateAsync(WeeklyYoga() with { Zone = SessionText.ParseZone("America/Gotham") }), SchedulingErrorCode.InvalidArgument, "zone");
    }

    [Fact]
    public async Task Null_zone_of_a_new_series_is_invalid_argument_on_zone()
    {
        await FailsAsync(() => CreateAsync(WeeklyYoga() with { Zone = null! }), SchedulingErrorCode.InvalidArgument, "zone");

        (await Service.QuerySessionsAsync(Host, new SessionQuery { From = MarchStart, To = MarchEnd })).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task Null_rule_of_a_new_series_is_invalid_argument_on_rule()
    {
        await FailsAsync(() => CreateAsync(WeeklyYoga() with { Rule = null! }), SchedulingErrorCode.InvalidArgument, "rule");
    }

    [Fact]
    public async Task Null_rule_in_the_changes_of_a_series_is_invalid_argument_on_rule()
    {
        var series = await CreateAsync(WeeklyYoga());

        await FailsAsync(
            () => Service.UpdateRecurringSessionAsync(Host, series.Id, new RecurringSessionChanges { Rule = new Optional<RecurrenceRule>(null!) }, series.Revision).AsTask(),
            SchedulingErrorCode.InvalidArgument,
            "rule");

        (await Service.GetRecurringSessionAsync(Host, series.Id)).Should().Be(series);
    }

    [Theory]
    [InlineData("scheduleId")]
    [InlineData("scheduleOwnerId")]
    public async Task Null_required_text_of_a_request_is_invalid_argument_on_that_member(string member)
    {
        var session = OneHour("s1", Time.Utc(2025, 3, 3, 10));
        var request = member == "scheduleId" ? session with { ScheduleId = null! } : session with { ScheduleOwnerId = null! };

        await FailsAsync(() => CreateAsync(request), SchedulingErrorCode.InvalidArgument, member);
    }

    [Fact]
    public async Task Null_details_of_a_request_are_invalid_argument_on_details_and_nothing_is_stored()
    {
        await FailsAsync(() => CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Details = null! }), SchedulingErrorCode.InvalidArgument, "details");
        await FailsAsync(() => CreateAsync(WeeklyYoga() with { Details = null! }), SchedulingErrorCode.InvalidArgument, "details");

        (await Service.QuerySessionsAsync(Host, new SessionQuery { From = MarchStart, To = MarchEnd })).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task Null_details_in_changes_are_invalid_argument_on_details_and_change_nothing()
    {
        var single = await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)));
        var series = await CreateAsync(WeeklyYoga());
        var instance = SessionInstanceId.Format(series.Id, series.Start.PlusWeeks(1));

        await FailsAsync(() => Service.UpdateSessionAsync(Host, single.Id, new SessionChanges { Details = null! }, single.Revision).AsTask(), SchedulingErrorCode.InvalidArgument, "details");
        await FailsAsync(() => Service.UpdateSessionAsync(Host, instance, new SessionChanges { Details = null! }, 0).AsTask(), SchedulingErrorCode.InvalidArgument, "details");
        await FailsAsync(() => Service.UpdateRecurringSessionAsync(Host, series.Id, new RecurringSessionChanges { Details = null! }, series.Revision).AsTask(), SchedulingErrorCode.InvalidArgument, "details");
        await FailsAsync(() => Service.UpdateFollowingAsync(Host, instance, new RecurringSessionChanges { Details = null! }, series.Revision).AsTask(), SchedulingErrorCode.InvalidArgument, "details");

        (await Service.GetSessionAsync(Host, single.Id)).Should().Be(single);
        (await Service.GetRecurringSessionAsync(Host, series.Id)).Should().Be(series);
        (await Service.GetSessionAsync(Host, instance)).IsOverridden.Should().BeFalse();
    }

    [Fact]
    public async Task Null_participant_of_a_new_session_is_invalid_argument_on_participants()
    {
        await FailsAsync(
            () => CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Details = new SessionDetails { ClientId = "c1" }, Participants = [new Participant("p1"), null!] }),
            SchedulingErrorCode.InvalidArgument,
            "participants");
    }

    [Fact]
    public async Task Null_participant_id_is_invalid_argument_on_participant_id()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)));

        await FailsAsync(() => Service.AddParticipantAsync(Host, "s1", new Participant(null!)).AsTask(), SchedulingErrorCode.InvalidArgument, "participant.id");
    }

    [Fact]
    public async Task Null_ids_in_a_list_are_invalid_argument_on_ids()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)));

        await FailsAsync(() => Service.ListSessionsAsync(Host, ["s1", null!]).AsTask(), SchedulingErrorCode.InvalidArgument, "ids");
    }

    [Fact]
    public async Task A_null_argument_is_a_programming_error_not_a_scheduling_error()
    {
        await ((Func<Task>)(() => Service.CreateSessionAsync(null!, OneHour("s1", Time.Utc(2025, 3, 3, 10))).AsTask())).Should().ThrowAsync<ArgumentNullException>().WithParameterName("caller");
        await ((Func<Task>)(() => Service.CreateRecurringSessionAsync(Host, null!).AsTask())).Should().ThrowAsync<ArgumentNullException>().WithParameterName("request");
        await ((Func<Task>)(() => Service.UpdateSessionAsync(Host, "s1", null!, 1).AsTask())).Should().ThrowAsync<ArgumentNullException>().WithParameterName("changes");
        await ((Func<Task>)(() => Service.QuerySessionsAsync(Host, (SessionQuery)null!).AsTask())).Should().ThrowAsync<ArgumentNullException>().WithParameterName("query");
        await ((Func<Task>)(() => Service.ListSessionsAsync(Host, null!).AsTask())).Should().ThrowAsync<ArgumentNullException>().WithParameterName("ids");
    }
}
