using Scheduling.Stores;
using Scheduling.Stores.ContractTests;
using Scheduling.Stores.InMemory;

namespace Scheduling.Tests.Stores.InMemory;

/// <summary>The in-memory session store against the store contract.</summary>
public sealed class InMemorySessionStoreTest : SessionStoreContract
{
    protected override ValueTask<ISessionStore> CreateStoreAsync() => ValueTask.FromResult<ISessionStore>(new InMemorySessionStore());
}
