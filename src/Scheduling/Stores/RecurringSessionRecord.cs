using System.Collections.Immutable;
using NodaTime;
using Scheduling.Sessions;

namespace Scheduling.Stores;

/// <summary>A recurring session as stored: the series, the span its instances can occupy, and its instance overrides.</summary>
/// <param name="Series">The series.</param>
/// <param name="SpanEnd">The latest instant an instance can end, or null when the series never ends.</param>
/// <param name="Overrides">The instances that changed on their own, by identity start.</param>
public sealed record RecurringSessionRecord(
    RecurringSession Series,
    Instant? SpanEnd,
    ImmutableDictionary<LocalDateTime, InstanceOverride> Overrides);
