namespace Scheduling.Stores.ContractTests.Attendance;

// Inside the namespace, so that "Attendance" names the type rather than the namespace Scheduling.Attendance.
using Scheduling.Attendance;

/// <summary>Queries: every filter, every sort, and every combination of them, paged forwards and backwards.</summary>
public abstract partial class AttendanceServiceContract
{
    /// <summary>The filters the combination test runs, by name, with what each must admit.</summary>
    private static readonly Dictionary<string, (Func<AttendanceFilter> Filter, Func<Attendance, bool> Admits)> QueryFilters = new()
    {
        ["everything"] = (() => AttendanceFilter.All, _ => true),
        ["one booking"] = (() => AttendanceFilter.BookingIdIn("b3"), a => a.BookingId == "b3"),
        ["several bookings"] = (() => AttendanceFilter.BookingIdIn("b2", "b5"), a => a.BookingId is "b2" or "b5"),
        ["one lesson"] = (() => AttendanceFilter.SessionIdIn(Lesson(2)), a => a.SessionId == Lesson(2)),
        ["a course"] = (() => AttendanceFilter.RecurringSessionIdIn("course"), a => a.RecurringSessionId == "course"),
        ["single sessions only"] = (() => AttendanceFilter.Parse("""{"recurringSessionId":{"$exists":false}}"""), a => a.RecurringSessionId is null),
        ["the anchor's status example"] = (() => AttendanceFilter.Parse("""{"status":"NOT_ATTENDED"}"""), a => a.Status == AttendanceStatus.NotAttended),
        ["two statuses"] = (() => AttendanceFilter.StatusIn(AttendanceStatus.Attended, AttendanceStatus.NotSet), a => a.Status != AttendanceStatus.NotAttended),
        ["at least two attendees"] = (() => AttendanceFilter.NumberOfAttendeesAtLeast(2), a => a.NumberOfAttendees >= 2),
        ["a range of attendees"] = (() => AttendanceFilter.Parse("""{"numberOfAttendees":{"$gte":1,"$lt":3}}"""), a => a.NumberOfAttendees is >= 1 and < 3),
        ["several keys combine with AND"] = (() => AttendanceFilter.Parse("""{"bookingId":{"$in":["b1","b2","b3"]},"status":"ATTENDED"}"""), a => a.BookingId is "b1" or "b2" or "b3" && a.Status == AttendanceStatus.Attended),
        ["built with And"] = (() => AttendanceFilter.BookingIdIn("b4").And(AttendanceFilter.SessionIdIn(Lesson(1), Lesson(3))), a => a.BookingId == "b4" && (a.SessionId == Lesson(1) || a.SessionId == Lesson(3))),
        ["$or"] = (() => AttendanceFilter.Parse("""{"$or":[{"sessionId":"LESSON-4"},{"numberOfAttendees":{"$gte":3}}]}""".Replace("LESSON-4", Lesson(4), StringComparison.Ordinal)), a => a.SessionId == Lesson(4) || a.NumberOfAttendees >= 3),
        ["$not"] = (() => AttendanceFilter.StatusIn(AttendanceStatus.NotSet).Not(), a => a.Status != AttendanceStatus.NotSet),
        ["ids"] = (() => AttendanceFilter.IdIn("att-03", "att-17", "att-40", "missing"), a => a.Id is "att-03" or "att-17" or "att-40"),
        ["every id but one"] = (() => AttendanceFilter.Parse("""{"id":{"$ne":"att-00"}}"""), a => a.Id != "att-00"),
        ["nobody"] = (() => AttendanceFilter.BookingIdIn("nobody"), _ => false),
    };

    /// <summary>Every filter of <see cref="QueryFilters"/> with every sort.</summary>
    public static TheoryData<string, string> FilterAndSortCombinations
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var filter in QueryFilters.Keys)
            {
                foreach (var sort in new[] { "id ASC", "id DESC", "numberOfAttendees ASC", "numberOfAttendees DESC" })
                {
                    data.Add(filter, sort);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(FilterAndSortCombinations))]
    public async Task Every_filter_in_every_order_pages_forwards_and_backwards_through_exactly_what_it_admits(string filterName, string sortName)
    {
        var all = await MarkGridAsync();
        var (filter, admits) = QueryFilters[filterName];
        var sort = SortNamed(sortName);
        var expected = Ids(InOrder(all.Where(admits), sort));

        foreach (var limit in new[] { 1, 4, 50 })
        {
            var pages = await WalkForwardAsync(filter(), sort, limit);

            Ids(pages.SelectMany(p => p.Items)).Should().Equal(expected, "a walk with pages of {0} reads everything the filter admits, once, in order", limit);
            pages.Should().AllSatisfy(p => p.Items.Length.Should().BeLessThanOrEqualTo(limit));
            pages.Select(p => p.HasNext).Should().Equal(pages.Select((_, i) => i < pages.Count - 1));
            pages.Select(p => p.PreviousCursor is not null).Should().Equal(pages.Select((_, i) => i > 0), "only the first page has nothing before it");

            var back = await WalkBackAsync(pages[^1]);

            back.Select(p => Ids(p.Items)).Should().BeEquivalentTo(
                pages.SkipLast(1).Reverse().Select(p => Ids(p.Items)),
                options => options.WithStrictOrdering(),
                "walking back from the last page with pages of {0} gives the same pages in reverse",
                limit);
        }
    }

    [Fact]
    public async Task A_query_by_booking_gives_a_participants_attendance_across_the_course()
    {
        await CreateCourseAsync();
        await SetAsync("booking-1", Lesson(1));
        await SetAsync("booking-1", Lesson(2), AttendanceStatus.NotAttended);
        await SetAsync("booking-1", Lesson(3));
        await SetAsync("booking-2", Lesson(1));

        var page = await QueryAsync(AttendanceFilter.BookingIdIn("booking-1"));

        page.Items.Select(a => a.SessionId).Should().BeEquivalentTo([Lesson(1), Lesson(2), Lesson(3)]);
    }

    [Fact]
    public async Task A_query_by_session_gives_everyone_at_one_class()
    {
        await CreateClassAsync();
        await CreateClassAsync("another-class", daysLater: 1);
        await SetAsync("booking-1", YogaClass);
        await SetAsync("booking-2", YogaClass, AttendanceStatus.NotAttended);
        await SetAsync("booking-1", "another-class");

        var page = await QueryAsync(AttendanceFilter.SessionIdIn(YogaClass));

        page.Items.Select(a => a.BookingId).Should().BeEquivalentTo(["booking-1", "booking-2"]);
    }

    [Fact]
    public async Task Several_filters_all_apply_where_the_anchor_api_applied_only_the_first()
    {
        await CreateClassAsync();
        await SetAsync("booking-1", YogaClass, AttendanceStatus.Attended);
        await SetAsync("booking-2", YogaClass, AttendanceStatus.NotAttended);

        var page = await QueryAsync(AttendanceFilter.Parse("""{"sessionId":"yoga-class","status":"NOT_ATTENDED"}"""));

        page.Items.Should().ContainSingle().Which.BookingId.Should().Be("booking-2");
    }

    [Fact]
    public async Task The_default_order_is_by_id_ascending()
    {
        await CreateClassAsync();
        foreach (var id in new[] { "c", "a", "b" })
        {
            await SetAsync($"booking-{id}", YogaClass, id: id);
        }

        var page = await Service.QueryAttendanceAsync(Host, new AttendanceQuery());

        Ids(page.Items).Should().Equal("a", "b", "c");
    }

    [Fact]
    public async Task Sorting_by_number_of_attendees_breaks_ties_by_id_in_the_same_direction()
    {
        await CreateClassAsync(capacity: null);
        await SetAsync("booking-1", YogaClass, AttendanceStatus.Attended, 2, id: "a");
        await SetAsync("booking-2", YogaClass, AttendanceStatus.Attended, 5, id: "b");
        await SetAsync("booking-3", YogaClass, AttendanceStatus.Attended, 2, id: "c");
        await SetAsync("booking-4", YogaClass, AttendanceStatus.NotAttended, id: "d");

        Ids((await QueryAsync(sort: AttendanceSort.NumberOfAttendeesAscending)).Items).Should().Equal("d", "a", "c", "b");
        Ids((await QueryAsync(sort: AttendanceSort.NumberOfAttendeesDescending)).Items).Should().Equal("b", "c", "a", "d");
        Ids((await QueryAsync(sort: AttendanceSort.Parse("""[{"fieldName":"numberOfAttendees","order":"DESC"}]"""))).Items).Should().Equal("b", "c", "a", "d");
    }

    private static AttendanceSort SortNamed(string name) => name switch
    {
        "id ASC" => AttendanceSort.IdAscending,
        "id DESC" => AttendanceSort.IdDescending,
        "numberOfAttendees ASC" => AttendanceSort.NumberOfAttendeesAscending,
        _ => AttendanceSort.NumberOfAttendeesDescending,
    };

    /// <summary>The order a sort defines, written out plainly: the key, then the id, both in the sort's direction.</summary>
    private static List<Attendance> InOrder(IEnumerable<Attendance> attendance, AttendanceSort sort)
    {
        var ascending = attendance.Order(Comparer<Attendance>.Create((x, y) =>
            sort.Field == AttendanceSortField.NumberOfAttendees && x.NumberOfAttendees != y.NumberOfAttendees
                ? x.NumberOfAttendees.CompareTo(y.NumberOfAttendees)
                : string.CompareOrdinal(x.Id, y.Id))).ToList();
        if (sort.IsDescending)
        {
            ascending.Reverse();
        }

        return ascending;
    }

    /// <summary>
    /// Marks eight bookings at the yoga class and the four lessons of the course (a few pairs left out), with ids
    /// that do not follow the order they were set in, every status, and numbers of attendees that tie often.
    /// </summary>
    private async Task<List<Attendance>> MarkGridAsync()
    {
        await CreateClassAsync(capacity: null);
        await CreateCourseAsync();
        var sessions = new[] { YogaClass, Lesson(1), Lesson(2), Lesson(3), Lesson(4) };
        var all = new List<Attendance>();
        var index = 0;
        for (var booking = 1; booking <= 8; booking++)
        {
            for (var session = 0; session < sessions.Length; session++)
            {
                if ((booking + (2 * session)) % 7 == 0)
                {
                    continue;
                }

                var status = (AttendanceStatus)((booking + session) % 3);
                all.Add(await SetAsync(
                    $"b{booking}",
                    sessions[session],
                    status,
                    status == AttendanceStatus.Attended ? 1 + (booking * session % 3) : null,
                    id: $"att-{(index++ * 17) % 41:00}"));
            }
        }

        return all;
    }
}
