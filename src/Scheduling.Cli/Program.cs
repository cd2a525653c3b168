using Scheduling.Cli;

using var streams = StandardStreams.OpenConsole();
return SchedulingCommandLine.Run(args, streams);
