using Scheduling.Sessions;
using Scheduling.Stores;
using Scheduling.Stores.ContractTests;
using Scheduling.Stores.ContractTests.Sessions;
using Scheduling.Stores.InMemory;

namespace Scheduling.Tests.Sessions;

/// <summary>
/// <see cref="SessionService"/> over the in-memory stores, the embedded default: the whole service contract
/// (<see cref="SessionServiceContract"/>, which every store runs), plus the policy that does not depend on a store
/// (validation, limits, permissions, cursors), by aspect in the <c>SessionServiceTest.*.cs</c> files.
/// </summary>
public sealed partial class SessionServiceTest : SessionServiceContract
{
    protected override ValueTask<(ISessionStore Sessions, IRecurringSessionStore RecurringSessions)> CreateStoresAsync() =>
        ValueTask.FromResult<(ISessionStore, IRecurringSessionStore)>((new InMemorySessionStore(), new InMemoryRecurringSessionStore()));

    /// <summary>A service over fresh in-memory stores with other options.</summary>
    private SessionService ServiceWith(SchedulingOptions options) =>
        new(new InMemorySessionStore(), new InMemoryRecurringSessionStore(), Clock, options);
}
