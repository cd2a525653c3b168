using Scheduling.Stores;
using Scheduling.Stores.ContractTests;
using Scheduling.Stores.InMemory;

namespace Scheduling.Tests.Stores.InMemory;

/// <summary>The in-memory recurring session store against the store contract.</summary>
public sealed class InMemoryRecurringSessionStoreTest : RecurringSessionStoreContract
{
    protected override ValueTask<IRecurringSessionStore> CreateStoreAsync() => ValueTask.FromResult<IRecurringSessionStore>(new InMemoryRecurringSessionStore());
}
