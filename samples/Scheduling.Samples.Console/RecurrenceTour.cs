using NodaTime;
using NodaTime.Text;
using Scheduling.Recurrence;

namespace Scheduling.Samples.Console;

using Console = System.Console;

/// <summary>Part one of the sample: the RFC 5545 recurrence engine on its own.</summary>
internal static class RecurrenceTour
{
    public static void Run()
    {
var tzdb = DateTimeZoneProviders.Tzdb;
var dayPattern = LocalDateTimePattern.CreateWithInvariantCulture("ddd uuuu-MM-dd HH:mm");

// 1. A weekly class: Mondays, Wednesdays and Fridays at 18:30 in New York, ten sessions, one of them cancelled.
var newYork = tzdb["America/New_York"];
var yoga = new RecurrenceSet(
    start: new LocalDateTime(2025, 1, 6, 18, 30),
    zone: newYork,
    rule: RecurrenceRule.Parse("FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=10"),
    exceptionDates: [new LocalDateTime(2025, 1, 8, 18, 30)]);

Console.WriteLine($"Yoga, {yoga.Rule} in {yoga.Zone.Id}, without the class of 8 January:");
foreach (var occurrence in yoga.Between(Instant.FromUtc(2025, 1, 1, 0, 0), Instant.FromUtc(2026, 1, 1, 0, 0)))
{
    Console.WriteLine($"  {dayPattern.Format(occurrence.LocalStart)}  ({occurrence.Start})");
}

// 2. A daily 02:30 reminder across New York's spring-forward gap (RFC 5545 section 3.3.5).
var reminder = new RecurrenceSet(new LocalDateTime(2025, 3, 7, 2, 30), newYork, RecurrenceRule.Parse("FREQ=DAILY;COUNT=5"));
Console.WriteLine();
Console.WriteLine("A 02:30 reminder across the 9 March 2025 gap (02:30 does not exist that night):");
foreach (var occurrence in reminder.All())
{
    var note = occurrence.IsShifted ? $"  <- {occurrence.RecurrenceId:HH:mm} does not exist; read with the offset before the gap" : string.Empty;
    Console.WriteLine($"  {occurrence}{note}");
}

// 3. The last working day of each month in Sydney, queried for one quarter of 2030 without walking from 2025.
var sydney = tzdb["Australia/Sydney"];
var payroll = new RecurrenceSet(new LocalDateTime(2025, 1, 31, 17, 0), sydney, RecurrenceRule.Parse("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"));
var quarterStart = new LocalDateTime(2030, 1, 1, 0, 0).InZoneLeniently(sydney).ToInstant();
var quarterEnd = new LocalDateTime(2030, 4, 1, 0, 0).InZoneLeniently(sydney).ToInstant();
Console.WriteLine();
Console.WriteLine($"Payroll in Sydney ({payroll.Rule}), first quarter of 2030:");
foreach (var occurrence in payroll.Between(quarterStart, quarterEnd))
{
    Console.WriteLine($"  {dayPattern.Format(occurrence.LocalStart)} {occurrence.Offset}");
}

// 4. A mistake in a rule is reported with the part and the character position.
Console.WriteLine();
if (!RecurrenceRule.TryParse("FREQ=MONTHLY;BYMONTHDAY=1,32", out _, out var error))
{
    Console.WriteLine($"Rejected FREQ=MONTHLY;BYMONTHDAY=1,32: {error.Code} in {error.Part} at position {error.Position}: {error.Message}");
}
    }
}
