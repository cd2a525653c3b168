namespace Scheduling.Stores.ContractTests;

/// <summary>
/// A clock the test sets and moves by hand (NodaTime.Testing is not available). It lives in the contract library
/// because every store's service suite needs it to say what "now" is. Thread-safe.
/// </summary>
public sealed class FakeClock : IClock
{
    private readonly object _gate = new();
    private Instant _now;

    /// <summary>Creates a clock that reads <paramref name="now"/> until it is set or advanced.</summary>
    public FakeClock(Instant now)
    {
        _now = now;
    }

    /// <summary>Gets or sets the instant the clock reads.</summary>
    public Instant Now
    {
        get
        {
            lock (_gate)
            {
                return _now;
            }
        }

        set
        {
            lock (_gate)
            {
                _now = value;
            }
        }
    }

    /// <summary>Moves the clock by <paramref name="duration"/> (backwards when negative).</summary>
    public void Advance(Duration duration)
    {
        lock (_gate)
        {
            _now += duration;
        }
    }

    /// <inheritdoc />
    public Instant GetCurrentInstant() => Now;
}
