using Scheduling.Stores;
using Scheduling.Stores.ContractTests.Paging;
using Scheduling.Stores.InMemory;

namespace Scheduling.Tests.Paging;

/// <summary>The in-memory cursor key store against the store contract: the key lives as long as the store object.</summary>
public sealed class InMemoryCursorKeyStoreTest : CursorKeyStoreContract
{
    protected override ValueTask<ICursorKeyStore> CreateStoreAsync() => ValueTask.FromResult<ICursorKeyStore>(new InMemoryCursorKeyStore());
}
