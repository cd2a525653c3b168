using Scheduling.Paging;
using Scheduling.Security;

namespace Scheduling.Stores.ContractTests.Attendance;

// Inside the namespace, so that "Attendance" names the type rather than the namespace Scheduling.Attendance.
using Scheduling.Attendance;

/// <summary>Cursor paging as the anchor API describes it: limits, next and previous cursors, and walks while others write.</summary>
public abstract partial class AttendanceServiceContract
{
    [Fact]
    public async Task The_default_limit_is_50()
    {
        await MarkManyAsync(60);

        var page = await QueryAsync();

        page.Items.Should().HaveCount(50);
        page.HasNext.Should().BeTrue();
        page.NextCursor.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_limit_of_1000_is_allowed_and_more_is_a_limit_exceeded()
    {
        await MarkManyAsync(3);

        (await QueryAsync(limit: 1_000)).Items.Should().HaveCount(3);
        await FailsAsync(() => QueryAsync(limit: 1_001), SchedulingErrorCode.LimitExceeded, "limit");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task A_limit_below_1_is_invalid(int limit)
    {
        await FailsAsync(() => QueryAsync(limit: limit), SchedulingErrorCode.InvalidArgument, "limit");
    }

    [Fact]
    public async Task A_query_that_fits_one_page_has_neither_next_nor_previous_cursor()
    {
        await MarkManyAsync(50);

        var page = await QueryAsync();

        page.Items.Should().HaveCount(50);
        page.HasNext.Should().BeFalse();
        page.NextCursor.Should().BeNull();
        page.PreviousCursor.Should().BeNull();
    }

    [Fact]
    public async Task A_query_that_admits_nothing_is_one_empty_page()
    {
        var page = await QueryAsync(AttendanceFilter.BookingIdIn("nobody"));

        page.Items.Should().BeEmpty();
        page.HasNext.Should().BeFalse();
        page.NextCursor.Should().BeNull();
        page.PreviousCursor.Should().BeNull();
    }

    [Fact]
    public async Task Later_pages_pass_only_the_cursor_which_keeps_the_filter_the_sort_and_the_limit()
    {
        var ids = await MarkManyAsync(30);
        var filter = AttendanceFilter.StatusIn(AttendanceStatus.Attended);

        var first = await QueryAsync(filter, AttendanceSort.IdDescending, limit: 4);
        var second = await PageAsync(first.NextCursor!);

        var expected = ids.Where((_, i) => i % 2 == 0).Order(StringComparer.Ordinal).Reverse().ToList();
        Ids(first.Items).Should().Equal(expected.Take(4));
        Ids(second.Items).Should().Equal(expected.Skip(4).Take(4));
    }

    [Fact]
    public async Task The_previous_cursor_of_the_second_page_gives_the_first_page_again()
    {
        await MarkManyAsync(12);
        var first = await QueryAsync(limit: 5);
        var second = await PageAsync(first.NextCursor!);

        var back = await PageAsync(second.PreviousCursor!);

        Ids(back.Items).Should().Equal(Ids(first.Items));
        back.PreviousCursor.Should().BeNull("nothing comes before the first page");
        back.HasNext.Should().BeTrue();
    }

    [Fact]
    public async Task The_next_cursor_of_a_page_reached_backwards_continues_forwards()
    {
        await MarkManyAsync(12);
        var pages = await WalkForwardAsync(limit: 5);
        var back = await PageAsync(pages[2].PreviousCursor!);

        var forward = await PageAsync(back.NextCursor!);

        Ids(back.Items).Should().Equal(Ids(pages[1].Items));
        Ids(forward.Items).Should().Equal(Ids(pages[2].Items));
        forward.HasNext.Should().BeFalse();
    }

    [Fact]
    public async Task A_page_whose_followers_were_all_deleted_is_empty_and_points_back_to_the_last_page()
    {
        var ids = await MarkManyAsync(10);
        var first = await QueryAsync(limit: 6);
        foreach (var id in ids.Order(StringComparer.Ordinal).Skip(6))
        {
            await Service.DeleteAttendanceAsync(Host, id);
        }

        var emptied = await PageAsync(first.NextCursor!);
        var back = await PageAsync(emptied.PreviousCursor!);

        emptied.Items.Should().BeEmpty();
        emptied.HasNext.Should().BeFalse();
        Ids(back.Items).Should().Equal(Ids(first.Items));
    }

    [Fact]
    public async Task A_walk_while_others_write_never_repeats_an_item_nor_skips_one_that_stayed()
    {
        var stayed = await MarkManyAsync(40, booking: i => $"stays-{i:00}");
        var goes = await MarkManyAsync(10, booking: i => $"goes-{i:00}", sessionId: "another-class");
        var seen = new List<string>();
        var page = await QueryAsync(limit: 6);
        var round = 0;
        while (true)
        {
            seen.AddRange(Ids(page.Items));
            if (page.NextCursor is not { } cursor)
            {
                break;
            }

            // Between pages: new attendance on both sides of the position, and deletions of items not read yet.
            await SetAsync($"new-{round:00}", YogaClass, id: $"id-{round * 7 % 60:00}-new");
            if (round < goes.Count)
            {
                await Service.DeleteAttendanceAsync(Host, goes[round]);
            }

            round++;
            page = await PageAsync(cursor);
        }

        seen.Should().OnlyHaveUniqueItems();
        seen.Should().BeInAscendingOrder(StringComparer.Ordinal);
        seen.Should().Contain(stayed);
    }

    [Fact]
    public async Task A_walk_back_while_others_write_never_repeats_an_item_nor_skips_one_that_stayed()
    {
        var stayed = await MarkManyAsync(40);
        var pages = await WalkForwardAsync(limit: 6);
        var seen = new List<string>(Ids(pages[^1].Items));
        var page = pages[^1];
        var round = 0;
        while (page.PreviousCursor is { } cursor)
        {
            await SetAsync($"new-{round:00}", YogaClass, id: $"id-{round * 11 % 60:00}-new");
            round++;
            page = await PageAsync(cursor);
            seen.InsertRange(0, Ids(page.Items));
        }

        seen.Should().OnlyHaveUniqueItems();
        seen.Should().BeInAscendingOrder(StringComparer.Ordinal);
        seen.Should().Contain(stayed);
    }

    [Fact]
    public async Task An_altered_cursor_is_refused()
    {
        await MarkManyAsync(5);
        var cursor = (await QueryAsync(limit: 2)).NextCursor!;
        var altered = string.Concat(cursor.AsSpan(0, 10), cursor[10] == 'A' ? "B" : "A", cursor.AsSpan(11));

        await FailsAsync(() => PageAsync(altered), SchedulingErrorCode.InvalidArgument, "cursor");
        await FailsAsync(() => PageAsync(cursor[..^2]), SchedulingErrorCode.InvalidArgument, "cursor");
        await FailsAsync(() => PageAsync("not a cursor"), SchedulingErrorCode.InvalidArgument, "cursor");
        await FailsAsync(() => PageAsync(""), SchedulingErrorCode.InvalidArgument, "cursor");
    }

    [Fact]
    public async Task A_cursor_issued_to_another_tenant_is_refused()
    {
        await MarkManyAsync(5);
        var cursor = (await QueryAsync(limit: 2)).NextCursor!;

        await FailsAsync(() => PageAsync(cursor, OtherHost), SchedulingErrorCode.InvalidArgument, "cursor");
    }

    [Fact]
    public async Task Permissions_are_checked_again_on_every_page()
    {
        await MarkManyAsync(5);
        var cursor = (await QueryAsync(limit: 2, caller: CallerContext.Staff(Tenant, "staff-1", Permissions.AttendanceView))).NextCursor!;

        await FailsAsync(() => PageAsync(cursor, CallerContext.Staff(Tenant, "staff-2", Permissions.AttendanceManage)), SchedulingErrorCode.PermissionDenied);
        await FailsAsync(() => PageAsync(cursor, CallerContext.Anonymous(Tenant)), SchedulingErrorCode.Unauthenticated);
        (await PageAsync(cursor, CallerContext.Staff(Tenant, "staff-2", Permissions.AttendanceView))).Items.Should().HaveCount(2);
    }

    /// <summary>
    /// Marks <paramref name="count"/> bookings at one class (the yoga class, made here if needed, without a capacity),
    /// with ids <c>id-00</c>, <c>id-01</c>, ... set in a shuffled order; even ones attended, odd ones not. Returns the
    /// ids in index order.
    /// </summary>
    private async Task<List<string>> MarkManyAsync(int count, Func<int, string>? booking = null, string sessionId = YogaClass)
    {
        if ((await Sessions.ListSessionsAsync(Host, [sessionId])).Count == 0)
        {
            await CreateClassAsync(sessionId, capacity: null, daysLater: sessionId == YogaClass ? 0 : 1);
        }

        var prefix = sessionId == YogaClass ? "id" : "other";
        var ids = Enumerable.Range(0, count).Select(i => $"{prefix}-{i:00}").ToList();
        var marks = Enumerable.Range(0, count)
            .OrderBy(i => (i * 7919) % count)
            .Select(i => Mark(booking?.Invoke(i) ?? $"booking-{prefix}-{i:00}", sessionId, i % 2 == 0 ? AttendanceStatus.Attended : AttendanceStatus.NotAttended) with { Id = ids[i] })
            .ToList();
        var result = await Service.BulkSetAttendanceAsync(Host, marks);
        result.AllSucceeded.Should().BeTrue();
        return ids;
    }
}
