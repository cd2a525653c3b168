using System.Collections.Immutable;
using Scheduling.Sessions;

namespace Scheduling.Stores.ContractTests;

/// <summary>The atomic split (<see cref="IRecurringSessionStore.SplitAsync{TResult}"/>): the core's rule decides on what is stored, the store only locks, reads and writes.</summary>
public abstract partial class RecurringSessionStoreContract
{
    [Fact]
    public async Task Split_carries_across_an_override_saved_after_the_caller_read_the_series()
    {
        await InsertSeriesToSplitAsync();
        var read = await Store.FindAsync(TenantA, "yoga", None);
        var (ended, following, _) = SplitAtThirdWeek();

        // Booked on another host between the read and the split.
        (await Store.SaveOverrideAsync(TenantA, Override("yoga", "2025-03-31T09:00") with { Details = Override("yoga", "2025-03-31T09:00").Details with { Title = "fifth" } }, 0, None)).Should().BeTrue();
        (await Store.SplitAsync(TenantA, ended, Time.Utc(2025, 3, 10, 10), read!.Series.Revision, following, null, ThirdWeek, OneHour, None)).Should().BeTrue();

        var moved = (await Store.FindAsync(TenantA, "yoga-2", None))!.Overrides;
        moved.Keys.Should().BeEquivalentTo([Local("2025-03-17T10:00"), Local("2025-03-24T10:00"), Local("2025-03-31T10:00")]);
        moved[Local("2025-03-31T10:00")].Details.Title.Should().Be("fifth");
        moved[Local("2025-03-31T10:00")].RecurringSessionId.Should().Be("yoga-2");
        (await Store.FindAsync(TenantA, "yoga", None))!.Overrides.Keys.Should().Equal(Local("2025-03-03T09:00"));
    }

    [Fact]
    public async Task Split_decision_sees_the_series_with_every_override_and_deciding_nothing_changes_nothing()
    {
        await InsertSeriesToSplitAsync();
        var before = await Store.FindAsync(TenantA, "yoga", None);
        var changeVersion = await Store.GetChangeVersionAsync(TenantA, None);
        RecurringSessionRecord? seen = null;

        var result = await Store.SplitAsync(
            TenantA,
            "yoga",
            stored =>
            {
                seen = stored;
                return StoreChange<SeriesSplit, string>.Nothing("left alone");
            },
            None);

        result.Should().Be("left alone");
        Snapshot(seen).Should().Be(Snapshot(before));
        seen!.Version.Should().Be(before!.Version);
        Snapshot(await Store.FindAsync(TenantA, "yoga", None)).Should().Be(Snapshot(before));
        (await Store.GetChangeVersionAsync(TenantA, None)).Should().Be(changeVersion);
    }

    [Fact]
    public async Task Split_of_a_series_the_tenant_does_not_have_hands_the_decision_nothing()
    {
        await Store.InsertAsync(TenantA, Series("yoga"), null, None);
        var seen = new List<RecurringSessionRecord?>();

        (await Store.SplitAsync(TenantB, "yoga", stored => { seen.Add(stored); return StoreChange<SeriesSplit, bool>.Nothing(false); }, None)).Should().BeFalse();

        seen.Should().Equal([null]);
    }

    [Fact]
    public async Task Split_into_an_id_the_tenant_already_has_is_a_conflict_and_changes_nothing()
    {
        await InsertSeriesToSplitAsync();
        await Store.InsertAsync(TenantA, Series("yoga-2") with { Details = new SessionDetails { Title = "taken" } }, null, None);
        var before = await Store.FindAsync(TenantA, "yoga", None);
        var (ended, following, _) = SplitAtThirdWeek();

        var split = () => Store.SplitAsync(TenantA, ended, Time.Utc(2025, 3, 10, 10), 1, following, null, ThirdWeek, OneHour, None).AsTask();

        var conflict = (await split.Should().ThrowAsync<SchedulingException>()).Which;
        conflict.Code.Should().Be(SchedulingErrorCode.Conflict);
        conflict.Field.Should().Be("id");
        Snapshot(await Store.FindAsync(TenantA, "yoga", None)).Should().Be(Snapshot(before));
        var taken = await Store.FindAsync(TenantA, "yoga-2", None);
        taken!.Series.Details.Title.Should().Be("taken");
        taken.Overrides.Should().BeEmpty();
    }

    [Fact]
    public async Task Split_whose_ended_series_keeps_an_override_the_store_does_not_hold_is_refused_and_changes_nothing()
    {
        await InsertSeriesToSplitAsync();
        var before = await Store.FindAsync(TenantA, "yoga", None);
        var (ended, following, _) = SplitAtThirdWeek();
        var invented = Override("yoga", "2025-03-10T09:00") with { Details = Override("yoga", "2025-03-10T09:00").Details with { Title = "never stored" } };

        var split = () => Store.SplitAsync(
            TenantA,
            "yoga",
            stored => StoreChange<SeriesSplit, bool>.Save(
                new SeriesSplit(
                    new RecurringSessionRecord(ended, null, stored!.Overrides.Add(invented.IdentityStart, invented)),
                    new RecurringSessionRecord(following, null, ImmutableDictionary<LocalDateTime, InstanceOverride>.Empty)),
                true),
            None).AsTask();

        await split.Should().ThrowAsync<InvalidOperationException>();
        Snapshot(await Store.FindAsync(TenantA, "yoga", None)).Should().Be(Snapshot(before));
        (await Store.FindAsync(TenantA, "yoga-2", None)).Should().BeNull();
    }
}
