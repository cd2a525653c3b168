namespace Scheduling.Cli.Tests;

/// <summary>
/// A clock on which the first time limits set run out the moment they are set (their timer fires as it is created)
/// and later ones never do. It stands for requests that take longer than their budget, whatever the speed of the
/// machine the tests run on.
/// </summary>
/// <param name="spent">How many of the first limits run out at once.</param>
internal sealed class BudgetSpentAtOnce(int spent) : TimeProvider
{
    private int _created;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan && Interlocked.Increment(ref _created) <= spent)
        {
            callback(state);
        }

        return new SpentTimer();
    }

    private sealed class SpentTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
