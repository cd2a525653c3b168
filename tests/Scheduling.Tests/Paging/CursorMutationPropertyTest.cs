using System.Security.Cryptography;
using FsCheck;
using FsCheck.Fluent;
using Scheduling.Attendance;
using Scheduling.Paging;
using Scheduling.Security;
using Scheduling.Sessions;
using Scheduling.Stores.ContractTests;
using Scheduling.Stores.InMemory;
using Scheduling.Testing;
using Scheduling.Workspaces;

namespace Scheduling.Tests.Paging;

/// <summary>
/// Properties of cursors under attack: whatever is done to a genuine cursor (bits flipped, cut, extended, spelled
/// another way, handed to another tenant or another query, spliced with another cursor), it is either exactly a
/// cursor the library issued, and then reads exactly that cursor's page for exactly that caller, or it is refused with
/// an invalid argument on <c>cursor</c>. No mutation ever reads rows of another tenant or outside the query.
/// </summary>
public sealed class CursorMutationPropertyTest
{
    private const string TenantA = "clinic-a";
    private const string TenantB = "clinic-b";

    private static readonly CursorKind[] Kinds = [CursorKind.Sessions, CursorKind.Attendance, CursorKind.Workspace];
    private static readonly Instant MarchStart = Time.Utc(2025, 3, 1);
    private static readonly Instant MarchEnd = Time.Utc(2025, 4, 1);
    private static readonly FakeClock Clock = new(Time.Utc(2025, 2, 1));

    private enum Mutation
    {
        None,
        FlipBit,
        Truncate,
        Extend,
        Respell,
        ChangeCharacter,
        SpliceBytes,
        SpliceText,
        SwapPayload,
        SwapKindByte,
    }

    [Fact]
    public async Task A_mutated_cursor_is_either_a_cursor_the_library_issued_or_refused_and_never_widens_access()
    {
        var world = await World.CreateAsync();
        var random = PropertyRuns.RandomSource(salt: 17);
        var (accepted, refused) = (0, 0);

        for (var run = 0; run < PropertyRuns.Cases(400); run++)
        {
            var original = world.Genuine[random.Next(world.Genuine.Count)];
            var other = world.Genuine[random.Next(world.Genuine.Count)];
            var mutation = (Mutation)random.Next(Enum.GetValues<Mutation>().Length);
            var text = Mutate(original.Cursor, other.Cursor, mutation, random);

            // Mostly the query and tenant that issued the cursor; sometimes another of either.
            var kind = random.Next(4) == 0 ? Kinds[random.Next(Kinds.Length)] : original.Kind;
            var tenant = random.Next(4) == 0 ? (original.Tenant == TenantA ? TenantB : TenantA) : original.Tenant;
            var because = $"run {run}: {mutation} of a {original.Kind} cursor of {original.Tenant}, read as {kind} by {tenant}: '{text}'";

            var issued = world.Genuine.FirstOrDefault(g => g.Cursor == text && g.Kind == kind && g.Tenant == tenant);
            try
            {
                var ids = await world.ContinueAsync(kind, tenant, text);
                issued.Should().NotBeNull(because + " was accepted, but no such cursor was issued to that caller");
                ids.Should().Equal(issued!.Page, because);
                ids.Should().OnlyContain(id => id.StartsWith(tenant, StringComparison.Ordinal), because);
                accepted++;
            }
            catch (SchedulingException error)
            {
                issued.Should().BeNull(because + $" was refused ({error.Message}), but it is a cursor issued to that caller");
                error.Code.Should().Be(SchedulingErrorCode.InvalidArgument, because);
                error.Field.Should().Be("cursor", because);
                refused++;
            }
        }

        accepted.Should().BePositive("some runs leave the cursor as it was");
        refused.Should().BeGreaterThan(accepted, "most mutations change the cursor");
    }

    [Fact]
    public void A_sealed_cursor_opens_only_as_it_was_sealed()
    {
        var keys = CursorKeys.Of([CursorSigningKey.Of(RandomNumberGenerator.GetBytes(32), "key")]);
        var cases =
            from payload in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b))
            from tenant in Gen.ArrayOf(Gen.Choose(0, 0xFFFF).Select(c => (char)c)).Select(c => new string(c))
            from otherTenant in Gen.ArrayOf(Gen.Choose(0, 0xFFFF).Select(c => (char)c)).Select(c => new string(c))
            from kind in Gen.Elements(Kinds)
            from otherKind in Gen.Elements(Kinds)
            from flip in Gen.Choose(0, int.MaxValue)
            select (payload, tenant, otherTenant, kind, otherKind, flip);

        Check.One(PropertyRuns.Config(1_000), Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var cursor = CursorCodec.Seal(c.kind, keys.Signing, c.tenant, c.payload);

            CursorCodec.Open(c.kind, keys, c.tenant, cursor).Should().Equal(c.payload);
            Base64Url.Encode(Base64Url.TryDecode(cursor, out _)!).Should().Be(cursor, "a cursor is written in its canonical spelling");
            if (c.otherTenant != c.tenant)
            {
                RefusedOnCursor(() => CursorCodec.Open(c.kind, keys, c.otherTenant, cursor));
            }

            if (c.otherKind != c.kind)
            {
                RefusedOnCursor(() => CursorCodec.Open(c.otherKind, keys, c.tenant, cursor));
            }

            var bytes = Base64Url.TryDecode(cursor, out _)!;
            var bit = c.flip % (bytes.Length * 8);
            bytes[bit / 8] ^= (byte)(1 << (bit % 8));
            RefusedOnCursor(() => CursorCodec.Open(c.kind, keys, c.tenant, Base64Url.Encode(bytes)));
        }));
    }

    private static void RefusedOnCursor(Func<object> open)
    {
        var error = open.Should().Throw<SchedulingException>().Which;
        error.Code.Should().Be(SchedulingErrorCode.InvalidArgument);
        error.Field.Should().Be("cursor");
    }

    private static string Mutate(string cursor, string other, Mutation mutation, Random random)
    {
        var bytes = Base64Url.TryDecode(cursor, out _)!;
        var otherBytes = Base64Url.TryDecode(other, out _)!;
        switch (mutation)
        {
            case Mutation.None:
                return cursor;
            case Mutation.FlipBit:
                bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                return Base64Url.Encode(bytes);
            case Mutation.Truncate:
                return random.Next(2) == 0 ? Base64Url.Encode(bytes.AsSpan(0, random.Next(bytes.Length))) : cursor[..random.Next(cursor.Length)];
            case Mutation.Extend:
                return random.Next(2) == 0
                    ? Base64Url.Encode([.. bytes, .. RandomNumberGenerator.GetBytes(1 + random.Next(16))])
                    : cursor + Base64Url.Encode(RandomNumberGenerator.GetBytes(1 + random.Next(16)));
            case Mutation.Respell:
                return Respell(cursor, bytes, random);
            case Mutation.ChangeCharacter:
                const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
                var at = random.Next(cursor.Length);
                return string.Concat(cursor.AsSpan(0, at), alphabet[random.Next(alphabet.Length)].ToString(), cursor.AsSpan(at + 1));
            case Mutation.SpliceBytes:
                return Base64Url.Encode([.. bytes.AsSpan(0, random.Next(bytes.Length + 1)), .. otherBytes.AsSpan(random.Next(otherBytes.Length + 1))]);
            case Mutation.SpliceText:
                return string.Concat(cursor.AsSpan(0, random.Next(cursor.Length + 1)), other.AsSpan(random.Next(other.Length + 1)));
            case Mutation.SwapPayload:
                // This cursor's header and signature around the other's payload.
                return Base64Url.Encode([.. bytes.AsSpan(0, CursorCodec.HeaderLength), .. otherBytes.AsSpan(CursorCodec.HeaderLength, otherBytes.Length - CursorCodec.HeaderLength - CursorCodec.MacLength), .. bytes.AsSpan(bytes.Length - CursorCodec.MacLength)]);
            default:
                bytes[1] = (byte)Kinds[random.Next(Kinds.Length)];
                return Base64Url.Encode(bytes);
        }
    }

    /// <summary>The same bytes, spelled another way: padded, standard alphabet, with whitespace, or with bits set past the last byte.</summary>
    private static string Respell(string cursor, byte[] bytes, Random random)
    {
        switch (random.Next(5))
        {
            case 0:
                return cursor + new string('=', 1 + random.Next(2));
            case 1:
                return Convert.ToBase64String(bytes);
            case 2:
                return cursor.Replace('-', '+').Replace('_', '/');
            case 3:
                var at = random.Next(cursor.Length + 1);
                return cursor.Insert(at, new[] { " ", "\t", "\n", "\r\n" }[random.Next(4)]);
            default:
                const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
                var unused = (cursor.Length % 4) switch { 2 => 4, 3 => 2, _ => 0 };
                var last = alphabet.IndexOf(cursor[^1], StringComparison.Ordinal);
                return cursor[..^1] + alphabet[last | (random.Next(1, 1 << Math.Max(unused, 1)) & ((1 << unused) - 1))];
        }
    }

    /// <summary>One host's services over two tenants' data, and every cursor their queries issued, with the page each reads.</summary>
    private sealed class World
    {
        private readonly SessionService _sessions;
        private readonly AttendanceService _attendance;
        private readonly WorkspaceSessionService _workspaces;

        private World(SessionService sessions, AttendanceService attendance, WorkspaceSessionService workspaces)
        {
            (_sessions, _attendance, _workspaces) = (sessions, attendance, workspaces);
        }

        public List<Issued> Genuine { get; } = [];

        public static async Task<World> CreateAsync()
        {
            var directory = new InMemoryWorkspaceDirectory();
            var sessions = new SessionService(new InMemorySessionStore(), new InMemoryRecurringSessionStore(), new InMemoryCursorKeyStore(), Clock, new SchedulingOptions());
            var world = new World(sessions, new AttendanceService(new InMemoryAttendanceStore(), sessions, Clock), new WorkspaceSessionService(directory, sessions, Clock));
            foreach (var tenant in new[] { TenantA, TenantB })
            {
                directory.AddOrReplaceWorkspace(new Workspace(tenant, Time.NewYork));
                var host = CallerContext.Host(tenant);
                for (var i = 0; i < 8; i++)
                {
                    var start = Time.Utc(2025, 3, 3 + i, 9 + (i % 3));
                    await sessions.CreateSessionAsync(host, new NewSession
                    {
                        Id = $"{tenant}-s{i}",
                        ScheduleId = i % 2 == 0 ? "room-1" : "room-2",
                        ScheduleOwnerId = "dr-smith",
                        Start = Time.At(start),
                        End = Time.At(start + Duration.FromHours(1)),
                    });
                    await world._attendance.SetAttendanceAsync(host, new AttendanceMark
                    {
                        Id = $"{tenant}-a{i}",
                        BookingId = $"{tenant}-b{i % 3}",
                        SessionId = $"{tenant}-s{i}",
                        Status = AttendanceStatus.Attended,
                        NumberOfAttendees = 1 + (i % 4),
                    });
                }

                await world.IssueAsync(tenant);
            }

            return world;
        }

        /// <summary>The ids of the page <paramref name="cursor"/> reads as <paramref name="kind"/>, for the host of <paramref name="tenant"/>.</summary>
        public async Task<List<string>> ContinueAsync(CursorKind kind, string tenant, string cursor)
        {
            var caller = CallerContext.Host(tenant);
            return kind switch
            {
                CursorKind.Sessions => [.. (await _sessions.QuerySessionsAsync(caller, cursor)).Items.Select(s => s.Id)],
                CursorKind.Attendance => [.. (await _attendance.QueryAttendanceAsync(caller, cursor)).Items.Select(a => a.Id)],
                _ => [.. (await _workspaces.ListSessionsAsync(caller, tenant, cursor)).Items.Select(s => s.Id)],
            };
        }

        /// <summary>Walks a few queries of <paramref name="tenant"/> and keeps every cursor they return.</summary>
        private async Task IssueAsync(string tenant)
        {
            var caller = CallerContext.Host(tenant);
            var onlyRoomOne = new SessionQuery { From = MarchStart, To = MarchEnd, Filter = SessionFilter.ScheduleIdIn("room-1"), PageSize = 1 };
            await WalkAsync(CursorKind.Sessions, tenant, (await _sessions.QuerySessionsAsync(caller, onlyRoomOne)).NextCursor);
            await WalkAsync(CursorKind.Sessions, tenant, (await _sessions.QuerySessionsAsync(caller, new SessionQuery { From = MarchStart, To = Time.Utc(2025, 3, 7), PageSize = 2 })).NextCursor);
            var attendance = await _attendance.QueryAttendanceAsync(caller, new AttendanceQuery { Filter = AttendanceFilter.BookingIdIn($"{tenant}-b1", $"{tenant}-b2"), Sort = AttendanceSort.NumberOfAttendeesDescending, Limit = 2 });
            await WalkAsync(CursorKind.Attendance, tenant, attendance.NextCursor);
            var second = await _attendance.QueryAttendanceAsync(caller, attendance.NextCursor!);
            await WalkAsync(CursorKind.Attendance, tenant, second.PreviousCursor);
            var list = await _workspaces.ListSessionsAsync(caller, tenant, new WorkspaceSessionQuery { DateFrom = DateBound.AtInstant(MarchStart), DateTo = DateBound.AtInstant(MarchEnd), PageSize = 3 });
            await WalkAsync(CursorKind.Workspace, tenant, list.NextCursor);
        }

        private async Task WalkAsync(CursorKind kind, string tenant, string? cursor)
        {
            for (var pages = 0; cursor is not null && pages < 4; pages++)
            {
                Genuine.Add(new Issued(cursor, kind, tenant, await ContinueAsync(kind, tenant, cursor)));
                var caller = CallerContext.Host(tenant);
                cursor = kind switch
                {
                    CursorKind.Sessions => (await _sessions.QuerySessionsAsync(caller, cursor)).NextCursor,
                    CursorKind.Attendance => (await _attendance.QueryAttendanceAsync(caller, cursor)).NextCursor,
                    _ => (await _workspaces.ListSessionsAsync(caller, tenant, cursor)).NextCursor,
                };
            }
        }
    }

    /// <summary>A cursor a query issued: its kind, its tenant, and the ids of the page it reads.</summary>
    private sealed record Issued(string Cursor, CursorKind Kind, string Tenant, List<string> Page);
}
