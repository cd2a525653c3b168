using Scheduling.Stores;
using Scheduling.Stores.ContractTests.Attendance;
using Scheduling.Stores.InMemory;

namespace Scheduling.Tests.Attendance;

/// <summary>The in-memory attendance store against the store contract.</summary>
public sealed class InMemoryAttendanceStoreTest : AttendanceStoreContract
{
    protected override ValueTask<IAttendanceStore> CreateStoreAsync() => ValueTask.FromResult<IAttendanceStore>(new InMemoryAttendanceStore());
}
