// The Scheduling console sample, on the embedded defaults (the in-memory stores).
// Run it with: dotnet run --project samples/Scheduling.Samples.Console
using Scheduling.Samples.Console;

RecurrenceTour.Run();
Console.WriteLine();
await SessionsTour.RunAsync();
Console.WriteLine();
await ClinicTour.RunAsync();
