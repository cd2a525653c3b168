using BenchmarkDotNet.Running;

namespace Scheduling.Benchmarks;

/// <summary>
/// Runs the benchmarks chosen on the command line, for example
/// <c>dotnet run -c Release -- --filter '*' --job short --exporters json</c>.
/// </summary>
public static class Program
{
    /// <summary>Hands the arguments to BenchmarkDotNet's switcher (<c>--filter</c>, <c>--job</c>, <c>--exporters</c>, <c>--join</c>, ...).</summary>
    /// <param name="args">BenchmarkDotNet command-line arguments.</param>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
