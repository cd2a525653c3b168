namespace Scheduling.Stores;

/// <summary>
/// What a decision taken inside a store's read-modify-write asks the store to do: write a record, or write nothing,
/// and what to hand back to the caller. See <see cref="ISessionStore.ChangeAsync{TResult}"/>,
/// <see cref="IRecurringSessionStore.ChangeInstanceAsync{TResult}"/> and <see cref="IRecurringSessionStore.SplitAsync{TResult}"/>.
/// </summary>
/// <typeparam name="TRecord">The stored record the decision is about.</typeparam>
/// <typeparam name="TResult">What the decision hands back to the caller.</typeparam>
/// <remarks>
/// The record to write is written exactly as given: the core, not the store, sets its revision and its
/// <c>UpdatedAt</c>. The default value writes nothing and carries the default result. Immutable and thread-safe.
/// </remarks>
public readonly record struct StoreChange<TRecord, TResult>
    where TRecord : class
{
    private StoreChange(TRecord? write, TResult result)
    {
        Write = write;
        Result = result;
    }

    /// <summary>Gets the record to write, or null to write nothing.</summary>
    public TRecord? Write { get; }

    /// <summary>Gets what the store returns to the caller.</summary>
    public TResult Result { get; }

    /// <summary>Writes <paramref name="record"/> and returns <paramref name="result"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public static StoreChange<TRecord, TResult> Save(TRecord record, TResult result)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new StoreChange<TRecord, TResult>(record, result);
    }

    /// <summary>Writes nothing and returns <paramref name="result"/>.</summary>
    public static StoreChange<TRecord, TResult> Nothing(TResult result) => new(null, result);
}
