using Scheduling.Querying;
using Scheduling.Sessions;

namespace Scheduling.Stores.ContractTests.Sessions;

/// <summary>
/// Query filters, in the JSON language and with the typed builder, over one set of examples. The stores take part:
/// they receive the conditions the core can push down, and must not lose a session the full filter admits.
/// </summary>
public abstract partial class SessionServiceContract
{
    private static readonly string FirstEveningYoga = InstanceId("evening-yoga", 3, 10, 9, 0);
    private static readonly string SecondEveningYoga = InstanceId("evening-yoga", 3, 17, 9, 0);

    /// <summary>
    /// <paramref name="expected"/> lists ids in query order; <c>i1</c> and <c>i2</c> stand for the two instances of
    /// "evening-yoga". See <see cref="CreateFilterExamplesAsync"/> for the examples.
    /// </summary>
    [Theory]
    [InlineData("""{"id":{"$in":["a","c"]}}""", "a c")]
    [InlineData("""{"scheduleId":"s1"}""", "a c")]
    [InlineData("""{"scheduleId":{"$eq":"s1"}}""", "a c")]
    [InlineData("""{"scheduleId":{"$in":["s2","s3"]}}""", "b i1 i2")]
    [InlineData("""{"scheduleId":{"$nin":["s1"]}}""", "b i1 i2")]
    [InlineData("""{"scheduleOwnerId":{"$ne":"o1"}}""", "c i1 i2")]
    [InlineData("""{"title":"Yoga"}""", "a")]
    [InlineData("""{"title":{"$ne":"Yoga"}}""", "b c i1 i2")]
    [InlineData("""{"location":{"$in":["Room 1","Room 2"]}}""", "a c")]
    [InlineData("""{"location":{"$nin":["Room 1"]}}""", "b c i1 i2")]
    [InlineData("""{"location":{"$exists":false}}""", "b i1 i2")]
    [InlineData("""{"location":{"$exists":true}}""", "a c")]
    [InlineData("""{"type":"WORKING_HOURS"}""", "b")]
    [InlineData("""{"type":{"$in":["event"]}}""", "a c i1 i2")]
    [InlineData("""{"type":{"$ne":"EVENT"}}""", "b")]
    [InlineData("""{"type":{"$nin":["WORKING_HOURS"]}}""", "a c i1 i2")]
    [InlineData("""{"status":"CANCELLED"}""", "d")]
    [InlineData("""{"status":{"$in":["CONFIRMED","CANCELLED"]}}""", "a b c d i1 i2")]
    [InlineData("""{"status":{"$ne":"CANCELLED"}}""", "a b c i1 i2")]
    [InlineData("""{"tags":"yoga"}""", "a i1 i2")]
    [InlineData("""{"tags":{"$eq":"morning"}}""", "a c")]
    [InlineData("""{"tags":{"$ne":"morning"}}""", "b i1 i2")]
    [InlineData("""{"tags":{"$hasSome":["pilates","evening"]}}""", "c i1 i2")]
    [InlineData("""{"tags":{"$hasAll":["yoga","morning"]}}""", "a")]
    [InlineData("""{"tags":{"$exists":false}}""", "b")]
    [InlineData("""{"tags":{"$exists":true}}""", "a c i1 i2")]
    [InlineData("""{"participants.id":"p2"}""", "c")]
    [InlineData("""{"participants.id":{"$hasSome":["p1"]}}""", "a c")]
    [InlineData("""{"participants.id":{"$hasAll":["p1","p2"]}}""", "c")]
    [InlineData("""{"participants.id":{"$exists":false}}""", "b i1 i2")]
    [InlineData("""{"capacity":5}""", "c")]
    [InlineData("""{"capacity":{"$ne":5}}""", "a b i1 i2")]
    [InlineData("""{"capacity":{"$gt":5}}""", "a i1 i2")]
    [InlineData("""{"capacity":{"$gte":5,"$lt":20}}""", "a c")]
    [InlineData("""{"capacity":{"$lte":10}}""", "a c")]
    [InlineData("""{"capacity":{"$in":[5,20]}}""", "c i1 i2")]
    [InlineData("""{"capacity":{"$nin":[5,20]}}""", "a b")]
    [InlineData("""{"capacity":{"$exists":false}}""", "b")]
    [InlineData("""{"recurringSessionId":"evening-yoga"}""", "i1 i2")]
    [InlineData("""{"recurringSessionId":{"$in":["evening-yoga","other"]}}""", "i1 i2")]
    [InlineData("""{"recurringSessionId":{"$exists":false}}""", "a b c")]
    [InlineData("""{"start":{"$gte":"2025-03-05T09:00:00Z"}}""", "c i1 i2")]
    [InlineData("""{"start":{"$gt":"2025-03-05T09:00:00Z"}}""", "i1 i2")]
    [InlineData("""{"start":{"$eq":"2025-03-10T09:00:00Z"}}""", "i1")]
    [InlineData("""{"end":{"$lt":"2025-03-05T00:00:00Z"}}""", "a b")]
    [InlineData("""{"end":{"$lte":"2025-03-04T10:00:00Z"}}""", "a b")]
    [InlineData("""{"end":{"$ne":"2025-03-04T10:00:00Z"}}""", "a c i1 i2")]
    [InlineData("""{"$or":[{"title":"Yoga"},{"type":"WORKING_HOURS"}]}""", "a b")]
    [InlineData("""{"$and":[{"tags":"morning"},{"scheduleOwnerId":"o2"}]}""", "c")]
    [InlineData("""{"tags":"morning","scheduleOwnerId":"o2"}""", "c")]
    [InlineData("""{"$not":{"scheduleId":"s1"}}""", "b i1 i2")]
    [InlineData("""{"scheduleId":"s3","$or":[{"status":"CANCELLED"},{"capacity":{"$gt":10}}]}""", "d i1 i2")]
    [InlineData("""{}""", "a b c i1 i2")]
    public async Task Json_filter_admits_exactly_the_matching_sessions(string json, string expected)
    {
        await CreateFilterExamplesAsync();

        (await MarchIdsAsync(SessionFilter.Parse(json))).Should().Equal(Expand(expected));
    }

    [Fact]
    public async Task Builder_schedule_ids()
    {
        await CreateFilterExamplesAsync();

        (await MarchIdsAsync(SessionFilter.ScheduleIdIn("s1"))).Should().Equal("a", "c");
    }

    [Fact]
    public async Task Builder_schedule_owner_ids()
    {
        await CreateFilterExamplesAsync();

        (await MarchIdsAsync(SessionFilter.ScheduleOwnerIdIn("o2", "o3"))).Should().Equal("c", FirstEveningYoga, SecondEveningYoga);
    }

    [Fact]
    public async Task Builder_type()
    {
        await CreateFilterExamplesAsync();

        (await MarchIdsAsync(SessionFilter.TypeIs(SessionType.WorkingHours))).Should().Equal("b");
        (await MarchIdsAsync(SessionFilter.TypeIs(SessionType.Event))).Should().Equal("a", "c", FirstEveningYoga, SecondEveningYoga);
    }

    [Fact]
    public async Task Builder_status()
    {
        await CreateFilterExamplesAsync();

        (await MarchIdsAsync(SessionFilter.StatusIn(SessionStatus.Cancelled))).Should().Equal("d");
    }

    [Fact]
    public async Task Builder_any_of_these_tags()
    {
        await CreateFilterExamplesAsync();

        (await MarchIdsAsync(SessionFilter.HasAnyTag("pilates", "evening"))).Should().Equal("c", FirstEveningYoga, SecondEveningYoga);
    }

    [Fact]
    public async Task Builder_all_of_these_tags()
    {
        await CreateFilterExamplesAsync();

        (await MarchIdsAsync(SessionFilter.HasAllTags("yoga", "morning"))).Should().Equal("a");
    }

    [Fact]
    public async Task Builder_participant()
    {
        await CreateFilterExamplesAsync();

        (await MarchIdsAsync(SessionFilter.HasParticipant("p1"))).Should().Equal("a", "c");
    }

    [Fact]
    public async Task Builder_recurring_session()
    {
        await CreateFilterExamplesAsync();

        (await MarchIdsAsync(SessionFilter.RecurringSessionIdIs("evening-yoga"))).Should().Equal(FirstEveningYoga, SecondEveningYoga);
    }

    [Fact]
    public async Task Builder_and()
    {
        await CreateFilterExamplesAsync();

        (await MarchIdsAsync(SessionFilter.ScheduleIdIn("s1").And(SessionFilter.HasAnyTag("pilates")))).Should().Equal("c");
    }

    [Fact]
    public async Task Builder_or()
    {
        await CreateFilterExamplesAsync();

        (await MarchIdsAsync(SessionFilter.TypeIs(SessionType.WorkingHours).Or(SessionFilter.HasParticipant("p2")))).Should().Equal("b", "c");
    }

    [Fact]
    public async Task Builder_not()
    {
        await CreateFilterExamplesAsync();

        (await MarchIdsAsync(SessionFilter.ScheduleIdIn("s1").Not())).Should().Equal("b", FirstEveningYoga, SecondEveningYoga);
    }

    [Fact]
    public async Task Builder_condition_on_any_field()
    {
        await CreateFilterExamplesAsync();

        var filter = SessionFilter.FromNode(new FilterNode.Condition("capacity", FilterOperator.Gt, [FilterValue.Of(5)]));

        (await MarchIdsAsync(filter)).Should().Equal("a", FirstEveningYoga, SecondEveningYoga);
    }

    [Fact]
    public async Task Builder_and_json_filters_admit_the_same_sessions()
    {
        await CreateFilterExamplesAsync();
        var built = SessionFilter.ScheduleIdIn("s1", "s3").And(SessionFilter.HasAnyTag("yoga")).And(SessionFilter.TypeIs(SessionType.Event));

        var parsed = SessionFilter.Parse("""{"scheduleId":{"$in":["s1","s3"]},"tags":{"$hasSome":["yoga"]},"type":"EVENT"}""");

        (await MarchIdsAsync(built)).Should().Equal(await MarchIdsAsync(parsed)).And.Equal("a", FirstEveningYoga, SecondEveningYoga);
    }

    [Fact]
    public async Task Filter_on_instance_tags_follows_the_instance_not_its_series()
    {
        await CreateFilterExamplesAsync();
        await Service.UpdateSessionAsync(Host, SecondEveningYoga, new SessionChanges { Details = new SessionDetailsChanges { Tags = System.Collections.Immutable.ImmutableArray.Create("restorative") } }, 0);

        (await MarchIdsAsync(SessionFilter.HasAnyTag("evening"))).Should().Equal(FirstEveningYoga);
        (await MarchIdsAsync(SessionFilter.HasAnyTag("restorative"))).Should().Equal(SecondEveningYoga);
    }

    /// <summary>
    /// a, b, c: single sessions on March 3, 4, 5 at 09:00 UTC; d: cancelled, March 6; "evening-yoga": two weekly
    /// instances on March 10 and 17 at 09:00 UTC (i1, i2).
    /// </summary>
    /// <remarks>
    /// <code>
    ///      schedule owner type           title          tags             location capacity participants
    /// a    s1       o1    EVENT          Yoga           yoga, morning    Room 1   10       p1
    /// b    s2       o1    WORKING_HOURS  Open hours     -                -        -        -
    /// c    s1       o2    EVENT          Pilates        pilates, morning Room 2   5        p1, p2
    /// d    s3       o1    EVENT          Cancelled yoga yoga             -        -        -           (cancelled)
    /// i1/2 s3       o3    EVENT          Evening yoga   yoga, evening    -        20       -
    /// </code>
    /// </remarks>
    protected async Task CreateFilterExamplesAsync()
    {
        await CreateAsync(OneHour("a", Time.Utc(2025, 3, 3, 9)) with
        {
            ScheduleId = "s1",
            ScheduleOwnerId = "o1",
            Details = OneHour("a", Time.Utc(2025, 3, 3, 9)).Details with
            {
                Title = "Yoga",
                Tags = ["yoga", "morning"],
                Location = "Room 1",
                Capacity = 10,
            },
            Participants = [new Participant("p1")],
        });
        await CreateAsync(OneHour("b", Time.Utc(2025, 3, 4, 9)) with
        {
            ScheduleId = "s2",
            ScheduleOwnerId = "o1",
            Type = SessionType.WorkingHours,
            Details = OneHour("b", Time.Utc(2025, 3, 4, 9)).Details with { Title = "Open hours" },
        });
        await CreateAsync(OneHour("c", Time.Utc(2025, 3, 5, 9)) with
        {
            ScheduleId = "s1",
            ScheduleOwnerId = "o2",
            Details = OneHour("c", Time.Utc(2025, 3, 5, 9)).Details with
            {
                Title = "Pilates",
                Tags = ["pilates", "morning"],
                Location = "Room 2",
                Capacity = 5,
            },
            Participants = [new Participant("p1"), new Participant("p2")],
        });
        await CreateAsync(OneHour("d", Time.Utc(2025, 3, 6, 9)) with { ScheduleId = "s3", ScheduleOwnerId = "o1", Details = new SessionDetails { Title = "Cancelled yoga", Tags = ["yoga"] } });
        await Service.CancelSessionAsync(Host, "d", 1);
        await CreateAsync(WeeklyYoga("evening-yoga", "FREQ=WEEKLY;COUNT=2") with
        {
            ScheduleId = "s3",
            ScheduleOwnerId = "o3",
            Details = WeeklyYoga("evening-yoga", "FREQ=WEEKLY;COUNT=2").Details with
            {
                Title = "Evening yoga",
                Tags = ["yoga", "evening"],
                Location = null,
                Capacity = 20,
            },
            Start = Time.Local(2025, 3, 10, 9),
            Zone = DateTimeZoneProviders.Tzdb["UTC"],
        });
    }

    private static string[] Expand(string expected) =>
        [.. expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(id => id switch
        {
            "i1" => FirstEveningYoga,
            "i2" => SecondEveningYoga,
            _ => id,
        })];
}
