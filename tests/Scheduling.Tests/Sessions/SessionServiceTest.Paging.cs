using System.Security.Cryptography;
using Scheduling.Security;
using Scheduling.Sessions;
using Scheduling.Stores.ContractTests;
using Scheduling.Stores.InMemory;

namespace Scheduling.Tests.Sessions;

/// <summary>
/// Cursors are opaque and sealed: an altered or foreign cursor is an error, and a cursor never widens what its
/// caller may see (tenant and permissions come from the caller).
/// </summary>
public sealed partial class SessionServiceTest
{
    [Fact]
    public async Task Cursor_with_any_character_changed_is_an_invalid_argument()
    {
        var cursor = await SecondPageCursorAsync();

        // The last character too: bits past the last byte, which lenient base64 decoders ignore, are refused.
        for (var i = 0; i < cursor.Length; i++)
        {
            var tampered = string.Concat(cursor.AsSpan(0, i), cursor[i] == 'A' ? "B" : "A", cursor.AsSpan(i + 1));

            await FailsAsync(() => Service.QuerySessionsAsync(Host, tampered).AsTask(), SchedulingErrorCode.InvalidArgument, "cursor");
        }
    }

    [Fact]
    public async Task Cursor_with_a_character_flipped_in_the_middle_is_an_invalid_argument()
    {
        var cursor = await SecondPageCursorAsync();
        var middle = cursor.Length / 2;
        var flipped = string.Concat(cursor.AsSpan(0, middle), cursor[middle] == 'A' ? "B" : "A", cursor.AsSpan(middle + 1));

        await FailsAsync(() => Service.QuerySessionsAsync(Host, flipped).AsTask(), SchedulingErrorCode.InvalidArgument, "cursor");
    }

    [Theory]
    [InlineData("not a cursor!")]
    [InlineData("AAAA")]
    [InlineData("eyJ2IjoxfQ")]
    public async Task Malformed_cursor_is_an_invalid_argument(string cursor)
    {
        await FailsAsync(() => Service.QuerySessionsAsync(Host, cursor).AsTask(), SchedulingErrorCode.InvalidArgument, "cursor");
    }

    [Fact]
    public async Task Truncated_or_extended_cursor_is_an_invalid_argument()
    {
        var cursor = await SecondPageCursorAsync();

        await FailsAsync(() => Service.QuerySessionsAsync(Host, cursor[..^4]).AsTask(), SchedulingErrorCode.InvalidArgument, "cursor");
        await FailsAsync(() => Service.QuerySessionsAsync(Host, cursor + "AAAA").AsTask(), SchedulingErrorCode.InvalidArgument, "cursor");
    }

    [Fact]
    public async Task Cursor_used_by_another_tenant_is_an_invalid_argument()
    {
        var cursor = await SecondPageCursorAsync();

        await FailsAsync(() => Service.QuerySessionsAsync(OtherHost, cursor).AsTask(), SchedulingErrorCode.InvalidArgument, "cursor");
    }

    [Fact]
    public async Task Cursor_cannot_widen_the_permissions_of_the_caller_who_pages()
    {
        await CreateManyAsync("s", 3, MarchStart, Duration.FromHours(1));
        var staff = CallerContext.Staff(Tenant, "staff-1", Permissions.SessionsView, Permissions.PersonalInformationView);
        var first = await Service.QuerySessionsAsync(staff, new SessionQuery { From = MarchStart, To = MarchEnd, PageSize = 1, Fieldset = SessionFieldset.AllPersonalInformation });
        var member = CallerContext.Member(Tenant, "member-1", Permissions.SessionsView);

        await FailsAsync(() => Service.QuerySessionsAsync(member, first.NextCursor!).AsTask(), SchedulingErrorCode.PermissionDenied);
    }

    [Fact]
    public async Task Cursor_needs_the_view_permission()
    {
        var cursor = await SecondPageCursorAsync();

        await FailsAsync(() => Service.QuerySessionsAsync(CallerContext.Anonymous(Tenant), cursor).AsTask(), SchedulingErrorCode.Unauthenticated);
        await FailsAsync(() => Service.QuerySessionsAsync(CallerContext.Member(Tenant, "member-1"), cursor).AsTask(), SchedulingErrorCode.PermissionDenied);
    }

    [Fact]
    public async Task Cursor_signed_with_another_key_is_an_invalid_argument()
    {
        var cursor = await SecondPageCursorAsync();
        var elsewhere = ServiceWith(new SchedulingOptions());

        await FailsAsync(() => elsewhere.QuerySessionsAsync(Host, cursor).AsTask(), SchedulingErrorCode.InvalidArgument, "cursor");
    }

    [Fact]
    public async Task Cursor_outlives_a_restart_when_every_instance_shares_the_key()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var sessions = new InMemorySessionStore();
        var recurringSessions = new InMemoryRecurringSessionStore();
        var before = new SessionService(sessions, recurringSessions, Clock, new SchedulingOptions { CursorKey = key });
        for (var i = 0; i < 3; i++)
        {
            await before.CreateSessionAsync(Host, OneHour($"s{i}", Time.Utc(2025, 3, 3, 10 + i)));
        }

        var first = await before.QuerySessionsAsync(Host, new SessionQuery { From = MarchStart, To = MarchEnd, PageSize = 2 });
        var after = new SessionService(sessions, recurringSessions, Clock, new SchedulingOptions { CursorKey = key });

        (await after.QuerySessionsAsync(Host, first.NextCursor!)).Items.Select(s => s.Id).Should().Equal("s2");
    }

    [Fact]
    public async Task Cursor_is_safe_in_a_url_as_it_is()
    {
        var cursor = await SecondPageCursorAsync();

        cursor.Should().MatchRegex("^[A-Za-z0-9_-]+$");
    }

    /// <summary>A cursor to the second page of a query over three sessions.</summary>
    private async Task<string> SecondPageCursorAsync()
    {
        await CreateManyAsync("s", 3, MarchStart, Duration.FromHours(1));
        var first = await QueryAsync(MarchStart, MarchEnd, pageSize: 1);
        return first.NextCursor!;
    }
}
