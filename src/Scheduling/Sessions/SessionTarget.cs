using System.Collections.Immutable;
using NodaTime;
using Scheduling.Stores;

namespace Scheduling.Sessions;

/// <summary>
/// What an id names once it is resolved (<see cref="SessionTargets"/>): a single session, or an instance of a
/// recurring session. A call on one session resolves its id once and branches once on the two cases.
/// </summary>
/// <remarks>Immutable: a target is what the store held when it was read.</remarks>
internal abstract class SessionTarget
{
    private SessionTarget(Session session) => Session = session;

    /// <summary>Gets the session as it reads: the stored single session, or the instance view with its override applied.</summary>
    public Session Session { get; }

    /// <summary>A single session, as stored.</summary>
    internal sealed class Single(Session session) : SessionTarget(session);

    /// <summary>
    /// An instance of a series: the view of the series, the instance's identity start (its key), and its own
    /// override (null when it has none).
    /// </summary>
    internal sealed class Instance : SessionTarget
    {
        private Instance(SeriesView view, LocalDateTime identity, InstanceOverride? own, Session session)
            : base(session)
        {
            View = view;
            Identity = identity;
            Own = own;
        }

        /// <summary>Gets the view of the series.</summary>
        public SeriesView View { get; }

        /// <summary>Gets the series.</summary>
        public RecurringSession Series => View.Series;

        /// <summary>Gets the instance's identity start: the key of its override.</summary>
        public LocalDateTime Identity { get; }

        /// <summary>Gets the instance's own override as stored, or null when it has none.</summary>
        public InstanceOverride? Own { get; }

        /// <summary>
        /// The instance of a stored record whose identity start is <paramref name="identity"/>, with its own override
        /// taken from the record; null when the rule has no occurrence there (an id names an instance only then).
        /// </summary>
        public static Instance? Of(RecurringSessionRecord record, LocalDateTime identity)
        {
            var view = SeriesView.Of(record);
            if (view.FindOccurrence(identity) is not { } occurrence)
            {
                return null;
            }

            var own = record.Overrides.GetValueOrDefault(identity);
            var session = own?.Start is CalendarDateTime start
                ? view.Instance(identity, start, own)
                : view.Instance(occurrence);
            return new Instance(view, identity, own, session);
        }

        /// <summary>The instance of a series read with its one override only (inside a store's atomic change); null as <see cref="Of(RecurringSessionRecord, LocalDateTime)"/>.</summary>
        public static Instance? Of(RecurringSession series, LocalDateTime identity, InstanceOverride? own)
        {
            var overrides = own is null
                ? ImmutableDictionary<LocalDateTime, InstanceOverride>.Empty
                : ImmutableDictionary<LocalDateTime, InstanceOverride>.Empty.Add(identity, own);
            return Of(new RecurringSessionRecord(series, null, overrides), identity);
        }

        /// <summary>The instance's override to change: its own, or a new one created now.</summary>
        public InstanceOverride OwnOrNew(Instant now) =>
            Own ?? new InstanceOverride { RecurringSessionId = Series.Id, IdentityStart = Identity, CreatedAt = now };

        /// <summary>The instance as it reads with <paramref name="own"/> as its override: at its own start, else where it is now.</summary>
        public Session With(InstanceOverride? own) => View.Instance(Identity, own?.Start ?? Session.Start, own);
    }
}
