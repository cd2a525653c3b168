using Scheduling.Stores;
using Scheduling.Stores.ContractTests.Workspaces;
using Scheduling.Stores.InMemory;
using Scheduling.Workspaces;

namespace Scheduling.Tests.Workspaces;

/// <summary>
/// <see cref="WorkspaceSessionService"/> over the in-memory stores, the embedded default: the whole workspace contract
/// (<see cref="WorkspaceSessionsContract"/>, which every store runs).
/// </summary>
public sealed class WorkspaceSessionsTest : WorkspaceSessionsContract
{
    protected override ValueTask<(ISessionStore Sessions, IRecurringSessionStore RecurringSessions)> CreateStoresAsync() =>
        ValueTask.FromResult<(ISessionStore, IRecurringSessionStore)>((new InMemorySessionStore(), new InMemoryRecurringSessionStore()));
}
