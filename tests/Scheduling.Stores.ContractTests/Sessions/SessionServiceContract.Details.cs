using System.Collections.Immutable;
using Scheduling.Security;
using Scheduling.Sessions;

namespace Scheduling.Stores.ContractTests.Sessions;

/// <summary>
/// The details a practice keeps on a session (client, services, field values, attachments, dated notes, invoice),
/// their inheritance from a series, and the lifecycle marks, through the sessions API itself.
/// </summary>
public abstract partial class SessionServiceContract
{
    [Fact]
    public async Task A_series_client_and_services_are_inherited_by_every_instance_without_taking_a_seat()
    {
        await CreateAsync(WeeklyYoga(rule: "FREQ=WEEKLY;COUNT=2") with { Details = WeeklyYoga(rule: "FREQ=WEEKLY;COUNT=2").Details with { ClientId = "client-1", ServiceIds = ["svc-1", "svc-2"], Invoice = new InvoiceReference("inv-1") } });

        var instances = await QueryAllAsync(MarchStart, MarchEnd);

        instances.Should().HaveCount(2);
        instances.Should().OnlyContain(s => s.Details.ClientId == "client-1" && s.Details.ServiceIds.SequenceEqual(new[] { "svc-1", "svc-2" }) && s.Details.Invoice!.Id == "inv-1");
        instances.Should().OnlyContain(s => s.Participants.IsEmpty, "the client of a series books no seat of each instance");
    }

    [Fact]
    public async Task Changing_a_series_services_changes_the_instances_that_do_not_have_their_own()
    {
        var series = await CreateAsync(WeeklyYoga(rule: "FREQ=WEEKLY;COUNT=3") with { Details = WeeklyYoga(rule: "FREQ=WEEKLY;COUNT=3").Details with { ServiceIds = ["svc-1"] } });
        await Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 10), new SessionChanges { Details = new SessionDetailsChanges { ServiceIds = ImmutableArray.Create("svc-own") } }, 0);

        await Service.UpdateRecurringSessionAsync(Host, "yoga", new RecurringSessionChanges { Details = new SessionDetailsChanges { ServiceIds = ImmutableArray.Create("svc-2") } }, series.Revision);

        (await QueryAllAsync(MarchStart, MarchEnd)).Select(s => s.Details.ServiceIds.Single()).Should().Equal("svc-2", "svc-own", "svc-2");
    }

    [Fact]
    public async Task Service_ids_must_be_non_empty_and_distinct()
    {
        await FailsAsync(() => CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Details = new SessionDetails { ServiceIds = ["svc-1", "svc-1"] } }), SchedulingErrorCode.InvalidArgument, "serviceIds");
        await FailsAsync(() => CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Details = new SessionDetails { ServiceIds = [" "] } }), SchedulingErrorCode.InvalidArgument, "serviceIds");
        await FailsAsync(() => GetAsync("s1"), SchedulingErrorCode.NotFound);
    }

    [Fact]
    public async Task A_blank_client_id_is_refused()
    {
        await FailsAsync(() => CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Details = new SessionDetails { ClientId = "" } }), SchedulingErrorCode.InvalidArgument, "clientId");
    }

    [Fact]
    public async Task Two_values_for_one_field_are_refused()
    {
        var request = OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Details = new SessionDetails { FieldValues = [FieldValue.OfText("colour", "red"), FieldValue.OfText("colour", "blue")] } };

        await FailsAsync(() => CreateAsync(request), SchedulingErrorCode.InvalidArgument, "fieldValues");
    }

    [Fact]
    public async Task Two_attachments_with_one_id_are_refused()
    {
        var attachment = new Attachment("a", "x.pdf", "ref-1", Time.Utc(2025, 1, 1));
        var request = OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Details = new SessionDetails { Attachments = [attachment, attachment] } };

        await FailsAsync(() => CreateAsync(request), SchedulingErrorCode.InvalidArgument, "attachments");
    }

    [Fact]
    public async Task Changing_the_client_of_a_single_session_moves_the_booking_to_the_new_client()
    {
        var created = await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Details = new SessionDetails { ClientId = "client-1" }, Participants = [new Participant("carer")] });

        var changed = await Service.UpdateSessionAsync(Host, "s1", new SessionChanges { Details = new SessionDetailsChanges { ClientId = "client-2" } }, created.Revision);

        changed.Details.ClientId.Should().Be("client-2");
        changed.Participants.Select(p => p.Id).Should().Equal("client-2", "carer");
    }

    [Fact]
    public async Task A_signed_in_caller_writes_notes_as_itself()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)));
        var staff = CallerContext.Staff(Tenant, "dr-who", Permissions.SessionsManage);
        Clock.Now = Time.Utc(2025, 2, 1);

        var noted = await Service.AddNoteAsync(staff, "s1", "Allergic to latex.");

        var note = noted.Details.NoteLog.Should().ContainSingle().Subject;
        (note.AuthorId, note.Text, note.CreatedAt).Should().Be(("dr-who", "Allergic to latex.", Time.Utc(2025, 2, 1)));
        await FailsAsync(() => Service.AddNoteAsync(staff, "s1", "Forged.", authorId: "dr-no").AsTask(), SchedulingErrorCode.InvalidArgument, "authorId");
    }

    [Fact]
    public async Task The_host_names_the_author_of_a_note()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)));

        await FailsAsync(() => Service.AddNoteAsync(Host, "s1", "Who wrote me?").AsTask(), SchedulingErrorCode.InvalidArgument, "authorId");
        await FailsAsync(() => Service.AddNoteAsync(Host, "s1", " ", authorId: "system").AsTask(), SchedulingErrorCode.InvalidArgument, "text");
        (await Service.AddNoteAsync(Host, "s1", "Imported.", authorId: "system")).Details.NoteLog.Single().AuthorId.Should().Be("system");
    }

    [Fact]
    public async Task Notes_need_no_revision_and_keep_every_append()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)));

        await Task.WhenAll(Enumerable.Range(1, 4).Select(i => Service.AddNoteAsync(Host, "s1", $"note {i}", authorId: "system").AsTask()));

        var stored = await GetAsync("s1");
        stored.Details.NoteLog.Select(n => n.Text).Should().BeEquivalentTo(["note 1", "note 2", "note 3", "note 4"]);
        stored.Revision.Should().Be(5);
    }

    [Fact]
    public async Task A_lifecycle_mark_is_kept_on_a_single_session_and_on_an_instance()
    {
        var single = await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)));
        await CreateAsync(WeeklyYoga(rule: "FREQ=WEEKLY;COUNT=2"));

        await Service.ChangeLifecycleStatusAsync(Host, "s1", LifecycleStatus.InProgress, single.Revision);
        await Service.ChangeLifecycleStatusAsync(Host, InstanceId("yoga", 3, 10), LifecycleStatus.InProgress, 0);

        (await GetAsync("s1")).Progress.Should().Be(ProgressMark.InProgress);
        (await GetAsync(InstanceId("yoga", 3, 10))).Progress.Should().Be(ProgressMark.InProgress);
        (await GetAsync(InstanceId("yoga", 3, 3))).Progress.Should().Be(ProgressMark.None);
        (await MarchIdsAsync(SessionFilter.ProgressIn(ProgressMark.InProgress))).Should().Equal("s1", InstanceId("yoga", 3, 10));
    }

    [Fact]
    public async Task The_lifecycle_status_filter_agrees_with_the_status_of_each_session()
    {
        await CreateAsync(OneHour("past", Time.Utc(2025, 3, 3, 10)));
        await CreateAsync(OneHour("now", Time.Utc(2025, 3, 10, 9, 30)));
        var marked = await CreateAsync(OneHour("marked", Time.Utc(2025, 3, 20, 10)));
        await CreateAsync(OneHour("future", Time.Utc(2025, 3, 25, 10)));
        await Service.ChangeLifecycleStatusAsync(Host, "marked", LifecycleStatus.InProgress, marked.Revision);
        var now = Time.Utc(2025, 3, 10, 10);
        Clock.Now = now;

        foreach (var status in Enum.GetValues<LifecycleStatus>())
        {
            var expected = (await QueryAllAsync(MarchStart, MarchEnd, SessionFilter.StatusIn(SessionStatus.Confirmed, SessionStatus.Cancelled)))
                .Where(s => SessionLifecycle.StatusAt(s, now) == status)
                .Select(s => s.Id);
            (await MarchIdsAsync(SessionFilter.LifecycleStatusAt(status, now))).Should().Equal(expected, "for {0}", status);
        }

        (await MarchIdsAsync(SessionFilter.LifecycleStatusAt(LifecycleStatus.InProgress, now))).Should().Equal("now", "marked");
    }
}
