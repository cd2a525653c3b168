namespace Scheduling.Stores.ContractTests;

/// <summary>Releases a store the way its type asks for, after a test.</summary>
internal static class StoreDisposal
{
    public static async Task DisposeAsync(object store)
    {
        switch (store)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }
}
