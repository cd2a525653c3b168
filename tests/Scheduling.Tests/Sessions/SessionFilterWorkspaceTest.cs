using Scheduling.Sessions;

namespace Scheduling.Tests.Sessions;

/// <summary>
/// The filter fields added for workspaces (<c>clientId</c>, <c>serviceIds</c>, <c>progress</c>), their builders, and
/// the lifecycle status written out as a filter that admits exactly what <see cref="SessionLifecycle.StatusAt(Session, Instant)"/> says.
/// </summary>
public sealed class SessionFilterWorkspaceTest
{
    private static readonly Instant Now = Instant.FromUtc(2025, 3, 10, 12, 0);

    [Theory]
    [InlineData("""{"clientId":"c1"}""", "c1", true)]
    [InlineData("""{"clientId":"c1"}""", "c2", false)]
    [InlineData("""{"clientId":"c1"}""", null, false)]
    [InlineData("""{"clientId":{"$in":["c1","c2"]}}""", "c2", true)]
    [InlineData("""{"clientId":{"$ne":"c1"}}""", "c2", true)]
    [InlineData("""{"clientId":{"$exists":false}}""", null, true)]
    [InlineData("""{"clientId":{"$exists":true}}""", null, false)]
    public void The_filter_reads_clientId(string json, string? clientId, bool admitted)
    {
        SessionFilter.Parse(json).Admits(Session() with { Details = new SessionDetails { ClientId = clientId } }).Should().Be(admitted);
    }

    [Theory]
    [InlineData("""{"serviceIds":{"$hasSome":["massage","physio"]}}""", new[] { "physio", "x-ray" }, true)]
    [InlineData("""{"serviceIds":{"$hasSome":["massage","physio"]}}""", new[] { "x-ray" }, false)]
    [InlineData("""{"serviceIds":{"$hasSome":["massage","physio"]}}""", new string[0], false)]
    [InlineData("""{"serviceIds":{"$hasAll":["massage","physio"]}}""", new[] { "physio", "massage" }, true)]
    [InlineData("""{"serviceIds":{"$hasAll":["massage","physio"]}}""", new[] { "physio" }, false)]
    [InlineData("""{"serviceIds":"massage"}""", new[] { "physio", "massage" }, true)]
    [InlineData("""{"serviceIds":{"$exists":false}}""", new string[0], true)]
    public void The_filter_reads_serviceIds(string json, string[] serviceIds, bool admitted)
    {
        SessionFilter.Parse(json).Admits(Session() with { Details = new SessionDetails { ServiceIds = [.. serviceIds] } }).Should().Be(admitted);
    }

    [Theory]
    [InlineData("""{"progress":"IN_PROGRESS"}""", ProgressMark.InProgress, true)]
    [InlineData("""{"progress":"IN_PROGRESS"}""", ProgressMark.None, false)]
    [InlineData("""{"progress":"in_progress"}""", ProgressMark.InProgress, true)]
    [InlineData("""{"progress":"NONE"}""", ProgressMark.None, true)]
    [InlineData("""{"progress":{"$in":["NONE","COMPLETED"]}}""", ProgressMark.Completed, true)]
    [InlineData("""{"progress":{"$in":["NONE","COMPLETED"]}}""", ProgressMark.InProgress, false)]
    [InlineData("""{"progress":{"$ne":"COMPLETED"}}""", ProgressMark.InProgress, true)]
    public void The_filter_reads_progress(string json, ProgressMark mark, bool admitted)
    {
        SessionFilter.Parse(json).Admits(Session() with { Progress = mark }).Should().Be(admitted);
    }

    [Theory]
    [InlineData("""{"progress":"STARTED"}""", "filter.progress")]
    [InlineData("""{"progress":"in-progress"}""", "filter.progress")]
    [InlineData("""{"progress":{"$gt":"NONE"}}""", "filter.progress.$gt")]
    [InlineData("""{"serviceIds":{"$gt":"a"}}""", "filter.serviceIds.$gt")]
    [InlineData("""{"serviceIds":{"$hasSome":[]}}""", "filter.serviceIds.$hasSome")]
    [InlineData("""{"clientId":{"$hasSome":["c1"]}}""", "filter.clientId.$hasSome")]
    [InlineData("""{"clientId":42}""", "filter.clientId")]
    public void Misused_workspace_fields_are_an_invalid_argument_naming_the_path(string json, string path)
    {
        var parse = () => SessionFilter.Parse(json);

        var error = parse.Should().Throw<SchedulingException>().Which;
        error.Code.Should().Be(SchedulingErrorCode.InvalidArgument);
        error.Field.Should().Be(path);
    }

    [Fact]
    public void ClientIdIs_is_the_parsed_equality_on_clientId()
    {
        SessionFilter.ClientIdIs("c1").ToJson().Should().Be(SessionFilter.Parse("""{"clientId":"c1"}""").ToJson());
    }

    [Fact]
    public void HasAnyService_is_the_parsed_hasSome_on_serviceIds()
    {
        SessionFilter.HasAnyService("massage", "physio").ToJson().Should().Be(SessionFilter.Parse("""{"serviceIds":{"$hasSome":["massage","physio"]}}""").ToJson());
    }

    [Fact]
    public void ProgressIn_is_the_parsed_in_on_progress()
    {
        SessionFilter.ProgressIn(ProgressMark.None, ProgressMark.Completed).ToJson().Should().Be(SessionFilter.Parse("""{"progress":{"$in":["NONE","COMPLETED"]}}""").ToJson());
    }

    [Fact]
    public void The_builders_need_a_value()
    {
        ((Action)(() => SessionFilter.ClientIdIs(""))).Should().Throw<SchedulingException>().Which.Field.Should().Be("filter.clientId");
        ((Action)(() => SessionFilter.HasAnyService())).Should().Throw<SchedulingException>().Which.Field.Should().Be("filter.serviceIds");
        ((Action)(() => SessionFilter.HasAnyService("massage", ""))).Should().Throw<SchedulingException>().Which.Field.Should().Be("filter.serviceIds");
        ((Action)(() => SessionFilter.ProgressIn())).Should().Throw<SchedulingException>().Which.Field.Should().Be("filter.progress");
    }

    [Fact]
    public void The_workspace_fields_are_not_pushed_down_to_the_stores()
    {
        var pushed = SessionFilter.ClientIdIs("c1").And(SessionFilter.HasAnyService("massage")).And(SessionFilter.ProgressIn(ProgressMark.None)).PushDown();

        pushed.Should().BeEquivalentTo(Scheduling.Stores.SessionCandidateFilter.Any);
    }

    [Theory]
    [InlineData(LifecycleStatus.Scheduled)]
    [InlineData(LifecycleStatus.InProgress)]
    [InlineData(LifecycleStatus.Completed)]
    [InlineData(LifecycleStatus.Cancelled)]
    public void LifecycleStatusAt_admits_exactly_the_sessions_with_that_status_at_the_instant(LifecycleStatus status)
    {
        var filter = SessionFilter.LifecycleStatusAt(status, Now);

        foreach (var session in EveryKindOfSession())
        {
            filter.Admits(session).Should().Be(SessionLifecycle.StatusAt(session, Now) == status, Describe(session));
        }
    }

    [Theory]
    [InlineData(LifecycleStatus.Scheduled)]
    [InlineData(LifecycleStatus.InProgress)]
    [InlineData(LifecycleStatus.Completed)]
    [InlineData(LifecycleStatus.Cancelled)]
    public void LifecycleStatusAt_admits_the_same_sessions_once_written_as_json_and_read_back(LifecycleStatus status)
    {
        var filter = SessionFilter.LifecycleStatusAt(status, Now);
        var reread = SessionFilter.Parse(filter.ToJson());

        foreach (var session in EveryKindOfSession())
        {
            reread.Admits(session).Should().Be(filter.Admits(session), Describe(session));
        }
    }

    [Fact]
    public void Each_session_has_exactly_one_lifecycle_status_filter_that_admits_it()
    {
        var filters = Enum.GetValues<LifecycleStatus>().Select(s => SessionFilter.LifecycleStatusAt(s, Now)).ToList();

        foreach (var session in EveryKindOfSession())
        {
            filters.Count(f => f.Admits(session)).Should().Be(1, Describe(session));
        }
    }

    [Fact]
    public void LifecycleStatusAt_names_status_so_that_cancelled_sessions_are_considered()
    {
        SessionFilter.LifecycleStatusAt(LifecycleStatus.Cancelled, Now).NamesStatus.Should().BeTrue();
        SessionFilter.LifecycleStatusAt(LifecycleStatus.Scheduled, Now).NamesStatus.Should().BeTrue();
    }

    [Fact]
    public void LifecycleStatusAt_an_undefined_status_is_refused()
    {
        var filter = () => SessionFilter.LifecycleStatusAt((LifecycleStatus)9, Now);

        filter.Should().Throw<SchedulingException>().Where(e => e.Code == SchedulingErrorCode.InvalidArgument).Which.Field.Should().Be("status");
    }

    /// <summary>Sessions that start and end before, at and after <see cref="Now"/>, with every mark, confirmed and cancelled.</summary>
    private static IEnumerable<Session> EveryKindOfSession()
    {
        var moments = new[]
        {
            Now - Duration.FromHours(2),
            Now - Duration.FromHours(1),
            Now - Duration.Epsilon,
            Now,
            Now + Duration.Epsilon,
            Now + Duration.FromHours(1),
            Now + Duration.FromHours(2),
        };
        var number = 0;
        foreach (var start in moments)
        {
            foreach (var end in moments.Where(e => e >= start))
            {
                foreach (var mark in Enum.GetValues<ProgressMark>())
                {
                    foreach (var status in Enum.GetValues<SessionStatus>())
                    {
                        yield return Session() with
                        {
                            Id = $"s{number++}",
                            Start = CalendarDateTime.AtInstant(start),
                            End = CalendarDateTime.AtInstant(end),
                            Progress = mark,
                            Status = status,
                        };
                    }
                }
            }
        }
    }

    private static string Describe(Session session) =>
        $"{session.Id}: {session.Status}, {session.Progress}, {session.Start.Timestamp} to {session.End.Timestamp}, at {Now}";

    private static Session Session() => new()
    {
        Id = "s",
        ScheduleId = "schedule",
        ScheduleOwnerId = "staff",
        Start = CalendarDateTime.AtInstant(Now + Duration.FromHours(1)),
        End = CalendarDateTime.AtInstant(Now + Duration.FromHours(2)),
    };
}
