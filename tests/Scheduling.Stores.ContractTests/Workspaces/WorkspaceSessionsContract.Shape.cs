using System.Collections.Immutable;
using Scheduling.Security;
using Scheduling.Sessions;
using Scheduling.Workspaces;

namespace Scheduling.Stores.ContractTests.Workspaces;

/// <summary>
/// The seed's session shape: local date, times and duration derived in the workspace's zone (across DST changes),
/// names from the directory (and the snapshot at booking), and the details a session carries through every store.
/// </summary>
public abstract partial class WorkspaceSessionsContract
{
    [Fact]
    public async Task Date_times_and_duration_are_the_instants_read_in_the_workspaces_zone()
    {
        await BookWeekAsync();

        var a2 = await GetAsync("a2");

        a2.WorkspaceId.Should().Be(Clinic);
        a2.Date.Should().Be(new LocalDate(2025, 3, 4));
        a2.StartTime.Should().Be(new LocalTime(10, 0));
        a2.EndDate.Should().Be(new LocalDate(2025, 3, 4));
        a2.EndTime.Should().Be(new LocalTime(11, 30));
        a2.DurationMinutes.Should().Be(90);
    }

    [Fact]
    public async Task A_session_across_the_spring_forward_gap_lasts_the_time_that_really_elapses()
    {
        // 01:30 to 03:30 on the wall clock, but 02:00-03:00 does not exist that night in New York.
        await Service.CreateSessionAsync(Host, Clinic, Appointment("night", Smith, John, Local(3, 9, 1, 30), 60) with
        {
            End = CalendarDateTime.AtLocal(Local(3, 9, 3, 30), Time.NewYork),
        });

        var night = await GetAsync("night");

        night.StartTime.Should().Be(new LocalTime(1, 30));
        night.EndTime.Should().Be(new LocalTime(3, 30));
        night.DurationMinutes.Should().Be(60);
    }

    [Fact]
    public async Task A_session_booked_at_a_time_the_clocks_skip_starts_after_the_gap()
    {
        // 02:30 does not exist on 2025-03-09 in New York; RFC 5545 3.3.5 reads it with the offset before the gap: 03:30 EDT.
        await BookAsync("skipped", Smith, John, Local(3, 9, 2, 30), 60);

        var skipped = await GetAsync("skipped");

        skipped.Date.Should().Be(new LocalDate(2025, 3, 9));
        skipped.StartTime.Should().Be(new LocalTime(3, 30));
        skipped.EndTime.Should().Be(new LocalTime(4, 30));
        skipped.DurationMinutes.Should().Be(60);
    }

    [Fact]
    public async Task A_session_across_the_fall_back_overlap_lasts_two_hours_between_one_and_two_on_the_wall_clock()
    {
        // 01:00 happens twice on 2025-11-02 in New York; the first (EDT) is taken. 02:00 EST comes two hours later.
        await Service.CreateSessionAsync(Host, Clinic, Appointment("fall-back", Smith, John, Time.Local(2025, 11, 2, 1, 0), 60) with
        {
            End = CalendarDateTime.AtLocal(Time.Local(2025, 11, 2, 2, 0), Time.NewYork),
        });

        var session = await Service.GetSessionAsync(Host, Clinic, "fall-back");

        session.StartTime.Should().Be(new LocalTime(1, 0));
        session.EndTime.Should().Be(new LocalTime(2, 0));
        session.DurationMinutes.Should().Be(120);
    }

    [Fact]
    public async Task Instances_keep_their_wall_clock_time_across_the_change_to_summer_time()
    {
        await BookWeekAsync();

        var physio = (await ListAllAsync(March(q => q with { StaffId = Jones }))).Where(s => s.RecurringSessionId == Physio).ToList();

        physio.Select(s => s.Date).Should().Equal(new LocalDate(2025, 3, 3), new LocalDate(2025, 3, 10), new LocalDate(2025, 3, 17), new LocalDate(2025, 3, 24));
        physio.Should().OnlyContain(s => s.StartTime == new LocalTime(15, 0) && s.EndTime == new LocalTime(16, 0) && s.DurationMinutes == 60);
    }

    [Fact]
    public async Task A_session_booked_in_another_zone_is_shown_in_the_workspaces_zone()
    {
        // 23:30 UTC on 3 March is 18:30 in New York, still the 3rd there.
        await Service.CreateSessionAsync(Host, Clinic, Appointment("remote", Smith, John, Local(3, 3, 0), 30) with
        {
            Start = CalendarDateTime.AtInstant(Time.Utc(2025, 3, 3, 23, 30)),
            End = CalendarDateTime.AtInstant(Time.Utc(2025, 3, 4, 0, 15)),
        });

        var remote = await GetAsync("remote");

        remote.Date.Should().Be(new LocalDate(2025, 3, 3));
        remote.StartTime.Should().Be(new LocalTime(18, 30));
        remote.EndTime.Should().Be(new LocalTime(19, 15));
        remote.DurationMinutes.Should().Be(45);
    }

    [Fact]
    public async Task A_session_past_midnight_ends_on_the_next_local_date()
    {
        await BookAsync("night-shift", Smith, John, Local(3, 3, 23, 30), 90);

        var session = await GetAsync("night-shift");

        session.Date.Should().Be(new LocalDate(2025, 3, 3));
        session.EndDate.Should().Be(new LocalDate(2025, 3, 4));
        session.EndTime.Should().Be(new LocalTime(1, 0));
    }

    [Fact]
    public async Task Client_service_and_staff_names_come_from_the_directory()
    {
        await BookWeekAsync();

        var a2 = await GetAsync("a2");

        a2.ClientId.Should().Be(Mary);
        a2.ClientName.Should().Be("Mary Major");
        a2.StaffId.Should().Be(Smith);
        a2.StaffName.Should().Be("Dr. Smith");
        a2.ServiceIds.Should().Equal(Consultation, Checkup);
        a2.ServiceNames.Should().Equal("استشارة طبية", "فحص عام");
        a2.Name.Should().Be("Appointment");
    }

    [Fact]
    public async Task A_rename_in_the_directory_shows_at_once()
    {
        await BookWeekAsync();

        Directory.SetName(Clinic, DirectoryEntryKind.Client, John, "John Q. Doe");
        Directory.SetName(Clinic, DirectoryEntryKind.Service, Consultation, "Consultation");

        var listed = await ListAllAsync(March(q => q with { ClientId = John }));
        listed.Should().OnlyContain(s => s.ClientName == "John Q. Doe");
        listed.Single(s => s.Id == "a1").ServiceNames.Should().Equal("Consultation");
    }

    [Fact]
    public async Task A_name_the_directory_does_not_know_is_null_without_a_snapshot()
    {
        await BookAsync("walk-in", Smith, "walk-in-client", Local(3, 3, 12), 30, Checkup, "retired-service");

        var session = await GetAsync("walk-in");

        session.ClientName.Should().BeNull();
        session.ServiceNames.Should().Equal("فحص عام", null);
    }

    [Fact]
    public async Task With_the_snapshot_option_names_at_booking_stand_in_for_names_the_directory_drops()
    {
        var service = new WorkspaceSessionService(Directory, Sessions, Clock, new SchedulingOptions { SnapshotNamesAtBooking = true });
        await service.CreateSessionAsync(Host, Clinic, Appointment("a1", Smith, John, Local(3, 3, 9), 60, Consultation, XRay));

        Directory.RemoveName(Clinic, DirectoryEntryKind.Client, John);
        Directory.RemoveName(Clinic, DirectoryEntryKind.Service, XRay);
        Directory.SetName(Clinic, DirectoryEntryKind.Staff, Smith, "Dr. Anna Smith");

        var session = await service.GetSessionAsync(Host, Clinic, "a1");
        session.ClientName.Should().Be("John Doe", "the directory no longer has it");
        session.ServiceNames.Should().Equal("استشارة طبية", "X-ray");
        session.StaffName.Should().Be("Dr. Anna Smith", "the directory's current name wins over the snapshot");
        (await Sessions.GetSessionAsync(Host, "a1")).Details.Names!.Clients.Should().ContainKey(John).WhoseValue.Should().Be("John Doe");
    }

    [Fact]
    public async Task Without_the_snapshot_option_no_names_are_stored()
    {
        await BookAsync("a1", Smith, John, Local(3, 3, 9), 60, Consultation);

        (await Sessions.GetSessionAsync(Host, "a1")).Details.Names.Should().BeNull();
    }

    [Fact]
    public async Task The_client_of_a_single_session_is_booked_as_a_participant()
    {
        await BookAsync("a1", Smith, John, Local(3, 3, 9), 60, Consultation);

        (await Sessions.GetSessionAsync(Host, "a1")).Participants.Select(p => p.Id).Should().Equal(John);
    }

    [Fact]
    public async Task Field_values_attachments_notes_and_invoice_are_kept_and_listed()
    {
        var attachment = new Attachment("att-1", "referral.pdf", "blob://clinic-a/referral-1", Time.Utc(2025, 1, 1)) { ContentType = "application/pdf", SizeBytes = 48_213, AddedBy = Smith };
        await Service.CreateSessionAsync(Host, Clinic, Appointment("a1", Smith, John, Local(3, 3, 9), 60, Consultation) with
        {
            Details = Appointment("a1", Smith, John, Local(3, 3, 9), 60, Consultation).Details with
            {
                FieldValues = [FieldValue.OfChoice("referral", "gp"), FieldValue.OfDate("referral-date", new LocalDate(2025, 2, 20)), FieldValue.OfNumber("fee", 85.50m)],
                Attachments = [attachment],
                Invoice = new InvoiceReference("inv-77") { Number = "INV-2025-0077" },
            },
        });
        Clock.Now = Time.Utc(2025, 1, 2);
        await Service.AddNoteAsync(CallerContext.Staff(Clinic, Smith, Permissions.SessionsManage), Clinic, "a1", "Bring the referral letter.");

        var listed = (await ListAllAsync(March())).Should().ContainSingle().Subject;

        listed.FieldValues.Should().Equal(FieldValue.OfChoice("referral", "gp"), FieldValue.OfDate("referral-date", new LocalDate(2025, 2, 20)), FieldValue.OfNumber("fee", 85.50m));
        listed.Attachments.Should().Equal(attachment);
        listed.Invoice.Should().Be(new InvoiceReference("inv-77") { Number = "INV-2025-0077" });
        var note = listed.Notes.Should().ContainSingle().Subject;
        (note.AuthorId, note.Text, note.CreatedAt).Should().Be((Smith, "Bring the referral letter.", Time.Utc(2025, 1, 2)));
        listed.CreatedAt.Should().Be(Time.Utc(2025, 1, 1));
        listed.UpdatedAt.Should().Be(Time.Utc(2025, 1, 2));
    }

    [Fact]
    public async Task Notes_are_appended_oldest_first_on_an_instance_too()
    {
        await BookWeekAsync();
        Clock.Now = Time.Utc(2025, 3, 10, 20, 5);
        await Service.AddNoteAsync(Host, Clinic, PhysioOn(10), "Knee better.", authorId: Jones);
        Clock.Now = Time.Utc(2025, 3, 10, 20, 10);
        await Service.AddNoteAsync(Host, Clinic, PhysioOn(10), "Next: stairs.", authorId: Jones);

        (await GetAsync(PhysioOn(10))).Notes.Select(n => n.Text).Should().Equal("Knee better.", "Next: stairs.");
        (await GetAsync(PhysioOn(17))).Notes.Should().BeEmpty();
    }

    [Fact]
    public async Task A_field_value_the_workspace_does_not_define_is_refused_by_name()
    {
        var request = Appointment("a1", Smith, John, Local(3, 3, 9), 60, Consultation) with { Details = Appointment("a1", Smith, John, Local(3, 3, 9), 60, Consultation).Details with { FieldValues = [FieldValue.OfText("allergies", "none")] } };

        await FailsAsync(() => Service.CreateSessionAsync(Host, Clinic, request).AsTask(), SchedulingErrorCode.InvalidArgument, "fieldValues.allergies");
        await FailsAsync(() => GetAsync("a1"), SchedulingErrorCode.NotFound);
    }

    [Fact]
    public async Task A_field_value_of_the_wrong_kind_or_an_unoffered_choice_is_refused_by_name()
    {
        var wrongKind = Appointment("a1", Smith, John, Local(3, 3, 9), 60) with { Details = Appointment("a1", Smith, John, Local(3, 3, 9), 60).Details with { FieldValues = [FieldValue.OfText("fee", "eighty")] } };
        var unoffered = Appointment("a1", Smith, John, Local(3, 3, 9), 60) with { Details = Appointment("a1", Smith, John, Local(3, 3, 9), 60).Details with { FieldValues = [FieldValue.OfChoice("referral", "friend")] } };

        await FailsAsync(() => Service.CreateSessionAsync(Host, Clinic, wrongKind).AsTask(), SchedulingErrorCode.InvalidArgument, "fieldValues.fee");
        await FailsAsync(() => Service.CreateSessionAsync(Host, Clinic, unoffered).AsTask(), SchedulingErrorCode.InvalidArgument, "fieldValues.referral");
    }

    [Fact]
    public async Task A_required_field_must_have_a_value()
    {
        Directory.AddOrReplaceWorkspace(new Workspace(Clinic, Time.NewYork, [new FieldDefinition("consent", "Consent given", FieldKind.Boolean) { IsRequired = true }]));

        await FailsAsync(() => BookAsync("a1", Smith, John, Local(3, 3, 9), 60), SchedulingErrorCode.InvalidArgument, "fieldValues.consent");
        var booked = await Service.CreateSessionAsync(Host, Clinic, Appointment("a1", Smith, John, Local(3, 3, 9), 60) with { Details = Appointment("a1", Smith, John, Local(3, 3, 9), 60).Details with { FieldValues = [FieldValue.OfBoolean("consent", true)] } });
        booked.FieldValues.Should().Equal(FieldValue.OfBoolean("consent", true));
    }

    [Fact]
    public async Task Changed_field_values_are_checked_and_kept()
    {
        var booked = await BookAsync("a1", Smith, John, Local(3, 3, 9), 60, Consultation);

        await FailsAsync(
            () => Service.UpdateSessionAsync(Host, Clinic, "a1", new SessionChanges { Details = new SessionDetailsChanges { FieldValues = ImmutableArray.Create(FieldValue.OfNumber("referral", 1)) } }, booked.Revision).AsTask(),
            SchedulingErrorCode.InvalidArgument,
            "fieldValues.referral");
        var changed = await Service.UpdateSessionAsync(Host, Clinic, "a1", new SessionChanges { Details = new SessionDetailsChanges { FieldValues = ImmutableArray.Create(FieldValue.OfChoice("referral", "self")), ServiceIds = ImmutableArray.Create(Checkup) } }, booked.Revision);

        changed.FieldValues.Should().Equal(FieldValue.OfChoice("referral", "self"));
        (await IdsAsync(March(q => q with { ServiceIds = [Checkup] }))).Should().Equal("a1");
        (await IdsAsync(March(q => q with { ServiceIds = [Consultation] }))).Should().BeEmpty();
    }

    [Fact]
    public async Task A_changed_client_is_what_the_client_filter_finds()
    {
        var booked = await BookAsync("a1", Smith, John, Local(3, 3, 9), 60, Consultation);

        await Service.UpdateSessionAsync(Host, Clinic, "a1", new SessionChanges { Details = new SessionDetailsChanges { ClientId = Mary } }, booked.Revision);

        (await IdsAsync(March(q => q with { ClientId = Mary }))).Should().Equal("a1");
        (await IdsAsync(March(q => q with { ClientId = John }))).Should().BeEmpty();
        (await GetAsync("a1")).ClientName.Should().Be("Mary Major");
    }

    [Fact]
    public async Task An_instance_can_have_its_own_services_and_client()
    {
        await BookWeekAsync();
        var instance = await GetAsync(PhysioOn(17));

        await Service.UpdateSessionAsync(Host, Clinic, PhysioOn(17), new SessionChanges { Details = new SessionDetailsChanges { ServiceIds = ImmutableArray.Create(Checkup), ClientId = John } }, instance.Revision);

        (await IdsAsync(March(q => q with { ServiceIds = [Checkup] }))).Should().Equal("a2", "a3", PhysioOn(17));
        (await IdsAsync(March(q => q with { ClientId = John }))).Should().Equal("a1", "a3", "a5", PhysioOn(17));
        (await GetAsync(PhysioOn(24))).ServiceIds.Should().Equal(XRay);
    }

    [Fact]
    public async Task With_the_snapshot_option_a_new_client_gets_a_snapshot_of_its_name_too()
    {
        var service = new WorkspaceSessionService(Directory, Sessions, Clock, new SchedulingOptions { SnapshotNamesAtBooking = true });
        var booked = await service.CreateSessionAsync(Host, Clinic, Appointment("a1", Smith, John, Local(3, 3, 9), 60, Consultation));

        await service.UpdateSessionAsync(Host, Clinic, "a1", new SessionChanges { Details = new SessionDetailsChanges { ClientId = Mary } }, booked.Revision);
        Directory.RemoveName(Clinic, DirectoryEntryKind.Client, Mary);
        Directory.RemoveName(Clinic, DirectoryEntryKind.Service, Consultation);

        var session = await service.GetSessionAsync(Host, Clinic, "a1");
        session.ClientName.Should().Be("Mary Major");
        session.ServiceNames.Should().Equal(new[] { "استشارة طبية" }, "the names taken at booking stay");
    }

    [Fact]
    public async Task A_series_changed_through_the_workspace_has_its_field_values_checked()
    {
        await BookWeekAsync();
        var series = await Sessions.GetRecurringSessionAsync(Host, Physio);

        await FailsAsync(
            () => Service.UpdateRecurringSessionAsync(Host, Clinic, Physio, new RecurringSessionChanges { Details = new SessionDetailsChanges { FieldValues = ImmutableArray.Create(FieldValue.OfChoice("referral", "friend")) } }, series.Revision).AsTask(),
            SchedulingErrorCode.InvalidArgument,
            "fieldValues.referral");
        await Service.UpdateRecurringSessionAsync(Host, Clinic, Physio, new RecurringSessionChanges { Details = new SessionDetailsChanges { FieldValues = ImmutableArray.Create(FieldValue.OfChoice("referral", "gp")) } }, series.Revision);

        (await ListAllAsync(March(q => q with { StaffId = Jones })))
            .Where(s => s.RecurringSessionId == Physio)
            .Should().HaveCount(4).And.OnlyContain(s => s.FieldValues.Single() == FieldValue.OfChoice("referral", "gp"));
    }

    [Fact]
    public async Task Working_hours_cannot_be_changed_through_the_workspace()
    {
        var hours = await Sessions.CreateSessionAsync(Host, Appointment("hours", Smith, null, Local(3, 3, 8), 600) with { Type = SessionType.WorkingHours });

        await FailsAsync(() => Service.UpdateSessionAsync(Host, Clinic, "hours", new SessionChanges { Details = new SessionDetailsChanges { Title = "x" } }, hours.Revision).AsTask(), SchedulingErrorCode.NotFound);
        await FailsAsync(() => Service.ChangeStatusAsync(Host, Clinic, "hours", LifecycleStatus.Cancelled, hours.Revision).AsTask(), SchedulingErrorCode.NotFound);
        await FailsAsync(() => Service.AddNoteAsync(Host, Clinic, "hours", "x", authorId: "system").AsTask(), SchedulingErrorCode.NotFound);
        await FailsAsync(() => Service.CreateSessionAsync(Host, Clinic, Appointment("more-hours", Smith, null, Local(3, 4, 8), 600) with { Type = SessionType.WorkingHours }).AsTask(), SchedulingErrorCode.InvalidArgument, "type");
        (await Sessions.GetSessionAsync(Host, "hours")).Should().BeEquivalentTo(hours);
    }
}
